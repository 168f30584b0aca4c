/**
 * What a booking must pass before it takes a place, shared by the quote (shown before confirming) and the
 * booking itself: the elder may be booked for by the caller, the slot exists and is open, the service's
 * options fit, the first bath has its assessment; and the price after subsidy.
 */
import type { Selectable } from 'kysely';
import type { MealMode } from '@contract/care';
import {
  BATH_ASSESSMENT_REQUIRED,
  bookingCutoff,
  cutoffRuleText,
  isBeforeCutoff,
  isWithinBookingWindow,
  needsBathAssessment,
  slotsOverlap,
} from '@contract/rules/care';
import { priceAfterSubsidy, type CareServiceKind, type PriceBreakdown } from '@contract/rules/care-price';
import type { AuthUser } from '../../lib/auth';
import { ApiError, conflict, fieldError, notFound } from '../../lib/errors';
import type { BookingBinding, BookingElder, BookingRead, BookingService, SameDayBooking } from './booking-read';
import { accessOf, canBookFor, elderClassesOf, type ElderAccessResult } from './elders';
import type { CareSlotsTable } from './tables';

export const PAST_CUTOFF_PREFIX = '已过预约截止时间';
export const SLOT_FULL = '这个时段已约满，请换一个时段';
export const POINT_CLOSED = '这个服务点已停止服务，不能再预约，请选择其他服务点';

export interface BookingPlan {
  found: ElderAccessResult<BookingElder, BookingBinding>;
  slot: Selectable<CareSlotsTable>;
  service: BookingService;
  kind: CareServiceKind;
  mealMode: MealMode | null;
  address: string | null;
  price: PriceBreakdown;
  cutoffAt: Date;
}

export interface BookingRequest {
  elderId: number;
  slotId: string;
  mealMode?: MealMode;
  address?: string;
}

/**
 * Checks what the request names against what was read (the elder before the slot), checks the options against the
 * service, and prices it (404/400/409 when it cannot).
 */
export function planFrom(read: BookingRead, user: AuthUser, request: BookingRequest): BookingPlan {
  const found = read.elder && accessOf(user, read.elder, read.binding);
  if (!found || !canBookFor(found.access)) {
    throw notFound(
      found?.access === 'pending'
        ? '您与这位老人的绑定还没有生效，请等老人确认或社区审核后再预约'
        : '没有找到这位老人，或您还没有绑定这位老人，请先在「家人」里绑定',
    );
  }
  if (!read.slot || !read.service) throw fieldError('slotId', '没有这个时段，请重新选择');
  // Closed by its 社区 after residents' reports (issue 20): its slots stay in the table, its service has ended.
  if (read.service.point_closed_at !== null) throw conflict(POINT_CLOSED);
  const { point_closed_at: _closed, ...service } = read.service;
  const slot = read.slot;
  const kind = service.kind as CareServiceKind;
  const cutoffAt = bookingCutoff(kind, { date: slot.date, start: slot.start_time });
  let mealMode: MealMode | null = null;
  if (kind === 'meal') {
    if (!request.mealMode) throw fieldError('mealMode', '请选择堂食或送餐');
    if (request.mealMode === 'delivery' && service.delivery_fee_fen === null) throw fieldError('mealMode', '这个食堂不送餐，请选择堂食');
    mealMode = request.mealMode;
  } else if (request.mealMode) {
    throw fieldError('mealMode', '只有助餐需要选择堂食或送餐');
  }
  const elder = found.elder;

  const goesToElder = mealMode === 'delivery' || service.place === 'home';
  const address = goesToElder ? request.address || elder.address : null;
  const price = priceAfterSubsidy({
    kind,
    priceFen: service.price_fen,
    deliveryFeeFen: mealMode === 'delivery' ? (service.delivery_fee_fen ?? 0) : 0,
    elder: { classes: elderClassesOf(elder), dibao: elder.dibao === 1, birthDate: elder.birth_date },
    date: slot.date,
  });
  return { found, slot, service, kind, mealMode, address, price, cutoffAt };
}

/** Why the plan cannot be booked now, apart from other bookings (cut-off, first bath): a 409, or null. */
export function timeOrAssessmentRefusal(plan: BookingPlan, now: Date): ApiError | null {
  const { slot, kind } = plan;
  if (!isWithinBookingWindow(slot.date, now) || !isBeforeCutoff(kind, { date: slot.date, start: slot.start_time }, now)) {
    return conflict(`${PAST_CUTOFF_PREFIX}：${cutoffRuleText(kind)}，请选择其他日期`);
  }
  if (needsBathAssessment(kind, { bathAssessedOn: plan.found.elder.bath_assessed_on })) return conflict(BATH_ASSESSMENT_REQUIRED);
  return null;
}

/** The elder's active booking (read with the request) that overlaps the slot, the same slot included, by the shared rule. */
export function overlapIn(sameDay: SameDayBooking[], slot: Pick<Selectable<CareSlotsTable>, 'date' | 'start_time' | 'end_time'>) {
  const wanted = { date: slot.date, start: slot.start_time, end: slot.end_time };
  return sameDay.find((b) => slotsOverlap(wanted, { date: slot.date, start: b.slot_start, end: b.slot_end }));
}

export function overlapRefusal(existing: { slot_id: string; slot_start: string; slot_end: string; name: string }, slotId: string): ApiError {
  return existing.slot_id === slotId
    ? conflict('已经为这位老人预约了这个时段，不用重复预约')
    : conflict(`这位老人 ${existing.slot_start}–${existing.slot_end} 已有预约（${existing.name}），时间重叠，请换一个时段`);
}
