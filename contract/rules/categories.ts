/**
 * The service directory's category tree and the coverage list (DOMAIN.md §1), typed from
 * configuration (config/domain/categories.json, config/domain/directory.json). Pure, no zod,
 * so the client may import it for the category grid.
 */
import categoryConfig from '../../config/domain/categories.json';
import directoryConfig from '../../config/domain/directory.json';

export interface SubcategoryDefinition {
  id: string;
  name: string;
}

export interface CategoryDefinition {
  id: string;
  name: string;
  subcategories: SubcategoryDefinition[];
}

/** One basic service of the 15-minute circle: met when a point of one of `subcategories` is near enough. */
export interface CoverageDefinition {
  id: string;
  name: string;
  /** The layer it should be reached in: 5, 8 or 15 minutes on foot. */
  targetMinutes: number;
  subcategories: string[];
}

export const categoryTree: readonly CategoryDefinition[] = categoryConfig.categories;
export const coverageDefinitions: readonly CoverageDefinition[] = directoryConfig.coverage;
/** The walking-time layers of the circle, ascending: [5, 8, 15]. */
export const coverageLayers: readonly number[] = directoryConfig.layers;

const categoriesById = new Map(categoryTree.map((c) => [c.id, c]));
const subcategoriesById = new Map(
  categoryTree.flatMap((c) => c.subcategories.map((s) => [s.id, { ...s, categoryId: c.id }] as const)),
);

export function findCategory(id: string): CategoryDefinition | undefined {
  return categoriesById.get(id);
}

export function findSubcategory(id: string): (SubcategoryDefinition & { categoryId: string }) | undefined {
  return subcategoriesById.get(id);
}

/** The subcategory ids a filter value stands for: a category's own list, or the subcategory itself. */
export function subcategoriesMatching(id: string): string[] | undefined {
  const category = categoriesById.get(id);
  if (category) return category.subcategories.map((s) => s.id);
  return subcategoriesById.has(id) ? [id] : undefined;
}

/** The smallest layer (5 / 8 / 15) that a walk of `minutes` fits in, or null when it is beyond the circle. */
export function coverageLayerOf(minutes: number): number | null {
  return coverageLayers.find((layer) => minutes <= layer) ?? null;
}

/** How far a basic service of the circle is reached from a place: the same answer for the directory and planning. */
export interface CoverageReach {
  walkingMinutes: number | null;
  /** 5, 8 or 15; null when no point is within the circle. */
  layer: number | null;
  meetsTarget: boolean;
}

/** The nearest candidate of any of the definition's subcategories (the map holds the nearest per subcategory). */
export function nearestForDefinition<T extends { distance: number }>(definition: CoverageDefinition, nearest: ReadonlyMap<string, T>): T | undefined {
  return definition.subcategories
    .map((s) => nearest.get(s))
    .filter((n): n is T => n !== undefined)
    .sort((a, b) => a.distance - b.distance)[0];
}

/** Its walking time (`minutesOf(metres)`, the walking rule), layer, and whether that is within its target. */
export function coverageReach(definition: CoverageDefinition, minutes: number | null): CoverageReach {
  const layer = minutes === null ? null : coverageLayerOf(minutes);
  return { walkingMinutes: minutes, layer, meetsTarget: minutes !== null && minutes <= definition.targetMinutes };
}
