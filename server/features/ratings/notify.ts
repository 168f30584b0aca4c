/**
 * What the rater of a 差评 is told at each step of its follow-up (消息), in the resident's words: 处理进度,
 * never 工单. Sent in the same transaction as the step, so a message exists exactly when the step does.
 */
import type { Kysely } from 'kysely';
import { levelWords, resolutionWords, type RatingLevel, type Resolution } from '@contract/rules/rating';
import { ratingPagePaths } from '@contract/rules/rating-paths';
import type { Database } from '../../db/schema';
import { sendMessage } from '../../lib/messages';

/** '2026-11-30' → '11月30日' */
export function dayText(date: string): string {
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
}

export type ProgressStep =
  | { step: 'opened'; level: RatingLevel; callbackDue: string; feedbackDue: string }
  | { step: 'callback' }
  | { step: 'decision'; resolution: Resolution; rectifyBy: string | null }
  | { step: 'feedback' }
  | { step: 'closed' };

function words(pointName: string, s: ProgressStep): { title: string; body: string } {
  switch (s.step) {
    case 'opened':
      return {
        title: '您的评价已受理',
        body: `您对“${pointName}”的评价（${levelWords[s.level]}）已转给社区工作人员，${dayText(s.callbackDue)}前会与您联系核实，${dayText(s.feedbackDue)}前反馈处理结果。`,
      };
    case 'callback':
      return { title: '工作人员已回访', body: `社区工作人员已就您对“${pointName}”的评价与您联系，正在核实情况。` };
    case 'decision':
      return {
        title: `处理方式：${resolutionWords[s.resolution]}`,
        body:
          s.resolution === 'deadline' && s.rectifyBy
            ? `“${pointName}”将在${dayText(s.rectifyBy)}前完成整改，整改后会告诉您结果。`
            : `您对“${pointName}”的评价已确定处理方式：${resolutionWords[s.resolution]}。`,
      };
    case 'feedback':
      return { title: '处理结果已反馈', body: `您对“${pointName}”的评价有了处理结果，请查看；您可以追评一次，告诉我们是否满意。` };
    case 'closed':
      return { title: '您的评价已办结', body: `您对“${pointName}”的评价已处理完毕，感谢您的监督。` };
  }
}

export async function tellRater(db: Kysely<Database>, userId: number, ratingId: number, pointName: string, step: ProgressStep, at: Date) {
  const { title, body } = words(pointName, step);
  await sendMessage(db, { userId, kind: `rating.${step.step}`, title, body, link: `${ratingPagePaths.mine}?id=${ratingId}`, at });
}
