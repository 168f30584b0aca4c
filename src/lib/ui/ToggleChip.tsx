import { View } from '@tarojs/components';
import { focusable } from './a11y';

/** A chip that is on or off (a filter, one of several choices): on is said with ✓ and a border, never colour alone. */
export function ToggleChip({ id, on, label, onTap, radio }: { id: string; on: boolean; label: string; onTap: () => void; radio?: boolean }) {
  return (
    <View
      id={id}
      className={`toggle-chip${on ? ' toggle-chip--on' : ''}`}
      role={radio ? 'radio' : 'checkbox'}
      aria-checked={on ? 'true' : 'false'}
      {...focusable()}
      onClick={onTap}
    >
      {on ? '✓ ' : ''}
      {label}
    </View>
  );
}
