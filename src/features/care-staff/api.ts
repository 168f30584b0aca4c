/**
 * Staff calls of the care API: the provider's day and status changes, the workers' monthly visits, and the workers'
 * look at elders (binding requests to approve, classes to set). Types only.
 */
import type {
  Booking,
  BookingStatusBody,
  CreateVisitBody,
  ElderClassesBody,
  ElderDetail,
  ElderPage,
  ElderSummary,
  Schedule,
  Visit,
  VisitPage,
} from '@contract/care';
import { api } from '@/lib/api/client';

export async function fetchSchedule(date: string): Promise<Schedule> {
  const { data } = await api.get<Schedule>('/api/care/schedule', { params: { date } });
  return data;
}

export async function setBookingStatus(id: number, body: BookingStatusBody): Promise<Booking> {
  const { data } = await api.post<Booking>(`/api/bookings/${id}/status`, body);
  return data;
}

export async function fetchVisits(params: { status?: 'due' | 'visited'; community?: string; cursor?: string | null }): Promise<VisitPage> {
  const { data } = await api.get<VisitPage>('/api/visits', { params: { ...params, cursor: params.cursor || undefined } });
  return data;
}

export async function createVisit(body: CreateVisitBody): Promise<Visit> {
  const { data } = await api.post<Visit>('/api/visits', body);
  return data;
}

/** Elders of the worker's 社区 by name; `pending` keeps those with binding requests waiting for a worker. */
export async function fetchElders(params: { pending?: boolean; cursor?: string | null }): Promise<ElderPage> {
  const { data } = await api.get<ElderPage>('/api/elders', { params: { pending: params.pending ? 'true' : undefined, cursor: params.cursor || undefined } });
  return data;
}

/** One elder's profile with the relatives (pending and active); the server audits the look. */
export async function fetchElder(id: number): Promise<ElderDetail> {
  const { data } = await api.get<ElderDetail>(`/api/elders/${id}`);
  return data;
}

/** A worker of the 社区 approves one pending binding request. */
export async function approveBinding(elderId: number, bindingId: number): Promise<ElderSummary> {
  const { data } = await api.post<ElderSummary>(`/api/elders/${elderId}/confirm-binding`, { bindingId });
  return data;
}

/** The eight classes, 低保 and the bath assessment, set together (workers of the elder's 社区 only). */
export async function saveElderClasses(elderId: number, body: ElderClassesBody): Promise<ElderDetail> {
  const { data } = await api.post<ElderDetail>(`/api/elders/${elderId}/classes`, body);
  return data;
}
