import { View } from '@tarojs/components';
import { accessibleName, focusable } from '@/lib/ui/a11y';

interface ChipProps {
  id: string;
  label: string;
  on: boolean;
  onToggle: () => void;
}

/** A filter chip. "On" shows a tick as well as the colour, and says so to screen readers. */
export function Chip({ id, label, on, onToggle }: ChipProps) {
  return (
    <View
      id={id}
      className={`chip ${on ? 'chip--on' : ''}`}
      role='button'
      aria-pressed={on ? 'true' : 'false'}
      {...accessibleName(`${label}${on ? '，已选' : ''}`)}
      {...focusable()}
      onClick={onToggle}
    >
      {on ? '✓ ' : ''}
      {label}
    </View>
  );
}
