import type { CareService, CreateBookingBody, MealMode } from '@contract/care';
import { create } from 'zustand';
import { type PendingAttempt } from './idempotency';

/** What the user has chosen so far on the booking page. */
export interface BookingChoices {
  elderId: number | null;
  serviceId: string | null;
  date: string | null;
  /** The date was picked by the page (first day with places), not by the user: it may move on by itself. */
  dateIsAuto: boolean;
  slotId: string | null;
  mealMode: MealMode | null;
  /** Where to deliver or come to; '' = the elder's own address (the server's default). */
  address: string;
  note: string;
}

export type BookingStep = 'choose' | 'confirm';

interface DraftState extends BookingChoices {
  /** Which entry the draft belongs to ('meal|', 'bath|sp-…'): another entry starts a new draft. */
  origin: string;
  step: BookingStep;
  /** The booking attempt whose answer has not arrived (its Idempotency-Key is reused on a retry). */
  attempt: PendingAttempt | null;
  start: (origin: string) => void;
  choose: (patch: Partial<BookingChoices>) => void;
  setStep: (step: BookingStep) => void;
  setAttempt: (attempt: PendingAttempt | null) => void;
  /** After a booking is made: the next one starts from scratch. */
  clear: () => void;
}

const EMPTY: BookingChoices = {
  elderId: null,
  serviceId: null,
  date: null,
  dateIsAuto: true,
  slotId: null,
  mealMode: null,
  address: '',
  note: '',
};

/** A choice makes the ones that depend on it stale: another service has other dates and slots, another elder another address. */
function withDependents(current: BookingChoices, patch: Partial<BookingChoices>): Partial<BookingChoices> {
  const next = { ...patch };
  if (patch.serviceId !== undefined && patch.serviceId !== current.serviceId) {
    Object.assign(next, { date: null, dateIsAuto: true, slotId: null, mealMode: null }, patch);
  } else if (patch.date !== undefined && patch.date !== current.date) {
    Object.assign(next, { slotId: null }, patch);
  }
  if (patch.elderId !== undefined && patch.elderId !== current.elderId) Object.assign(next, { address: '' }, patch);
  return next;
}

/**
 * The booking draft lives outside the page: a failed submit, a trip to the login page or leaving and coming back
 * keeps every choice. Kept in memory only: an old draft must not come back days later with stale slots.
 */
export const useBookingDraft = create<DraftState>()((set) => ({
  ...EMPTY,
  origin: '',
  step: 'choose',
  attempt: null,
  start: (origin) => set((s) => (s.origin === origin ? {} : { ...EMPTY, origin, step: 'choose', attempt: null })),
  choose: (patch) => set((s) => ({ ...withDependents(s, patch), step: 'choose' })),
  setStep: (step) => set({ step }),
  setAttempt: (attempt) => set({ attempt }),
  clear: () => set({ ...EMPTY, origin: '', step: 'choose', attempt: null }),
}));

/** The request body for the current choices, or null while something needed is missing. */
export function bookingBody(choices: BookingChoices, service: CareService | undefined): CreateBookingBody | null {
  if (!choices.elderId || !choices.slotId || !service) return null;
  const meal = service.kind === 'meal';
  if (meal && !choices.mealMode) return null;
  const goesToElder = (meal && choices.mealMode === 'delivery') || service.place === 'home';
  const body: CreateBookingBody = { elderId: choices.elderId, slotId: choices.slotId };
  if (meal && choices.mealMode) body.mealMode = choices.mealMode;
  if (goesToElder && choices.address.trim()) body.address = choices.address.trim();
  if (choices.note.trim()) body.note = choices.note.trim();
  return body;
}
