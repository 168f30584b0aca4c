/**
 * The last answer of the 服务 tab's opening view, kept on the phone (Taro storage) so a returning user sees cards at
 * once while the fresh answer is on its way. Only the view a new visit opens with is kept — the whole circle (or the
 * wider radius) around a picked 社区, no search, no category, no 营业中 — because:
 * - the community choice is already stored (origin.ts) and the list around its centre is public data; a list
 *   measured from the user's own position is not kept (its distances would tell where they were), nor what they
 *   searched for or browsed (filters live only as long as the app, filtersStore.ts);
 * - a 营业中 list is true only at the minute it was asked.
 * One entry, the first page only (≈ 10 KB), replaced by every fresh answer of that view.
 */
import Taro from '@tarojs/taro';
import type { ServicePointPage, ServicePointSummary } from '@contract/directory';
import type { Origin } from './origin';
import type { ServiceFilters } from './useServiceList';

/** The version in the name: a kept answer of an older app (another shape) is never read. */
const STORAGE_KEY = 'lj-directory-last-answer-v1';

/**
 * Older than this, a kept answer is not shown. Within it, an open state whose next change is "not in the coming
 * days" (null, the server looks 16 days ahead) is still true.
 */
const MAX_AGE_MS = 7 * 24 * 60 * 60 * 1000;

interface KeptAnswer {
  key: string;
  /** ISO time the page was fetched. */
  fetchedAt: string;
  page: ServicePointPage;
}

/** Which view an answer belongs to, or null when that view is never kept (see above). */
export function lastAnswerKey(filters: ServiceFilters, origin: Origin | null): string | null {
  if (origin?.kind !== 'community' || filters.q.trim() || filters.category || filters.subcategory || filters.openNow) return null;
  return `${origin.communityId}@${origin.lat},${origin.lng}${filters.nearby ? '' : ':wide'}`;
}

export function readLastAnswer(key: string, now = Date.now()): KeptAnswer | null {
  try {
    const raw: unknown = Taro.getStorageSync(STORAGE_KEY);
    if (typeof raw !== 'string' || raw === '') return null;
    const kept = JSON.parse(raw) as KeptAnswer;
    const age = now - Date.parse(kept.fetchedAt);
    if (kept.key !== key || !(age >= 0 && age < MAX_AGE_MS) || !Array.isArray(kept.page?.items)) return null;
    return kept;
  } catch {
    return null; // Unreadable: as if nothing were kept.
  }
}

/** An empty answer is not kept (an old "nothing here" would only be a worse skeleton): it removes the old one. */
export function keepLastAnswer(key: string, page: ServicePointPage, now = new Date()): void {
  const kept: KeptAnswer = { key, fetchedAt: now.toISOString(), page };
  try {
    if (page.items.length === 0) Taro.removeStorageSync(STORAGE_KEY);
    else Taro.setStorageSync(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or refused: the next visit simply waits for the network, as without the cache.
  }
}

/**
 * Whether a kept card's 营业中/已打烊 is still true now: until the change the answer announced (closesAt when open,
 * nextOpenAt when closed). After it the card says neither until the fresh answer comes — an old "营业中" on a shut
 * door is worse than a moment without the word.
 */
export function openStateHolds(point: Pick<ServicePointSummary, 'openNow' | 'closesAt' | 'nextOpenAt'>, now: Date): boolean {
  const change = point.openNow ? point.closesAt : point.nextOpenAt;
  return change === null || now.getTime() < Date.parse(change);
}
