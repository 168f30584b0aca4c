import Taro, { usePageScroll } from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { useDirectoryView } from './filtersStore';

/**
 * Keeps the 服务 tab's scroll position with its filters (filtersStore.ts): recorded as the user scrolls, and
 * restored once when the tab is built again (h5 after a map page or a reload) and its first page has arrived.
 */
export function useKeptScroll(listReady: boolean): void {
  const restored = useRef(false);
  usePageScroll(({ scrollTop }) => {
    if (restored.current) useDirectoryView.getState().setScrollTop(scrollTop);
  });
  useEffect(() => {
    if (restored.current || !listReady) return;
    restored.current = true;
    const { scrollTop } = useDirectoryView.getState();
    if (scrollTop > 0) void Taro.pageScrollTo({ scrollTop, duration: 0 }).catch(() => undefined);
  }, [listReady]);
}
