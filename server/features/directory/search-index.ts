/**
 * The keyword index of service points: each point's searchable text (name, address, services, category and
 * subcategory names, folded as contract/rules/search-words.ts says) and its terms in `service_point_terms`
 * (term, point id), primary key (term, point_id). A keyword narrows by exact term look-ups on that key, then
 * the searchable text confirms the match (LIKE). Plain B-tree look-ups and LIKE: the same on SQLite and
 * PostgreSQL. Synonyms are expanded at query time, so changing config/domain/search-synonyms.json needs no
 * re-indexing; changing category names does (a new migration that calls `reindexAllPoints`).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import { categoryTree, findSubcategory } from '@contract/rules/categories';
import { indexTerms, searchableText, termLookup, textRuns, type SearchWord } from '@contract/rules/search-words';
import type { Database } from '../../db/schema';

export interface SearchablePoint {
  id: string;
  name: string;
  address: string;
  subcategoryId: string;
  serviceNames: readonly string[];
}

/** The folded text and the index terms of one point. */
export function searchEntry(point: SearchablePoint): { searchText: string; terms: string[] } {
  const subcategory = findSubcategory(point.subcategoryId);
  const category = categoryTree.find((c) => c.id === subcategory?.categoryId);
  const fields = [point.name, point.address, ...point.serviceNames, category?.name ?? '', subcategory?.name ?? ''];
  return { searchText: searchableText(fields), terms: indexTerms(fields.flatMap(textRuns)) };
}

/** Rows per INSERT of terms: two parameters each, far under SQLite's and PostgreSQL's limits. */
const TERM_CHUNK = 2000;

// Used by migrations too, which see the schema as Kysely<any>.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function insertTerms(db: Kysely<any>, rows: Array<{ term: string; point_id: string }>): Promise<void> {
  for (let start = 0; start < rows.length; start += TERM_CHUNK) {
    await db.insertInto('service_point_terms').values(rows.slice(start, start + TERM_CHUNK)).execute();
  }
}

/** The next code point: terms starting with c are exactly those in [c, next(c)) in binary order. */
function nextCodePoint(char: string): string {
  return String.fromCodePoint(char.codePointAt(0)! + 1);
}

/** LIKE pattern for a substring, with LIKE's own wildcards escaped (ESCAPE '\' works in SQLite and PostgreSQL). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

type PointsBuilder = ExpressionBuilder<Database, 'service_points'>;

/**
 * How the index is used. 'probe': each candidate row (already narrowed by the location index to a circle)
 * checks its own terms — a few primary-key look-ups per row. 'list': the matching ids are listed from the term
 * index once — for searches that are not narrowed by place (by name, or the nearest anywhere).
 */
export type KeywordMode = 'probe' | 'list';

/** Rows of the term table for one point and one term (probe) or term range. */
function termsOf(eb: PointsBuilder) {
  return eb.selectFrom('service_point_terms').whereRef('service_point_terms.point_id', '=', 'service_points.id');
}

/** The index condition for one spelling, or null when the index cannot narrow it (digits only). */
function spellingInIndex(eb: PointsBuilder, spelling: string, mode: KeywordMode): Expression<SqlBool> | null {
  const lookup = termLookup(spelling);
  if (!lookup) return null;
  if ('startsWith' in lookup) {
    const from = lookup.startsWith;
    const to = nextCodePoint(from);
    if (mode === 'probe') {
      return eb.exists(termsOf(eb).select('service_point_terms.term').where('service_point_terms.term', '>=', from).where('service_point_terms.term', '<', to));
    }
    const ids = eb
      .selectFrom('service_point_terms')
      .select('service_point_terms.point_id')
      .where('service_point_terms.term', '>=', from)
      .where('service_point_terms.term', '<', to);
    return eb('service_points.id', 'in', ids);
  }
  if (mode === 'probe') {
    return eb.and(lookup.pairs.map((pair) => eb.exists(termsOf(eb).select('service_point_terms.term').where('service_point_terms.term', '=', pair))));
  }
  const ids = eb
    .selectFrom('service_point_terms')
    .select('service_point_terms.point_id')
    .where('service_point_terms.term', 'in', lookup.pairs)
    .groupBy('service_point_terms.point_id')
    .having((h) => h.fn.countAll(), '=', lookup.pairs.length);
  return eb('service_points.id', 'in', ids);
}

/** One word: some spelling is in the point's text, narrowed through the index when every spelling allows it. */
function wordCondition(eb: PointsBuilder, word: SearchWord, mode: KeywordMode): Expression<SqlBool> {
  const confirm = eb.or(
    word.spellings.map((spelling) => sql<SqlBool>`${sql.ref('service_points.search_text')} like ${containsPattern(spelling)} escape '\\'`),
  );
  const inIndex = word.spellings.map((spelling) => spellingInIndex(eb, spelling, mode));
  if (inIndex.some((c) => c === null)) return confirm;
  return eb.and([eb.or(inIndex as Array<Expression<SqlBool>>), confirm]);
}

/** Every word of the query (parseSearch) must match: several words narrow. */
export function keywordCondition(eb: PointsBuilder, words: readonly SearchWord[], mode: KeywordMode): Expression<SqlBool> {
  return eb.and(words.map((word) => wordCondition(eb, word, mode)));
}
