import { useCallback, useMemo } from 'react';
import type { ServicePointSummary } from '@contract/directory';
import directoryConfig from '../../../config/domain/directory.json';
import type { ApiFailure } from '@/lib/api/failure';
import { useCursorList } from '@/lib/useCursorList';
import type { LatLng } from '@contract/rules/walking';
import { fetchServices, type ServiceListParams } from './api';
import { keepLastAnswer, lastAnswerKey, readLastAnswer } from './lastAnswer';
import type { Origin } from './origin';

export interface ServiceFilters {
  q: string;
  /** A category id, or '' for all. */
  category: string;
  /** A subcategory of `category`, or ''. */
  subcategory: string;
  /** Only within the 15-minute walk (needs an origin). */
  nearby: boolean;
  openNow: boolean;
}

export const NO_FILTERS: ServiceFilters = { q: '', category: '', subcategory: '', nearby: true, openNow: false };

/** "Not only 15 minutes": the widest radius the API allows (covers the town and its nearer villages). */
export const WIDEST_RADIUS_METRES: number = directoryConfig.maxRadiusMetres;
/** Points per request; the list also renders in blocks of this size (WindowedBlocks). */
export const LIST_PAGE_SIZE = 20;

export interface ServiceList {
  items: ServicePointSummary[];
  /** Nothing in the 15-minute circle: the nearest matching points beyond it (from the server), else []. */
  beyond: ServicePointSummary[];
  /** A request for the first page is on its way (skeleton when nothing is shown yet, else a line above the cards). */
  loading: boolean;
  loadingMore: boolean;
  /** The first page failed. */
  failure: ApiFailure | undefined;
  /** A later page failed (the loaded items stay on screen). */
  moreFailure: ApiFailure | undefined;
  hasMore: boolean;
  /**
   * The items are the answer kept on this phone from an earlier visit (lastAnswer.ts), fetched at this ISO time,
   * until the fresh one arrives; null when they are fresh.
   */
  keptAt: string | null;
  refresh: () => Promise<void>;
  loadMore: () => void;
}

const pointKey = (point: ServicePointSummary) => point.id;

/** What the list asks the API for: a page of the filters' points around `origin` (by name without one). */
export function listParams(filters: ServiceFilters, origin: LatLng | null, cursor: string | null): ServiceListParams {
  return {
    q: filters.q,
    category: filters.subcategory || filters.category,
    origin,
    radius: filters.nearby ? undefined : WIDEST_RADIUS_METRES,
    openNow: filters.openNow,
    limit: LIST_PAGE_SIZE,
    cursor,
  };
}

/**
 * The 服务 list: the first page for the current filters and origin (once `enabled`), then further pages by cursor
 * (useCursorList: answers to an outdated query are dropped, a point never shows twice). Until the first answer of
 * this visit arrives, the answer kept from the last visit for the same view is shown, if any.
 */
export function useServiceList(filters: ServiceFilters, origin: Origin | null, enabled = true): ServiceList {
  const { q, category, subcategory, nearby, openNow } = filters;
  const lat = origin?.lat;
  const lng = origin?.lng;
  const keptKey = enabled ? lastAnswerKey(filters, origin) : null;
  const load = useCallback(
    async (pageCursor: string | null) => {
      const at = lat !== undefined && lng !== undefined ? { lat, lng } : null;
      const page = await fetchServices(listParams({ q, category, subcategory, nearby, openNow }, at, pageCursor));
      if (pageCursor === null && keptKey) keepLastAnswer(keptKey, page);
      return page;
    },
    [q, category, subcategory, nearby, openNow, lat, lng, keptKey],
  );
  // Not enabled: the page asks for a 社区 first, or its origin is not decided yet — nothing is fetched meanwhile.
  const list = useCursorList(load, pointKey, { enabled });
  // Read once per view, at the first render that knows it: storage is synchronous, so the cards come with it.
  const kept = useMemo(() => (keptKey ? readLastAnswer(keptKey) : null), [keptKey]);
  const showKept = kept !== null && list.lastPage === undefined;

  if (showKept) {
    return {
      items: kept.page.items,
      beyond: kept.page.beyond ?? [],
      loading: list.loading,
      loadingMore: false,
      failure: list.failure,
      moreFailure: undefined,
      // Its cursor belongs to an old answer: further pages come after the fresh first page.
      hasMore: false,
      keptAt: kept.fetchedAt,
      refresh: list.refresh,
      loadMore: list.loadMore,
    };
  }
  return {
    items: list.items,
    beyond: list.lastPage?.beyond ?? [],
    loading: list.loading || list.refreshing,
    loadingMore: list.loadingMore,
    failure: list.failure,
    moreFailure: list.moreFailure,
    hasMore: list.hasMore,
    keptAt: null,
    refresh: list.refresh,
    loadMore: list.loadMore,
  };
}
