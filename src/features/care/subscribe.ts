import Taro from '@tarojs/taro';
import careConfig from '../../../config/domain/care.json';

/** The 预约状态通知 template the server sends booking changes with (config/domain/care.json). */
export const BOOKING_TEMPLATE_ID: string = careConfig.wechatSubscribe.bookingTemplateId;

/**
 * On WeChat, asks at the confirm tap (WeChat only allows it from a tap) whether booking changes may also come as a
 * WeChat notice. Whatever the answer — refused, not supported, failed — the booking goes on: 消息 has them anyway.
 */
export async function askForBookingUpdates(): Promise<void> {
  if (process.env.TARO_ENV !== 'weapp' || !BOOKING_TEMPLATE_ID || typeof Taro.requestSubscribeMessage !== 'function') return;
  try {
    await Taro.requestSubscribeMessage({ tmplIds: [BOOKING_TEMPLATE_ID], entityIds: [] });
  } catch {
    // Refused or unavailable.
  }
}
