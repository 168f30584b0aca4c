import Taro, { useDidShow, usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useRef } from 'react';

/**
 * Runs `refresh` each time the page shows again, never the first time (the page loads by itself then): coming back
 * from a page that changed what this one shows (a booking cancelled, a visit recorded).
 */
export function useRefreshOnReturn(refresh: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) refresh();
    shown.current = true;
  });
}

/**
 * A paged list page's wiring: pull to refresh (the page config sets enablePullDownRefresh), the next page at the
 * bottom, and, with `onReturn`, fresh again when the user comes back to it.
 */
export function useListPage(list: { refresh: () => Promise<void>; loadMore: () => void }, options: { onReturn?: boolean } = {}): void {
  usePullDownRefresh(() => void list.refresh().finally(() => void Taro.stopPullDownRefresh()));
  useReachBottom(() => list.loadMore());
  useRefreshOnReturn(() => {
    if (options.onReturn) void list.refresh();
  });
}
