import { Footprint, Gift, Health, Heart, Home, Image, Store } from '@nutui/icons-react-taro';
import { lazy, Suspense, type ComponentType } from 'react';
// Sets the icon tag for mini-programs (no <i> there); imported for that effect.
import '@/lib/ui/iconTag';

/** The icons of the categories the 服务 tab shows first (ServiceFilters' FIRST_CATEGORIES); a label always goes with each. */
const FIRST_CATEGORY_ICONS: Record<string, ComponentType> = {
  'party-government': Home,
  elderly: Heart,
  health: Health,
  childcare: Gift,
  culture: Image,
  sports: Footprint,
  commerce: Store,
};

/**
 * The others come when 更多 opens (./moreCategoryIcons); meanwhile the tile shows its label and keeps its icon box, so
 * nothing moves. On mini-programs Taro turns import() into require(): the same code, drawn at once.
 */
const MoreCategoryIcon = lazy(() =>
  import('./moreCategoryIcons').then(({ MORE_CATEGORY_ICONS, FALLBACK_ICON }) => ({
    default: ({ id }: { id: string }) => {
      const Icon = MORE_CATEGORY_ICONS[id] ?? FALLBACK_ICON;
      return <Icon />;
    },
  })),
);

/** One icon per top-level category (config/domain/categories.json). */
export function CategoryIcon({ id }: { id: string }) {
  const First = FIRST_CATEGORY_ICONS[id];
  if (First) return <First />;
  return (
    <Suspense fallback={null}>
      <MoreCategoryIcon id={id} />
    </Suspense>
  );
}
