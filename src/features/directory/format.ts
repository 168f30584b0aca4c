/** How the directory says things (DESIGN.md "Words"): open state, distance with walking time, prices. */
import type { OfferedService, ServicePointSummary } from '@contract/directory';
import { formatDistance, formatWalking } from '@contract/rules/walking';
import { formatDayTime, formatTime } from '@/lib/date';

export interface OpenState {
  open: boolean;
  /** 营业中 / 已打烊 — always a word, never only a colour. */
  word: string;
  /** 营业至 18:30 / 24 小时营业 / 明天 06:30 开门 / 近期暂停开放. */
  detail: string;
}

export function openState(point: Pick<ServicePointSummary, 'openNow' | 'closesAt' | 'nextOpenAt'>, now?: Date): OpenState {
  if (point.openNow) {
    return { open: true, word: '营业中', detail: point.closesAt ? `营业至 ${formatTime(point.closesAt)}` : '24 小时营业' };
  }
  return {
    open: false,
    word: '已打烊',
    detail: point.nextOpenAt ? `${formatDayTime(point.nextOpenAt, now)} 开门` : '近期暂停开放',
  };
}

/** "约 450 米 · 步行约 6 分钟", or null without an origin. */
export function distanceText(
  point: Pick<ServicePointSummary, 'distanceMeters' | 'walkingMinutes'>,
): { distance: string; walking: string } | null {
  if (point.distanceMeters === null) return null;
  const walking = point.walkingMinutes === null ? formatWalking(point.distanceMeters) : `步行约 ${point.walkingMinutes} 分钟`;
  return { distance: formatDistance(point.distanceMeters), walking };
}

export function yuan(cents: number): string {
  return `¥${(cents / 100).toFixed(2)}`;
}

/** "¥3.00/餐（已补贴 ¥2.00）", "免费". */
export function priceText(service: OfferedService): string {
  const price = service.priceCents === 0 ? '免费' : `${yuan(service.priceCents)}/${service.unit}`;
  return service.subsidised && service.subsidyCents ? `${price}（已补贴 ${yuan(service.subsidyCents)}）` : price;
}

/** 2026-11-15 → 2026年11月15日 */
export function dateText(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number);
  return `${year}年${month}月${day}日`;
}
