/**
 * Words typed by their sound: 拼音 instead of characters (chifan, yaodian, yinhang) and the wrong character of
 * the same sound that a 拼音 keyboard offers first (要店 for 药店, 里发 for 理发, 超事 for 超市), and 拼音 of several
 * words run together (xiujiadian). All are read as
 * the everyday word that sounds the same — the names of categories and subcategories, the words of
 * search-synonyms.json and the longer words of search-intents.json — with pinyin-pro, on the server only.
 * parseSearch (contract/rules/search-words.ts) then reads that word as if it had been typed, keeping the typed
 * one too, so a place really called 要店 is still found.
 */
import { pinyin } from 'pinyin-pro';
import { categoryTree } from '@contract/rules/categories';
import { textRuns } from '@contract/rules/search-words';
import intentsConfig from '../../../config/domain/search-intents.json';
import synonymsConfig from '../../../config/domain/search-synonyms.json';

/** 拼音 without tones, syllables joined: 药店 → yaodian. */
export function soundOf(word: string): string {
  return pinyin(word, { toneType: 'none', type: 'array' }).join('').toLowerCase();
}

const LATIN = /^[a-z]+$/;
/** Shorter 拼音 is too often another word: "yao" is 药, 要, 腰 …; a single character likewise. */
const MIN_LATIN_LETTERS = 4;
const MIN_CHARACTERS = 2;

/** Every everyday word of the search, folded as the search folds (the category tree's names included). */
export const everydayWords: readonly string[] = [
  ...new Set(
    [
      ...categoryTree.flatMap((category) => [category.name, ...category.subcategories.map((sub) => sub.name)]),
      ...synonymsConfig.groups.flat(),
      ...intentsConfig.intents.flatMap((intent) => intent.when),
    ].flatMap(textRuns),
  ),
];

const known = new Set(everydayWords);
/** Sound → the first everyday word with it (the category tree comes first, so its names win a tie). */
const bySound = new Map<string, string>();
/** The same with one-character words too (修, 饭, 药): only for pieces of a longer 拼音 word. */
const pieceBySound = new Map<string, string>();
for (const word of everydayWords) {
  const sound = soundOf(word);
  if (!pieceBySound.has(sound)) pieceBySound.set(sound, word);
  if (Array.from(word).length >= MIN_CHARACTERS && !bySound.has(sound)) bySound.set(sound, word);
}

/**
 * 拼音 of several everyday words run together (xiujiadian = 修 + 家电): the words, joined, when the whole of it
 * splits into known sounds; the split with the fewest pieces wins.
 */
function joinedWords(latin: string): string | undefined {
  const best: Array<string[] | undefined> = [[]];
  for (let end = 1; end <= latin.length; end += 1) {
    for (let start = 0; start < end; start += 1) {
      const before = best[start];
      const piece = before && pieceBySound.get(latin.slice(start, end));
      if (piece && (!best[end] || best[end]!.length > before.length + 1)) best[end] = [...before, piece];
    }
  }
  const pieces = best[latin.length];
  return pieces && pieces.length > 1 ? pieces.join('') : undefined;
}

/** The everyday word a typed (folded) word sounds like, when it is not one itself; undefined otherwise. */
export function soundsLike(typed: string): string | undefined {
  if (known.has(typed)) return undefined;
  if (LATIN.test(typed)) return typed.length >= MIN_LATIN_LETTERS ? (bySound.get(typed) ?? joinedWords(typed)) : undefined;
  if (Array.from(typed).length < MIN_CHARACTERS || /[a-z0-9]/.test(typed)) return undefined;
  return bySound.get(soundOf(typed));
}
