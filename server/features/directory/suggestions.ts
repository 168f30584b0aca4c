/**
 * What to offer when a search finds nothing (issue 18: never an empty page): the subcategories whose everyday
 * words come closest to what was typed — by the characters they share, neighbouring pairs counting most (宠物医院
 * shares 医院 with the words of 卫生院 …) — or, when nothing comes close, the basic services of the 15-minute
 * circle. (Words typed by their sound were already read as the word they sound like: sounds-like.ts.) A subcategory is reached by a word exactly as the search reaches it (parseSearch), so the chip
 * finds what the word would.
 */
import { categoryTree, coverageDefinitions, findSubcategory } from '@contract/rules/categories';
import { parseSearch, textRuns } from '@contract/rules/search-words';
import { everydayWords, soundsLike } from './sounds-like';

export interface CategorySuggestion {
  /** A subcategory id: pass it as `category` to list its points. */
  id: string;
  name: string;
}

const MAX_SUGGESTIONS = 4;
/** A word is close when at least half of its characters are in what was typed. */
const CLOSE_ENOUGH = 0.5;

const subcategories = categoryTree.flatMap((category) =>
  category.subcategories.map((sub) => ({ id: sub.id, name: sub.name, text: textRuns(`${category.name} ${sub.name}`).join(' ') })),
);

/** The subcategories a word finds by name: the same spellings the search would look for. */
function subcategoriesOf(word: string): string[] {
  const spellings = parseSearch(word, soundsLike).map((w) => w.spellings);
  return subcategories.filter((sub) => spellings.every((any) => any.some((s) => sub.text.includes(s)))).map((sub) => sub.id);
}

const vocabulary = everydayWords
  .map((word) => ({ word, chars: Array.from(word), reaches: subcategoriesOf(word) }))
  .filter((entry) => entry.reaches.length > 0);

/** The basic services of the circle, in the plan's order: offered when nothing typed comes close. */
const basics: CategorySuggestion[] = [
  ...new Map(
    coverageDefinitions.map((definition) => {
      const id = definition.subcategories[0];
      return [id, { id, name: findSubcategory(id)?.name ?? definition.name }] as const;
    }),
  ).values(),
].slice(0, 6);

/** How close an everyday word is to the typed runs: its characters found in them, each neighbouring pair found twice more. */
function closeness(chars: string[], typed: string[]): number {
  const found = chars.filter((c) => typed.some((run) => run.includes(c))).length;
  if (found / chars.length < CLOSE_ENOUGH) return 0;
  let pairs = 0;
  for (let i = 0; i + 1 < chars.length; i += 1) if (typed.some((run) => run.includes(chars[i] + chars[i + 1]))) pairs += 1;
  return found + 2 * pairs;
}

/** The closest subcategories to a query (`closest: true`), or the circle's basic services (`closest: false`). */
export function suggestCategories(query: string): { closest: boolean; items: CategorySuggestion[] } {
  const typed = textRuns(query);
  const scores = new Map<string, number>();
  for (const entry of vocabulary) {
    const score = closeness(entry.chars, typed);
    if (score > 0) for (const id of entry.reaches) scores.set(id, Math.max(scores.get(id) ?? 0, score));
  }
  const items = [...scores]
    .sort((a, b) => b[1] - a[1])
    .slice(0, MAX_SUGGESTIONS)
    .map(([id]) => ({ id, name: findSubcategory(id)?.name ?? id }));
  return items.length > 0 ? { closest: true, items } : { closest: false, items: basics };
}
