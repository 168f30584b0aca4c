import { useCallback, useState } from 'react';
import type { ServicePointSummary } from '@contract/directory';
import { openPath } from '@/lib/navigation';
import { detailUrl } from './paths';
import { useDirectoryOrigin, type DirectoryOrigin } from './useDirectoryOrigin';
import { NO_FILTERS, useServiceList, type ServiceFilters, type ServiceList } from './useServiceList';

export interface ServiceDirectory {
  origin: DirectoryOrigin;
  filters: ServiceFilters;
  changeFilters: (next: Partial<ServiceFilters>) => void;
  clearFilters: () => void;
  list: ServiceList;
  openPoint: (point: ServicePointSummary) => void;
}

/** Everything the 服务 tab shows, for the tab page to wire to its pull-down and reach-bottom events. */
export function useServiceDirectory(): ServiceDirectory {
  const origin = useDirectoryOrigin();
  const [filters, setFilters] = useState<ServiceFilters>(NO_FILTERS);
  const list = useServiceList(filters, origin.origin);
  const changeFilters = useCallback((next: Partial<ServiceFilters>) => setFilters((previous) => ({ ...previous, ...next })), []);
  const clearFilters = useCallback(() => setFilters(NO_FILTERS), []);
  const openPoint = useCallback((point: ServicePointSummary) => void openPath(detailUrl(point.id)), []);
  return { origin, filters, changeFilters, clearFilters, list, openPoint };
}
