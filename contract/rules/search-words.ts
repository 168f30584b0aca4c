/**
 * How the directory's keyword search reads text (DOMAIN.md §1): what a point is searched by, and what a typed
 * query means. Pure; the everyday words (synonyms, fillers, 拼音 initials) are data in
 * config/domain/search-synonyms.json.
 *
 * Both sides are folded the same way: NFKC (full-width letters, digits and brackets become half-width), lower
 * case, whitespace removed, then cut into runs of letters and digits at punctuation. A point's searchable text
 * is its runs joined by single spaces, so a match never spans two names or a bracket.
 *
 * A word that names no place in everyday words but says what one wants to do (吃饭, 看牙, 修家电) is read by
 * its intents (config/domain/search-intents.json): it means the names of the categories that serve it.
 */
import intentsConfig from '../../config/domain/search-intents.json';
import synonymsConfig from '../../config/domain/search-synonyms.json';
import { categoryTree } from './categories';

const NOT_LETTER_OR_DIGIT = /[^\p{L}\p{N}]+/u;
const WHITESPACE = /\s+/gu;

/** The runs of letters and digits of a text, folded: '益康大药房（新市店）' → ['益康大药房', '新市店']. */
export function textRuns(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().replace(WHITESPACE, '').split(NOT_LETTER_OR_DIGIT).filter(Boolean);
}

/** What the LIKE confirmation reads: every run of every field, space-separated. */
export function searchableText(fields: readonly string[]): string {
  return fields.flatMap(textRuns).join(' ');
}

const ONLY_DIGITS = /^\d+ ?$/;

/**
 * Index terms of a point: every pair of neighbouring characters of a run, and each run's last character
 * followed by a space. A single typed character c is then found as the terms starting with c; longer words as
 * all of their pairs. House numbers (digits only) are left out: nobody finds a place by "25".
 */
export function indexTerms(runs: readonly string[]): string[] {
  const terms = new Set<string>();
  for (const run of runs) {
    const chars = Array.from(run);
    for (let i = 0; i + 1 < chars.length; i += 1) terms.add(chars[i] + chars[i + 1]);
    terms.add(`${chars[chars.length - 1]} `);
  }
  return [...terms].filter((term) => !ONLY_DIGITS.test(term));
}

/** How the index narrows one spelling: all these pairs, or (one character) the terms starting with it. */
export type TermLookup = { pairs: string[] } | { startsWith: string } | null;

/** The index look-up for one folded spelling (a single run); null when the index cannot help (digits only). */
export function termLookup(spelling: string): TermLookup {
  const chars = Array.from(spelling);
  if (chars.length === 1) return ONLY_DIGITS.test(spelling) ? null : { startsWith: spelling };
  const pairs = indexTerms([spelling]).filter((term) => !term.endsWith(' '));
  return pairs.length > 0 ? { pairs } : null;
}

/** One typed word: any of its spellings must occur in a point's searchable text. */
export interface SearchWord {
  /** As typed (folded). */
  typed: string;
  /** The word itself and what it also means (synonyms, the characters of 拼音 initials); none contains another. */
  spellings: string[];
}

const groups: readonly string[][] = synonymsConfig.groups;
const initials: Readonly<Record<string, string>> = synonymsConfig.initials;
const members = new Set(groups.flat());
// Longest first, so 附近的 is stripped before 附近.
const byLength = (a: string, b: string) => b.length - a.length;
const leadingFillers = [...synonymsConfig.leadingFillers].sort(byLength);
const trailingFillers = [...synonymsConfig.trailingFillers].sort(byLength);

/** "附近的药店" → "药店"; a word that is itself an everyday word (找工作) is kept whole. */
function withoutFillers(word: string): string {
  let rest = word;
  for (let changed = true; changed && rest && !members.has(rest); ) {
    changed = false;
    const lead = leadingFillers.find((f) => rest.startsWith(f));
    if (lead) [rest, changed] = [rest.slice(lead.length), true];
    const trail = trailingFillers.find((f) => rest.endsWith(f) && rest.length > f.length);
    if (trail) [rest, changed] = [rest.slice(0, -trail.length), true];
  }
  return rest;
}

/** The word and, for each synonym group it contains, the word with that member replaced by every other member. */
function synonymSpellings(word: string): string[] {
  const spellings = new Set([word]);
  for (const group of groups) {
    const member = [...group].sort(byLength).find((m) => word.includes(m));
    if (member) for (const other of group) spellings.add(word.replace(member, other));
  }
  return [...spellings];
}

/** Spellings that contain another spelling add nothing (大药房 is found by 药房 anyway). */
function withoutRedundant(spellings: string[]): string[] {
  return spellings.filter((s) => !spellings.some((other) => other !== s && s.includes(other)));
}

interface IntentDefinition {
  id: string;
  when: string[];
  categories?: string[];
  subcategories?: string[];
}

/** The folded runs of the names of an intent's categories and subcategories: what the points are indexed by. */
function intentSpellings(intent: IntentDefinition): string[] {
  const names = categoryTree.flatMap((category) => [
    ...(intent.categories?.includes(category.id) ? [category.name] : []),
    ...category.subcategories.filter((sub) => intent.subcategories?.includes(sub.id)).map((sub) => sub.name),
  ]);
  return [...new Set(names.flatMap(textRuns))];
}

const intents = (intentsConfig.intents as IntentDefinition[]).map((intent) => ({ ...intent, spellings: intentSpellings(intent) }));
// Longest first across all intents, so 养老金 (政务) is read before 老 and 看牙 before 牙.
const intentKeys = intents.flatMap((intent) => intent.when.map((key) => ({ key, intent }))).sort((a, b) => byLength(a.key, b.key));

const membersByLength = [...members].sort(byLength);

/**
 * The intents of a word. An everyday word of search-synonyms.json names a place precisely and wins (新市街药店
 * stays a 药店), unless the rest of the word says more that it wants (看病拿药). Each key found is taken out of
 * the word so a longer key is not read again by its characters.
 */
function intentsOf(word: string): Array<(typeof intents)[number]> {
  const member = membersByLength.find((m) => word.includes(m));
  if (member && !intentKeys.some(({ key }) => word.replace(member, ' ').includes(key))) return [];
  const found: Array<(typeof intents)[number]> = [];
  let rest = word;
  for (const { key, intent } of intentKeys) {
    if (!rest.includes(key)) continue;
    rest = rest.split(key).join(' ');
    if (!found.includes(intent)) found.push(intent);
  }
  return found;
}

/** At most this many words count; a longer query is not a place anyone types. */
const MAX_WORDS = 6;

/** The everyday word a typed one sounds like (拼音, a same-sounding character), if any: the server's, by pinyin. */
export type SoundsLike = (typed: string) => string | undefined;

/**
 * What a query asks for: words split at spaces and punctuation, each with its spellings. Every word must match
 * (several words narrow); fillers are dropped. Empty when nothing searchable is left. A word typed by its sound
 * (`soundsLike`) is read as the everyday word it sounds like, and still matches as typed.
 */
export function parseSearch(query: string, soundsLike?: SoundsLike): SearchWord[] {
  const words: SearchWord[] = [];
  for (const raw of query.normalize('NFKC').toLowerCase().split(NOT_LETTER_OR_DIGIT)) {
    const typed = withoutFillers(raw);
    if (!typed || words.some((w) => w.typed === typed)) continue;
    const heard = soundsLike?.(typed);
    const meant = intentsOf(heard ?? typed);
    if (meant.length > 0) {
      // Each intent is a word of its own (老人吃饭: 养老 and 助餐 both); the word as typed still counts.
      for (const intent of meant) words.push({ typed, spellings: withoutRedundant([typed, ...intent.spellings]) });
    } else {
      const bases = heard ? [typed, heard] : /^[a-z]+$/.test(typed) && initials[typed] ? [typed, initials[typed]] : [typed];
      words.push({ typed, spellings: withoutRedundant([...new Set(bases.flatMap(synonymSpellings))]) });
    }
    if (words.length >= MAX_WORDS) break;
  }
  return words;
}
