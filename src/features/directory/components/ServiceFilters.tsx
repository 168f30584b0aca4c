import { Input, Text, View } from '@tarojs/components';
import { useEffect, useState } from 'react';
import { categoryTree, findCategory } from '@contract/rules/categories';
import { accessibleName } from '@/lib/ui/a11y';
import type { ServiceFilters as Filters } from '../useServiceList';
import { CategoryIcon } from './CategoryIcon';
import { Chip } from './Chip';

/** The categories residents look for most come first; the rest behind 更多. */
const FIRST_CATEGORIES = ['elderly', 'health', 'commerce', 'party-government', 'childcare', 'culture', 'sports'];
const ORDERED = [
  ...FIRST_CATEGORIES.map((id) => findCategory(id)!).filter(Boolean),
  ...categoryTree.filter((c) => !FIRST_CATEGORIES.includes(c.id)),
];
/** Typing pauses this long before the list follows the search box. */
const SEARCH_PAUSE_MS = 500;

/** "党群/政务服务" → ["党群/", "政务服务"]: a label breaks only after a slash, never leaving one character alone. */
function labelParts(name: string): string[] {
  return name.split('/').map((part, i, all) => (i < all.length - 1 ? `${part}/` : part));
}

interface ServiceFiltersProps {
  filters: Filters;
  onChange: (next: Partial<Filters>) => void;
  /** Whether distances can be measured (15 分钟内 needs it). */
  hasOrigin: boolean;
  /** 15 分钟内 tapped without an origin: ask for one. */
  onNeedOrigin: () => void;
}

export function ServiceFilters({ filters, onChange, hasOrigin, onNeedOrigin }: ServiceFiltersProps) {
  const [text, setText] = useState(filters.q);
  const [showAll, setShowAll] = useState(false);
  const selected = filters.category ? findCategory(filters.category) : undefined;

  // Cleared from outside (清除筛选): the box follows.
  useEffect(() => setText(filters.q), [filters.q]);

  useEffect(() => {
    if (text.trim() === filters.q) return;
    const timer = setTimeout(() => onChange({ q: text.trim() }), SEARCH_PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, filters.q, onChange]);

  const categories = showAll ? ORDERED : ORDERED.slice(0, FIRST_CATEGORIES.length);

  return (
    <View className='service-filters'>
      <View className='service-search'>
        <Input
          id='service-search'
          className='service-search__input'
          type='text'
          confirmType='search'
          placeholder='搜药店、食堂、超市…'
          value={text}
          maxlength={50}
          onInput={(event) => setText(event.detail.value)}
          onConfirm={(event) => onChange({ q: event.detail.value.trim() })}
          {...accessibleName('搜索服务')}
        />
      </View>

      {/* Once a category is chosen the grid steps aside: the choice and its subcategories stay in one row below. */}
      {selected ? null : (
        <View className='category-grid'>
          {categories.map((category) => (
            <View
              key={category.id}
              id={`category-${category.id}`}
              className='category-tile'
              role='button'
              {...accessibleName(category.name)}
              onClick={() => onChange({ category: category.id, subcategory: '' })}
            >
              <View className='category-tile__icon'>
                <CategoryIcon id={category.id} />
              </View>
              <View className='category-tile__label'>
                {labelParts(category.name).map((part) => (
                  <Text key={part} className='category-tile__label-part'>
                    {part}
                  </Text>
                ))}
              </View>
            </View>
          ))}
          <View id='category-more' className='category-tile category-tile--more' role='button' onClick={() => setShowAll(!showAll)}>
            <View className='category-tile__label'>{showAll ? '收起' : '更多类别'}</View>
          </View>
        </View>
      )}

      <View className={selected ? 'chip-row chip-row--compact' : 'chip-row'} id='filter-row'>
        <Chip
          id='chip-nearby'
          label='15 分钟内'
          on={filters.nearby && hasOrigin}
          onToggle={() => (hasOrigin ? onChange({ nearby: !filters.nearby }) : onNeedOrigin())}
        />
        <Chip id='chip-open-now' label='营业中' on={filters.openNow} onToggle={() => onChange({ openNow: !filters.openNow })} />
        {selected ? (
          <Chip id='chip-category' label={`${selected.name} ×`} on onToggle={() => onChange({ category: '', subcategory: '' })} />
        ) : null}
        {selected && selected.subcategories.length > 1 ? (
          <>
            <Chip id='subcategory-all' label={`全部${selected.name}`} on={!filters.subcategory} onToggle={() => onChange({ subcategory: '' })} />
            {selected.subcategories.map((sub) => (
              <Chip
                key={sub.id}
                id={`subcategory-${sub.id}`}
                label={sub.name}
                on={filters.subcategory === sub.id}
                onToggle={() => onChange({ subcategory: filters.subcategory === sub.id ? '' : sub.id })}
              />
            ))}
          </>
        ) : null}
      </View>
    </View>
  );
}
