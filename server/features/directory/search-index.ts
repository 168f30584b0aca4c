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

/** Points whose terms hold one spelling, or null when the index cannot narrow it (digits only). */
function spellingCandidates(eb: PointsBuilder, spelling: string) {
  const lookup = termLookup(spelling);
  if (!lookup) return null;
  const terms = eb.selectFrom('service_point_terms').select('service_point_terms.point_id');
  if ('startsWith' in lookup) {
    return terms
      .where('service_point_terms.term', '>=', lookup.startsWith)
      .where('service_point_terms.term', '<', nextCodePoint(lookup.startsWith));
  }
  return terms
    .where('service_point_terms.term', 'in', lookup.pairs)
    .groupBy('service_point_terms.point_id')
    .having((h) => h.fn.countAll(), '=', lookup.pairs.length);
}

/** One word: some spelling is in the point's text, narrowed through the index when every spelling allows it. */
function wordCondition(eb: PointsBuilder, word: SearchWord): Expression<SqlBool> {
  const confirm = eb.or(
    word.spellings.map((spelling) => sql<SqlBool>`${sql.ref('service_points.search_text')} like ${containsPattern(spelling)} escape '\\'`),
  );
  const candidates = word.spellings.map((spelling) => spellingCandidates(eb, spelling));
  if (candidates.some((c) => c === null)) return confirm;
  return eb.and([eb.or(candidates.map((c) => eb('service_points.id', 'in', c!))), confirm]);
}

/** Every word of the query (parseSearch) must match: several words narrow. */
export function keywordCondition(eb: PointsBuilder, words: readonly SearchWord[]): Expression<SqlBool> {
  return eb.and(words.map((word) => wordCondition(eb, word)));
}
