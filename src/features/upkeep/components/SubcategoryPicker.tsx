import { View } from '@tarojs/components';
import { useState } from 'react';
import { categoryTree, findSubcategory } from '@contract/rules/categories';
import { accessibleName } from '@/lib/ui/a11y';
import { ToggleChip } from '@/lib/ui/ToggleChip';

/** 类别 in two steps (category, then its kind) so no screen holds the whole tree at once. */
export function SubcategoryPicker({ value, onChange, error }: { value: string; onChange: (id: string) => void; error?: string }) {
  const [category, setCategory] = useState(() => findSubcategory(value)?.categoryId ?? '');
  const subcategories = categoryTree.find((c) => c.id === category)?.subcategories ?? [];
  return (
    <View className='field' id='edit-subcategory'>
      <View className='field__label'>类别</View>
      <View className='chip-row' role='radiogroup' {...accessibleName('大类')}>
        {categoryTree.map((c) => (
          <ToggleChip key={c.id} id={`category-${c.id}`} radio on={c.id === category} label={c.name} onTap={() => setCategory(c.id)} />
        ))}
      </View>
      {subcategories.length ? (
        <View className='chip-row field' role='radiogroup' {...accessibleName('类别')}>
          {subcategories.map((s) => (
            <ToggleChip key={s.id} id={`subcategory-${s.id}`} radio on={s.id === value} label={s.name} onTap={() => onChange(s.id)} />
          ))}
        </View>
      ) : null}
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}
