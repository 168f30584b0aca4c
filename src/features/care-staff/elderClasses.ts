/**
 * The eight classes (八类老人) as the city lists them in config/domain/care.json, read from the data itself: the
 * contract's module would bring zod into the subpackage.
 */
import careConfig from '../../../config/domain/care.json';

export const ELDER_CLASSES: ReadonlyArray<{ id: string; name: string }> = careConfig.classes;

/** 高龄（80 岁以上）、独居 — the names of an elder's classes, or 未设置. */
export function classNamesText(ids: readonly string[]): string {
  const names = ELDER_CLASSES.filter((c) => ids.includes(c.id)).map((c) => c.name);
  return names.length > 0 ? names.join('、') : '未设置';
}
