/**
 * A temporary pause of a service point (暂停营业, e.g. the canteen closed for renovation until a date):
 * whether it is ahead, in force, or over on a given China-local date. Client and server decide with this
 * one rule, so the list, the detail and the staff form never disagree.
 */

export interface PointPause {
  /** 'YYYY-MM-DD', first day closed. */
  from: string;
  /** 'YYYY-MM-DD', last day closed (inclusive). */
  to: string;
  reason: string;
}

export type PauseState = 'none' | 'ahead' | 'paused';

/** 'none' without a pause or once it is over; 'ahead' before `from`; 'paused' from `from` to `to` inclusive. */
export function pauseState(pause: PointPause | null | undefined, todayYmd: string): PauseState {
  if (!pause) return 'none';
  // 'YYYY-MM-DD' strings compare in date order.
  if (todayYmd > pause.to) return 'none';
  if (todayYmd < pause.from) return 'ahead';
  return 'paused';
}

/** The pause that still matters today (ahead or in force), or null once it is over. */
export function currentPause(pause: PointPause | null | undefined, todayYmd: string): PointPause | null {
  return pause && pauseState(pause, todayYmd) !== 'none' ? pause : null;
}

function monthDay(ymd: string): string {
  return `${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日`;
}

/** "暂停营业（至 12月20日）", "将于 12月10日起暂停营业", or '' when there is nothing to say. */
export function pauseWords(pause: PointPause | null | undefined, todayYmd: string): string {
  const state = pauseState(pause, todayYmd);
  if (!pause || state === 'none') return '';
  if (state === 'ahead') return `将于 ${monthDay(pause.from)}起暂停营业`;
  return `暂停营业（至 ${monthDay(pause.to)}）`;
}
