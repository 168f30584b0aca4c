/** Staff calls of the care API: the provider's day and status changes, the workers' monthly visits. Types only. */
import type { Booking, BookingStatusBody, CreateVisitBody, Schedule, Visit, VisitPage } from '@contract/care';
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
