import { useCallback } from 'react';
import type { CareGroup } from '@/lib/carePaths';
import { useRequest } from '@/lib/useRequest';
import { fetchCareServices, fetchElder, fetchElders, fetchQuote, fetchSlots } from './api';
import { bookingBody, type BookingChoices } from './draft';
import type { CareService } from '@contract/care';

/** The services each 首页 entry offers (助浴 at home stays under 助浴). */
const GROUP_KINDS: Record<CareGroup, string[]> = {
  meal: ['meal'],
  bath: ['bath'],
  home: ['cleaning', 'medical', 'mobility'],
};

export function isCareGroup(value: string | undefined): value is CareGroup {
  return value === 'meal' || value === 'bath' || value === 'home';
}

/** Elders the user may book for (their own profile, bound elders). */
export function useBookableElders(signedIn: boolean) {
  const load = useCallback(async () => (signedIn ? (await fetchElders()).items.filter((e) => e.canBook) : []), [signedIn]);
  return useRequest(load);
}

/** The services of an entry (one kind asked of the server when the entry has one), or of one service point. */
export function useCareServices(group: CareGroup | undefined, point: string | undefined, signedIn: boolean) {
  const load = useCallback(async (): Promise<CareService[]> => {
    if (!signedIn) return [];
    const kinds = group ? GROUP_KINDS[group] : null;
    const { items } = await fetchCareServices({ kind: kinds?.length === 1 ? kinds[0] : undefined, point });
    return kinds ? items.filter((s) => kinds.includes(s.kind)) : items;
  }, [group, point, signedIn]);
  return useRequest(load);
}

/** Slots of a service on a date (the first date the server offers when none is chosen yet). */
export function useSlots(serviceId: string | null, date: string | null, today: string) {
  const load = useCallback(async () => (serviceId ? fetchSlots(serviceId, date ?? today) : null), [serviceId, date, today]);
  return useRequest(load);
}

/** The elder's own address, for 送餐 and home services ("送到：…"). */
export function useElderAddress(elderId: number | null, needed: boolean) {
  const load = useCallback(async () => (elderId && needed ? (await fetchElder(elderId)).address : null), [elderId, needed]);
  return useRequest(load);
}

/** The price after subsidy and whether the server would refuse, for the current choices (null until complete). */
export function useQuote(choices: BookingChoices, service: CareService | undefined) {
  const body = bookingBody(choices, service);
  const elder = body?.elderId;
  const slot = body?.slotId;
  const mealMode = body?.mealMode;
  const load = useCallback(async () => (elder && slot ? fetchQuote({ elder, slot, mealMode }) : null), [elder, slot, mealMode]);
  return useRequest(load);
}
