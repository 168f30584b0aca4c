/**
 * The directory's API calls (GET /api/services, /api/services/:id, /api/coverage). Types only from the
 * contract (no zod in the bundle). Used by the 服务 tab (main package) and the subpackage pages.
 */
import type { Coverage, ServicePointDetail, ServicePointPage } from '@contract/directory';
import type { RatingSummary, RatingSummaryList } from '@contract/ratings';
import type { LatLng } from '@contract/rules/walking';
import { api } from '@/lib/api/client';

export interface ServiceListParams {
  /** A category or subcategory id. */
  category?: string;
  q?: string;
  origin?: LatLng | null;
  /** Metres; only with an origin (the server's default is the 15-minute walk). */
  radius?: number;
  openNow?: boolean;
  limit?: number;
  cursor?: string | null;
}

/** First pages asked for before the 服务 page could ask (earlyStart.ts), by their parameters. */
const early = new Map<string, { at: number; answer: Promise<ServicePointPage> }>();
/** An early answer older than this is not taken: the page asks again (the open states may have changed). */
const EARLY_ANSWER_FOR_MS = 15_000;

/** Asks for a page now; the page's own request with the same parameters, soon after, takes this answer. */
export function prefetchServices(params: ServiceListParams): void {
  const key = JSON.stringify(params);
  if (early.has(key)) return;
  const answer = requestServices(params);
  answer.catch(() => undefined); // the page's own request gets the failure
  early.set(key, { at: Date.now(), answer });
}

export function fetchServices(params: ServiceListParams): Promise<ServicePointPage> {
  const key = JSON.stringify(params);
  const prefetched = early.get(key);
  early.delete(key);
  return prefetched && Date.now() - prefetched.at < EARLY_ANSWER_FOR_MS ? prefetched.answer : requestServices(params);
}

async function requestServices(params: ServiceListParams): Promise<ServicePointPage> {
  const { data } = await api.get<ServicePointPage>('/api/services', {
    params: {
      category: params.category || undefined,
      q: params.q?.trim() || undefined,
      lat: params.origin?.lat,
      lng: params.origin?.lng,
      radius: params.origin ? params.radius : undefined,
      openNow: params.openNow ? 'true' : undefined,
      limit: params.limit,
      cursor: params.cursor || undefined,
    },
    loginOnUnauthorized: false,
  });
  return data;
}

/** One point; with an origin the answer carries its distance and walking minutes. */
export async function fetchServiceDetail(id: string, origin: LatLng | null): Promise<ServicePointDetail> {
  const { data } = await api.get<ServicePointDetail>(`/api/services/${encodeURIComponent(id)}`, {
    params: origin ? { lat: origin.lat, lng: origin.lng } : undefined,
    loginOnUnauthorized: false,
  });
  return data;
}

/** Coverage from a position, or from a community's centre when there is no position. */
export async function fetchCoverage(from: { origin: LatLng } | { communityId: string }): Promise<Coverage> {
  const params = 'origin' in from ? { lat: from.origin.lat, lng: from.origin.lng } : { community: from.communityId };
  const { data } = await api.get<Coverage>('/api/coverage', { params, loginOnUnauthorized: false });
  return data;
}

/** 好差评 figures for the cards of one page (the ratings API: one request, at most 50 points). */
export async function fetchRatingSummaries(ids: string[]): Promise<RatingSummary[]> {
  const { data } = await api.get<RatingSummaryList>('/api/ratings/summaries', {
    params: { points: ids.join(',') },
    loginOnUnauthorized: false,
  });
  return data.items;
}
