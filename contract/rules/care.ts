/**
 * Booking rules of elderly care (DOMAIN.md §4), pure and shared by the client (to grey out what cannot be
 * booked and say why) and the server (where they count): cut-offs, overlap, the booking window, the bath
 * assessment. Times of slots are China local ('YYYY-MM-DD' + 'HH:MM'); China is UTC+8 all year.
 */
import careConfig from '../../config/domain/care.json';
import { chinaLocal, chinaMidnight, shiftDate } from './calendar';
import type { CareServiceKind } from './care-price';

const HOUR_MS = 60 * 60 * 1000;

export interface SlotTime {
  /** 'YYYY-MM-DD', China local */
  date: string;
  /** 'HH:MM' */
  start: string;
  /** 'HH:MM', after start */
  end: string;
}

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/** The instant a China-local date and 'HH:MM' time stand for. */
export function chinaInstant(date: string, time: string): Date {
  return new Date(chinaMidnight(date).getTime() + minutesOf(time) * 60_000);
}

/**
 * The last moment to book or cancel: meals by 16:00 China time the day before, other services 24 hours before
 * the start (config/domain/care.json). Booking is possible while now < cut-off: at 16:00:00 it is too late.
 */
export function bookingCutoff(kind: CareServiceKind, slot: Pick<SlotTime, 'date' | 'start'>): Date {
  if (kind === 'meal') {
    const { daysBefore, time } = careConfig.cutoffs.meal;
    return chinaInstant(shiftDate(slot.date, -daysBefore), time);
  }
  return new Date(chinaInstant(slot.date, slot.start).getTime() - careConfig.cutoffs.other.hoursBefore * HOUR_MS);
}

export function isBeforeCutoff(kind: CareServiceKind, slot: Pick<SlotTime, 'date' | 'start'>, now: Date): boolean {
  return now.getTime() < bookingCutoff(kind, slot).getTime();
}

/** What the cut-off is, in words for a refusal or a hint: 前一天 16:00 前 / 开始前 24 小时. */
export function cutoffRuleText(kind: CareServiceKind): string {
  return kind === 'meal'
    ? `助餐需在用餐前一天 ${careConfig.cutoffs.meal.time} 前预约或取消`
    : `需在服务开始前 ${careConfig.cutoffs.other.hoursBefore} 小时预约或取消`;
}

/** Two slots of one elder overlap when they share a date and their times intersect (back to back does not). */
export function slotsOverlap(a: SlotTime, b: SlotTime): boolean {
  return a.date === b.date && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end);
}

/** Dates offered: today (China) and the next 14 (config); today's slots are mostly past their cut-off already. */
export function bookableDates(now: Date, days: number = careConfig.bookingDaysAhead): string[] {
  const today = chinaLocal(now).date;
  return Array.from({ length: days + 1 }, (_, i) => shiftDate(today, i));
}

export function isWithinBookingWindow(date: string, now: Date, days: number = careConfig.bookingDaysAhead): boolean {
  const today = chinaLocal(now).date;
  return date >= today && date <= shiftDate(today, days);
}

/** The refusal for a first bath without an assessment on the profile (评估签约). */
export const BATH_ASSESSMENT_REQUIRED = '首次助浴需先完成评估，请联系社区';

/** A bath needs an assessment recorded on the elder's profile; other services do not. */
export function needsBathAssessment(kind: CareServiceKind, elder: { bathAssessedOn: string | null }): boolean {
  return kind === 'bath' && elder.bathAssessedOn === null;
}

/**
 * 月探访率 (the plan: 特殊困难老年人月探访率 100 %): whole percent of the elders due (any of the eight classes)
 * visited in the month, rounded down so 99.5 % never reads as 100 %; no elder due counts as 100 %.
 */
export function visitRatePercent(due: number, visited: number): number {
  return due === 0 ? 100 : Math.floor((visited * 100) / due);
}
