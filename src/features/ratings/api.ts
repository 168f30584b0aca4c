/**
 * 好差评 calls of the resident's pages. Types only from the contract (its values would bring zod into the
 * subpackage); words and rules come from contract/rules/rating.ts, which is plain data.
 */
import type { FollowUpBody, LatestVisit, MyRating, MyRatingPage, PointRatings, RatingBody, Visit } from '@contract/ratings';
import { api } from '@/lib/api/client';

export async function fetchLatestVisit(pointId: string): Promise<LatestVisit> {
  const { data } = await api.get<LatestVisit>(`/api/services/${encodeURIComponent(pointId)}/visits/latest`);
  return data;
}

export async function declareVisit(pointId: string): Promise<Visit> {
  const { data } = await api.post<Visit>(`/api/services/${encodeURIComponent(pointId)}/visits`);
  return data;
}

export async function createRating(body: RatingBody): Promise<MyRating> {
  const { data } = await api.post<MyRating>('/api/ratings', body);
  return data;
}

export async function fetchMyRatings(cursor: string | null): Promise<MyRatingPage> {
  const { data } = await api.get<MyRatingPage>('/api/ratings/mine', { params: { limit: 20, ...(cursor ? { cursor } : {}) } });
  return data;
}

export async function sendFollowUp(ratingId: number, body: FollowUpBody): Promise<MyRating> {
  const { data } = await api.post<MyRating>(`/api/ratings/${ratingId}/follow-up`, body);
  return data;
}

export async function fetchPointRatings(pointId: string, cursor: string | null): Promise<PointRatings> {
  const { data } = await api.get<PointRatings>(`/api/services/${encodeURIComponent(pointId)}/ratings`, {
    params: { limit: 10, ...(cursor ? { cursor } : {}) },
  });
  return data;
}
