import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiFailure, toApiFailure } from './api/failure';

/** A page of a `{ items, nextCursor }` list, as every list endpoint of the API answers (extra fields allowed). */
export interface CursorPage<T> {
  items: T[];
  nextCursor: string | null;
}

export interface CursorList<T, P extends CursorPage<T>> {
  items: T[];
  /** The newest page answered (its extra fields, e.g. an unread count, are the freshest). */
  lastPage: P | undefined;
  /** First page loading with nothing to show yet. */
  loading: boolean;
  /** A refresh is running while earlier items stay on screen. */
  refreshing: boolean;
  loadingMore: boolean;
  /** The first page or a refresh failed (earlier items, if any, stay). */
  failure: ApiFailure | undefined;
  /** A further page failed. */
  moreFailure: ApiFailure | undefined;
  hasMore: boolean;
  refresh: () => Promise<void>;
  loadMore: () => void;
  /** Changes loaded items in place (e.g. after marking one read), without asking the server again. */
  update: (change: (items: T[]) => T[]) => void;
}

export interface CursorListOptions {
  /**
   * false: nothing is fetched by itself (not on mount, not when `load` changes) until it turns true, e.g. while
   * the page still waits for what the query depends on. refresh() still fetches when called. Default true.
   */
  enabled?: boolean;
}

/**
 * Loads a list page by page: the first page (again on refresh(), e.g. pull-to-refresh), then further pages by
 * cursor. `load` must be stable (useCallback); answers to an older query are dropped, and an item never shows twice.
 */
export function useCursorList<T, P extends CursorPage<T>>(
  load: (cursor: string | null) => Promise<P>,
  keyOf: (item: T) => string | number,
  { enabled = true }: CursorListOptions = {},
): CursorList<T, P> {
  const [items, setItems] = useState<T[]>([]);
  const [lastPage, setLastPage] = useState<P>();
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [failure, setFailure] = useState<ApiFailure>();
  const [moreFailure, setMoreFailure] = useState<ApiFailure>();
  const generation = useRef(0);
  const keyRef = useRef(keyOf);
  keyRef.current = keyOf;

  const refresh = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    setLoadingMore(false);
    setFailure(undefined);
    setMoreFailure(undefined);
    try {
      const page = await load(null);
      if (mine !== generation.current) return;
      setItems(page.items);
      setLastPage(page);
      setCursor(page.nextCursor);
    } catch (error) {
      if (mine === generation.current) setFailure(toApiFailure(error));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [load]);

  useEffect(() => {
    if (enabled) void refresh();
  }, [refresh, enabled]);

  const loadMore = useCallback(() => {
    if (!cursor || loading || loadingMore) return;
    const mine = generation.current;
    setLoadingMore(true);
    setMoreFailure(undefined);
    load(cursor).then(
      (page) => {
        if (mine !== generation.current) return;
        setItems((previous) => {
          const seen = new Set(previous.map((item) => keyRef.current(item)));
          return [...previous, ...page.items.filter((item) => !seen.has(keyRef.current(item)))];
        });
        setLastPage(page);
        setCursor(page.nextCursor);
        setLoadingMore(false);
      },
      (error: unknown) => {
        if (mine !== generation.current) return;
        setMoreFailure(toApiFailure(error));
        setLoadingMore(false);
      },
    );
  }, [cursor, load, loading, loadingMore]);

  const update = useCallback((change: (items: T[]) => T[]) => setItems(change), []);

  return {
    items,
    lastPage,
    loading: loading && items.length === 0,
    refreshing: loading && items.length > 0,
    loadingMore,
    failure,
    moreFailure,
    hasMore: cursor !== null,
    refresh,
    loadMore,
    update,
  };
}
