/**
 * Care API calls (elders, services, slots, quotes, bookings). Types only from contract/care: its values would
 * bring zod into the subpackage (the words pages show come from contract/care-words or the answers themselves).
 */
import type {
  BindElderBody,
  BindElderResult,
  Booking,
  BookingPage,
  CareServiceList,
  CreateBookingBody,
  CreateElderBody,
  ElderDetail,
  ElderPage,
  MealMode,
  Quote,
  SlotList,
} from '@contract/care';
import { api } from '@/lib/api/client';

export async function fetchElders(): Promise<ElderPage> {
  const { data } = await api.get<ElderPage>('/api/elders', { params: { limit: 50 } });
  return data;
}

/** A profile: the caller's own (`relation: 'self'`), or an elder without the app, bound once a worker approves. */
export async function createElder(body: CreateElderBody): Promise<ElderDetail> {
  const { data } = await api.post<ElderDetail>('/api/elders', body);
  return data;
}

export async function fetchElder(id: number): Promise<ElderDetail> {
  const { data } = await api.get<ElderDetail>(`/api/elders/${id}`);
  return data;
}

export async function fetchCareServices(params: { kind?: string; point?: string }): Promise<CareServiceList> {
  const { data } = await api.get<CareServiceList>('/api/care/services', { params });
  return data;
}

export async function fetchSlots(service: string, date: string): Promise<SlotList> {
  const { data } = await api.get<SlotList>('/api/care/slots', { params: { service, date } });
  return data;
}

export async function fetchQuote(params: { elder: number; slot: string; mealMode?: MealMode }): Promise<Quote> {
  const { data } = await api.get<Quote>('/api/care/quote', { params });
  return data;
}

/** The same key on a retry answers the same booking (never a second one). */
export async function createBooking(body: CreateBookingBody, idempotencyKey: string): Promise<Booking> {
  const { data } = await api.post<Booking>('/api/bookings', body, { headers: { 'Idempotency-Key': idempotencyKey } });
  return data;
}

export async function fetchBookings(cursor: string | null, when?: 'upcoming' | 'past'): Promise<BookingPage> {
  const { data } = await api.get<BookingPage>('/api/bookings', { params: { cursor: cursor || undefined, when } });
  return data;
}

export async function fetchBooking(id: number): Promise<Booking> {
  const { data } = await api.get<Booking>(`/api/bookings/${id}`);
  return data;
}

export async function cancelBooking(id: number): Promise<Booking> {
  const { data } = await api.post<Booking>(`/api/bookings/${id}/cancel`, {});
  return data;
}

export async function bindElder(body: BindElderBody): Promise<BindElderResult> {
  const { data } = await api.post<BindElderResult>('/api/elders/bind', body);
  return data;
}

export async function confirmBinding(elderId: number, body: { bindingCode: string } | { bindingId: number }): Promise<void> {
  await api.post(`/api/elders/${elderId}/confirm-binding`, body);
}

/** A relative leaves (no `relative`), or the elder removes one relative. */
export async function unbindElder(elderId: number, relative?: number): Promise<void> {
  await api.delete(`/api/elders/${elderId}/binding`, { params: relative ? { relative } : undefined });
}
