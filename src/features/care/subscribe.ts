import Taro from '@tarojs/taro';

/**
 * The subscribe-message template for booking updates, fixed at build time from a .env file
 * (TARO_APP_BOOKING_TEMPLATE_ID, the same template the server sends with); '' when not configured.
 */
const TEMPLATE_ID: string = typeof process === 'undefined' ? '' : (process.env.TARO_APP_BOOKING_TEMPLATE_ID ?? '');

/**
 * On WeChat, asks at the confirm tap (WeChat only allows it from a tap) whether booking updates may also come
 * as a WeChat notice. Whatever the answer — refused, not configured, not supported — the booking goes on.
 */
export async function askForBookingUpdates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !TEMPLATE_ID || typeof Taro.requestSubscribeMessage !== 'function') return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [TEMPLATE_ID], entityIds: [] });
  } catch {
    // Refused or unavailable: messages still arrive in 消息.
  }
}
