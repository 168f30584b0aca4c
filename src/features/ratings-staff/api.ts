/** 好差评 calls of the staff pages (workers, providers). Types only from the contract. */
import type {
  Appeal,
  AppealBody,
  AppealDecisionBody,
  AppealPage,
  RatingStats,
  WorkOrderActionBody,
  WorkOrderDetail,
  WorkOrderPage,
} from '@contract/ratings';
import { api } from '@/lib/api/client';

export async function fetchWorkOrders(state: 'open' | 'done', cursor: string | null): Promise<WorkOrderPage> {
  const { data } = await api.get<WorkOrderPage>('/api/work-orders', { params: { state, limit: 20, ...(cursor ? { cursor } : {}) } });
  return data;
}

export async function fetchWorkOrder(id: number): Promise<WorkOrderDetail> {
  const { data } = await api.get<WorkOrderDetail>(`/api/work-orders/${id}`);
  return data;
}

export async function actOnWorkOrder(id: number, body: WorkOrderActionBody): Promise<WorkOrderDetail> {
  const { data } = await api.post<WorkOrderDetail>(`/api/work-orders/${id}/actions`, body);
  return data;
}

export async function appealRating(ratingId: number, body: AppealBody): Promise<Appeal> {
  const { data } = await api.post<Appeal>(`/api/ratings/${ratingId}/appeal`, body);
  return data;
}

export async function fetchAppeals(status: 'pending' | 'decided', cursor: string | null): Promise<AppealPage> {
  const { data } = await api.get<AppealPage>('/api/appeals', { params: { status, limit: 20, ...(cursor ? { cursor } : {}) } });
  return data;
}

export async function decideAppeal(id: number, body: AppealDecisionBody): Promise<Appeal> {
  const { data } = await api.post<Appeal>(`/api/appeals/${id}/decision`, body);
  return data;
}

export async function fetchRatingStats(): Promise<RatingStats> {
  const { data } = await api.get<RatingStats>('/api/stats/ratings');
  return data;
}
