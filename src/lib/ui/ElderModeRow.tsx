import { View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { useSettings } from '../stores/settings';
import { accessibleName } from './a11y';

/**
 * The 长辈版 switch as one row: the whole row takes the tap, so the target is the row's height (≥ 60 px in 长辈版)
 * rather than NutUI's knob (about 40 px), and it is named and announced as a switch. The knob only shows the state.
 */
export function ElderModeRow({ id, description, className = '' }: { id: string; description: string; className?: string }) {
  const elderMode = useSettings((s) => s.elderMode);
  const setElderMode = useSettings((s) => s.setElderMode);
  return (
    <View
      id={id}
      className={`switch-row ${className}`}
      role='switch'
      aria-checked={elderMode ? 'true' : 'false'}
      {...accessibleName('长辈版')}
      onClick={() => setElderMode(!elderMode)}
    >
      <View>
        <View className='text-title'>长辈版</View>
        <View className='text-secondary'>{description}</View>
      </View>
      <Switch className='switch-row__knob' checked={elderMode} />
    </View>
  );
}
