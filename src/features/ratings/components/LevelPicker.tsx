import { View } from '@tarojs/components';
import { levelWords, ratingLevels, type RatingLevel } from '@contract/rules/rating';
import { accessibleName } from '@/lib/ui/a11y';

/** The five levels, always in words, one big row each (5 非常满意 at the top). */
export function LevelPicker({ value, onChange }: { value: RatingLevel | null; onChange: (level: RatingLevel) => void }) {
  return (
    <View className='level-picker' role='radiogroup' {...accessibleName('满意程度')}>
      {ratingLevels.map((level) => (
        <View
          key={level}
          id={`level-${level}`}
          className={`level-option level-option--${level <= 2 ? 'bad' : 'good'}${value === level ? ' level-option--on' : ''}`}
          role='radio'
          aria-checked={value === level ? 'true' : 'false'}
          onClick={() => onChange(level)}
        >
          <View className='level-option__mark'>{value === level ? '✓' : ''}</View>
          <View className='level-option__word'>{levelWords[level]}</View>
        </View>
      ))}
    </View>
  );
}
