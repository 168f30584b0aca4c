/**
 * Pages of the care, messages and care-staff subpackages. They live here because 首页, 我的 and the directory's
 * detail page open them, and no feature may import another (the subpackages' own code stays in their folders).
 */
export const CARE_BOOK_PATH = '/features/care/pages/book/index';
export const MY_BOOKINGS_PATH = '/features/care/pages/bookings/index';
export const BOOKING_DETAIL_PATH = '/features/care/pages/booking/index';
export const FAMILY_PATH = '/features/care/pages/family/index';
export const MESSAGES_PATH = '/features/messages/pages/list/index';
export const PROVIDER_BOOKINGS_PATH = '/features/care-staff/pages/provider/index';
export const VISITS_PATH = '/features/care-staff/pages/visits/index';

/** What a 首页 entry asks for: 助餐, 助浴, or the home services (助洁、助医、助行). */
export type CareGroup = 'meal' | 'bath' | 'home';

/** The booking page for a group of services, optionally at one service point (the directory) or for one elder (家人). */
export function careBookingUrl(options: { group?: CareGroup; point?: string; elder?: number }): string {
  const query = Object.entries(options)
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${CARE_BOOK_PATH}?${query}` : CARE_BOOK_PATH;
}

export function bookingDetailUrl(id: number | string): string {
  return `${BOOKING_DETAIL_PATH}?id=${encodeURIComponent(String(id))}`;
}
