/**
 * The words of elderly care that both the server's schemas (contract/care.ts) and the app's pages show. Kept apart
 * from contract/care.ts, which builds zod schemas: importing a value from there would bring zod into the care
 * subpackages, so the app imports these from here.
 */
import careConfig from '../config/domain/care.json';

/** The eight classes (八类老人) from config/domain/care.json. */
export const elderClasses: ReadonlyArray<{ id: string; name: string }> = careConfig.classes;

/** 高龄（80 岁以上）、独居 — the names of an elder's classes, or 未设置. */
export function classNamesText(ids: readonly string[]): string {
  const names = elderClasses.filter((c) => ids.includes(c.id)).map((c) => c.name);
  return names.length > 0 ? names.join('、') : '未设置';
}

export const relations = ['子女', '配偶', '亲属', '其他'] as const;
export type Relation = (typeof relations)[number];

export const livingSituations = ['alone', 'with-spouse', 'with-children', 'other'] as const;
export type LivingSituation = (typeof livingSituations)[number];
export const livingSituationNames: Record<LivingSituation, string> = {
  alone: '独居',
  'with-spouse': '与配偶同住',
  'with-children': '与子女同住',
  other: '其他',
};

export const mealModes = ['dine-in', 'delivery'] as const;
export type MealMode = (typeof mealModes)[number];
/** 堂食 / 送餐 */
export const mealModeNames: Record<MealMode, string> = { 'dine-in': '堂食', delivery: '送餐' };
