import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { accessibleName } from '@/lib/ui/a11y';

interface ChoiceProps {
  id: string;
  selected: boolean;
  /** Why it cannot be chosen, in words (已约满); the choice is then shown but not tappable. */
  disabledReason?: string | null;
  onSelect: () => void;
  title: string;
  detail?: ReactNode;
  /** The one deciding fact, bold on the right (余 8 个名额, ¥3.00). */
  aside?: ReactNode;
}

/** One option of a single choice: a big row, selected shown by a border and the words 已选, never colour alone. */
export function Choice({ id, selected, disabledReason, onSelect, title, detail, aside }: ChoiceProps) {
  const disabled = Boolean(disabledReason);
  const classes = ['choice', selected ? 'choice--selected' : '', disabled ? 'choice--disabled' : ''].filter(Boolean).join(' ');
  return (
    <View
      id={id}
      className={classes}
      role='radio'
      aria-checked={selected ? 'true' : 'false'}
      aria-disabled={disabled ? 'true' : 'false'}
      {...accessibleName([title, typeof aside === 'string' ? aside : '', disabledReason ?? ''].filter(Boolean).join('，'))}
      onClick={disabled ? undefined : onSelect}
    >
      <View className='choice__main'>
        <View className='choice__title'>
          {selected ? <View className='choice__mark'>✓ 已选</View> : null}
          {title}
        </View>
        {detail ? <View className='choice__detail'>{detail}</View> : null}
        {disabledReason ? <View className='choice__reason'>{disabledReason}</View> : null}
      </View>
      {aside ? <View className='choice__aside'>{aside}</View> : null}
    </View>
  );
}

/** A titled group of choices (a radiogroup for screen readers). */
export function ChoiceSection({ id, title, children, note }: { id: string; title: string; children: ReactNode; note?: ReactNode }) {
  return (
    <View id={id} className='card choice-section'>
      <View className='text-title choice-section__title'>{title}</View>
      {note ? <View className='text-secondary choice-section__note'>{note}</View> : null}
      <View role='radiogroup' {...accessibleName(title)} className='choice-section__options'>
        {children}
      </View>
    </View>
  );
}
