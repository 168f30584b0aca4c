import { useCallback } from 'react';
import type { ServicePointSummary } from '@contract/directory';
import { openPath } from '@/lib/navigation';
import { detailUrl } from './paths';
import { useDirectoryOrigin, type DirectoryOrigin } from './useDirectoryOrigin';
import { useDirectoryView } from './filtersStore';
import { NO_FILTERS, useServiceList, type ServiceFilters, type ServiceList } from './useServiceList';

export interface ServiceDirectory {
  origin: DirectoryOrigin;
  filters: ServiceFilters;
  changeFilters: (next: Partial<ServiceFilters>) => void;
  clearFilters: () => void;
  list: ServiceList;
  openPoint: (point: ServicePointSummary) => void;
  /**
   * Once the origin is decided, none and no search: the page asks for a 社区 (and fetches nothing) unless the user
   * chose 按名称看全部.
   */
  askForCommunity: boolean;
  setBrowseAll: (on: boolean) => void;
}

/** Everything the 服务 tab shows, for the tab page to wire to its pull-down and reach-bottom events. */
export function useServiceDirectory(): ServiceDirectory {
  const origin = useDirectoryOrigin();
  // Kept while the app lives (filtersStore.ts): back from a map or a detail page, the list is as it was.
  const filters = useDirectoryView((s) => s.filters);
  const browseAll = useDirectoryView((s) => s.browseAll);
  const setBrowseAll = useDirectoryView((s) => s.setBrowseAll);
  const searching = Boolean(filters.q || filters.category || filters.openNow);
  const askForCommunity = origin.settled && origin.origin === null && !searching && !browseAll;
  // One request: the first one waits until the origin is decided (a returning user's position or 社区), instead
  // of going out from a provisional origin and again from the real one; the page shows its skeleton meanwhile.
  const list = useServiceList(filters, origin.origin, origin.settled && !askForCommunity);
  const changeFilters = useCallback((next: Partial<ServiceFilters>) => {
    const { filters: previous, setFilters } = useDirectoryView.getState();
    setFilters({ ...previous, ...next });
  }, []);
  const clearFilters = useCallback(() => useDirectoryView.getState().setFilters(NO_FILTERS), []);
  const openPoint = useCallback((point: ServicePointSummary) => void openPath(detailUrl(point.id)), []);
  return { origin, filters, changeFilters, clearFilters, list, openPoint, askForCommunity, setBrowseAll };
}
