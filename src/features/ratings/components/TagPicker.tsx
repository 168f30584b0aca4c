import { View } from '@tarojs/components';
import { isBadLevel, tagKindFor, tagsFor, type RatingLevel } from '@contract/rules/rating';
import { ToggleChip } from '@/lib/ui/ToggleChip';

/** The tags that fit the level: praise for 4–5, problems for 1–3 (at least one required for 1–2). */
export function TagPicker({ level, value, onChange, error }: { level: RatingLevel; value: string[]; onChange: (tags: string[]) => void; error?: string }) {
  const praise = tagKindFor(level) === 'praise';
  const toggle = (tag: string) => onChange(value.includes(tag) ? value.filter((t) => t !== tag) : [...value, tag]);
  return (
    <View className='field'>
      <View className='field__label'>
        {praise ? '哪些地方让您满意？（可不选）' : isBadLevel(level) ? '遇到了什么问题？（至少选一项）' : '有什么可以改进？（可不选）'}
      </View>
      <View className='tag-row'>
        {tagsFor(level).map((tag, index) => (
          <ToggleChip key={tag} id={`tag-${index}`} on={value.includes(tag)} label={tag} onTap={() => toggle(tag)} />
        ))}
      </View>
      {error ? (
        <View className='field__error' id='rate-tags-error'>
          {error}
        </View>
      ) : null}
    </View>
  );
}
