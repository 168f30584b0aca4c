import { useCallback, useEffect, useRef, useState } from 'react';
import type { ServicePointSummary } from '@contract/directory';
import type { LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { fetchServices } from './api';

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
  /** First page loading (skeleton), or refreshing with nothing to show yet. */
  loading: boolean;
  loadingMore: boolean;
  /** The first page failed. */
  failure: ApiFailure | undefined;
  /** A later page failed (the loaded items stay on screen). */
  moreFailure: ApiFailure | undefined;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => void;
}

/**
 * The 服务 list: the first page for the current filters and origin (once `enabled`), then further pages by cursor.
 * Answers to an outdated query (filters changed meanwhile) are dropped.
 */
export function useServiceList(filters: ServiceFilters, origin: LatLng | null, enabled = true): ServiceList {
  const [items, setItems] = useState<ServicePointSummary[]>([]);
  const [beyond, setBeyond] = useState<ServicePointSummary[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const [moreFailure, setMoreFailure] = useState<ApiFailure>();
  const generation = useRef(0);

  const { q, category, subcategory, nearby, openNow } = filters;
  const lat = origin?.lat;
  const lng = origin?.lng;
  const query = useCallback(
    (pageCursor: string | null) =>
      fetchServices({
        q,
        category: subcategory || category,
        origin: lat !== undefined && lng !== undefined ? { lat, lng } : null,
        radius: nearby ? undefined : WIDEST_RADIUS_METRES,
        openNow,
        limit: LIST_PAGE_SIZE,
        cursor: pageCursor,
      }),
    [q, category, subcategory, nearby, openNow, lat, lng],
  );

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setFailure(undefined);
    setMoreFailure(undefined);
    try {
      const page = await query(null);
      if (mine !== generation.current) return;
      setItems(page.items);
      setBeyond(page.beyond ?? []);
      setCursor(page.nextCursor);
    } catch (error) {
      if (mine !== generation.current) return;
      setItems([]);
      setBeyond([]);
      setCursor(null);
      setFailure(toApiFailure(error));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [query]);

  // Not enabled: the page asks for a 社区 first, and a city-wide list nobody sees is not fetched.
  useEffect(() => {
    if (enabled) void refresh();
  }, [refresh, enabled]);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreFailure(undefined);
    query(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        // A point never shows twice, even if the data changed between pages.
        setItems((previous) => {
          const seen = new Set(previous.map((item) => item.id));
          return [...previous, ...page.items.filter((item) => !seen.has(item.id))];
        });
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setMoreFailure(toApiFailure(error));
        setLoadingMore(false);
      },
    );
  }, [cursor, loading, loadingMore, query]);

  return { items, beyond, loading, loadingMore, failure, moreFailure, hasMore: cursor !== null, refresh, loadMore };
}
