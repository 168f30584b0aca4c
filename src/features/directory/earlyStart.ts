import { useSettings } from '@/lib/stores/settings';
import { prefetchServices } from './api';
import { useDirectoryView } from './filtersStore';
import { useOrigin } from './origin';
import { listParams } from './useServiceList';

/**
 * A returning user who allowed the location, on a new launch: the position is asked for as soon as the 服务 tab's
 * code has arrived — not after the page's first render — and its first page the moment the position is known, so
 * both are on their way while React draws; the page's own identical request then takes that answer (api.ts).
 * Not after 不同意，仅浏览 (the position is then only sent after a tap), and the position stays in memory, as
 * always (origin.ts).
 */
export function startEarly(): void {
  const { useLocation, here, locate } = useOrigin.getState();
  if (!useLocation || here || useSettings.getState().consentVersion === null) return;
  // Before the pages learn the position: their request, right after, must find this one.
  void locate((here) => prefetchServices(listParams(useDirectoryView.getState().filters, { lat: here.lat, lng: here.lng }, null)));
}
