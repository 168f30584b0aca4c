/**
 * Every booking change lands in the 消息 of the booker and of the elder (when the elder has the app), inside
 * the change's transaction; when WeChat is configured, a subscribe message follows after the commit.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import careConfig from '../../../config/domain/care.json';
import { bookingStatusNames, mealModeNames, type BookingStatus } from '@contract/care';
import { formatYuan } from '@contract/rules/care-price';
import type { Database } from '../../db/schema';
import { sendMessage, type OutgoingMessage } from '../../lib/messages';
import { sendSubscribeMessage } from '../../lib/wechat-api';

export const BOOKING_PAGE = 'features/care/pages/booking/index';

export interface BookingFacts {
  id: number;
  bookerUserId: number;
  elderUserId: number | null;
  elderName: string;
  serviceName: string;
  pointName: string;
  date: string;
  start: string;
  end: string;
  mealMode: 'dine-in' | 'delivery' | null;
  payableFen: number;
}

/** '2026-11-27' → '11月27日' */
function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

function wording(facts: BookingFacts, status: BookingStatus, note: string | null): { title: string; body: string } {
  const what = `${facts.elderName} ${dayText(facts.date)} ${facts.start}–${facts.end} 的${facts.serviceName}（${facts.pointName}）`;
  const reason = note ? `原因：${note}。` : '';
  switch (status) {
    case 'booked': {
      const mode = facts.mealMode ? `，${mealModeNames[facts.mealMode]}` : '';
      const price = facts.payableFen === 0 ? '免费' : `应付 ${formatYuan(facts.payableFen)}`;
      return { title: '预约成功', body: `已预约${what}${mode}，${price}。服务点确认后会再通知您。` };
    }
    case 'confirmed':
      return { title: '服务点已确认预约', body: `服务点已确认${what}，请按时等候。` };
    case 'completed':
      return { title: '服务已完成', body: `${what}已完成。欢迎在「我的预约」里评价这次服务。` };
    case 'cancelled':
      return { title: '预约已取消', body: `${what}已取消。${reason}` };
    case 'no_show':
      return { title: '预约记为未到', body: `${what}服务点记为未到。如有疑问，请联系服务点。${reason}` };
  }
}

function recipients(facts: BookingFacts): number[] {
  return [...new Set([facts.bookerUserId, ...(facts.elderUserId === null ? [] : [facts.elderUserId])])];
}

/** The 消息 of a change, one per recipient. */
export function bookingMessages(facts: BookingFacts, status: BookingStatus, at: Date, note: string | null = null): OutgoingMessage[] {
  const { title, body } = wording(facts, status, note);
  return recipients(facts).map((userId) => ({
    userId,
    kind: `booking.${status}`,
    title,
    body,
    link: `/${BOOKING_PAGE}?id=${facts.id}`,
    at,
  }));
}

/** The 消息 of a change, written with the transaction that made it. */
export async function messageBookingChange(
  trx: Kysely<Database>,
  facts: BookingFacts,
  status: BookingStatus,
  at: Date,
  note: string | null = null,
): Promise<void> {
  for (const message of bookingMessages(facts, status, at, note)) await sendMessage(trx, message);
}

/** WeChat's thing fields take at most 20 characters. */
const thing = (text: string) => (Array.from(text).length > 20 ? `${Array.from(text).slice(0, 19).join('')}…` : text);

/** After the commit: a subscribe message to each recipient who signed in with WeChat. Best effort, never fails the request. */
export async function subscribeBookingChange(app: FastifyInstance, facts: BookingFacts, status: BookingStatus): Promise<void> {
  const { bookingTemplateId, fields } = careConfig.wechatSubscribe;
  for (const userId of recipients(facts)) {
    try {
      await sendSubscribeMessage(app.config, app.db, app.privacy, {
        userId,
        templateId: bookingTemplateId,
        page: `${BOOKING_PAGE}?id=${facts.id}`,
        data: {
          [fields.service]: thing(`${facts.serviceName}（${facts.pointName}）`),
          [fields.time]: `${facts.date} ${facts.start}`,
          [fields.status]: bookingStatusNames[status],
          [fields.elder]: thing(facts.elderName),
          [fields.note]: thing(status === 'booked' && facts.payableFen === 0 ? '免费' : `应付 ${formatYuan(facts.payableFen)}`),
        },
      });
    } catch (error) {
      // WeChat out of reach: the 消息 in the app already says it; log the kind of failure only.
      app.log.warn({ err: { type: (error as Error).name }, booking: facts.id }, 'subscribe message not sent');
    }
  }
}
