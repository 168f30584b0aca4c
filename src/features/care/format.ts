/** How care bookings are said (DESIGN.md "Words"): money with the subsidy spelled out, dates and times. */
import type { Booking, Quote, Slot } from '@contract/care';
import { formatDay, formatDayTime } from '@/lib/date';

export function yuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/** ¥3.00（已补贴 ¥5.00）, 免费（已补贴 ¥8.00）, ¥8.00 */
export function payableText(price: Quote['price']): string {
  const payable = price.payableFen === 0 ? '免费' : yuan(price.payableFen);
  return price.subsidyFen > 0 ? `${payable}（已补贴 ${yuan(price.subsidyFen)}）` : payable;
}

/** 明天 11:00–12:30 */
export function slotTimeText(slot: Pick<Slot, 'date' | 'start' | 'end'>, now?: Date): string {
  return `${dayText(slot.date, now)} ${slot.start}–${slot.end}`;
}

/** A China local date 'YYYY-MM-DD' as 今天 / 明天 / 12月2日（周三）. */
export function dayText(date: string, now?: Date): string {
  return formatDay(`${date}T12:00:00+08:00`, now);
}


/** The one line that says what happens next, for the result page and the booking's detail. */
export function nextStepText(booking: Pick<Booking, 'status' | 'slot' | 'mealMode' | 'address' | 'cancelUntil' | 'canCancel' | 'servicePoint' | 'service'>, now?: Date): string {
  const when = slotTimeText(booking.slot, now);
  const cancel = booking.canCancel ? `；如需取消，请在${formatDayTime(booking.cancelUntil, now)} 前操作` : '';
  switch (booking.status) {
    case 'booked':
    case 'confirmed': {
      const where =
        booking.mealMode === 'delivery'
          ? `${when} 送到${booking.address ?? '老人家中'}`
          : booking.address
            ? `${when} 上门到${booking.address}`
            : `请在${when}到${booking.servicePoint.name}`;
      const confirmed = booking.status === 'confirmed' ? '服务点已确认' : '服务点确认后会发消息告诉您';
      return `${where}。${confirmed}${cancel}。`;
    }
    case 'completed':
      return '服务已完成。';
    case 'cancelled':
      return '预约已取消，如需要可以重新预约。';
    case 'no_show':
      return '服务点记录为未到。如有疑问，请打电话问问服务点。';
  }
}
