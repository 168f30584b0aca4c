import { View } from '@tarojs/components';
import { useSettings } from '../stores/settings';
import { accessibleName, focusable } from './a11y';

/**
 * The 长辈版 switch as one row: the whole row takes the tap, so the target is the row's height (≥ 60 px in 长辈版)
 * rather than a switch's knob (about 40 px), and it is named and announced as a switch. The knob only shows the state,
 * by its position and the word 开/关 (never colour alone); it is our own drawing because NutUI's Switch writes
 * ARIA attributes browsers do not know (ariarole, ariachecked) and screen readers would hear a second switch.
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
      {...focusable()}
      onClick={() => setElderMode(!elderMode)}
    >
      <View>
        <View className='text-title'>长辈版</View>
        <View className='text-secondary'>{description}</View>
      </View>
      <View className={`switch-knob ${elderMode ? 'switch-knob--on' : ''}`} aria-hidden='true'>
        <View className='switch-knob__word'>{elderMode ? '开' : '关'}</View>
        <View className='switch-knob__dot' />
      </View>
    </View>
  );
}
