/**
 * Demo ratings, relative to the seed's `now`, so the figures and the worker queue are not empty on first start:
 * six months of mostly good ratings over demo points of 新市社区 and 沿江社区, a few 差评 handled on time or late,
 * and one scripted 差评 in every state of its follow-up (two of them overdue) plus one appeal waiting for the 街道.
 * Raters are invented residents (phones invented, stored encrypted like real ones).
 */
import { chinaLocal, chinaMidnight, shiftDate } from '@contract/rules/calendar';
import { isBadLevel, ratingMonth, workOrderDeadlines, workOrderStatuses, type Resolution, type WorkOrderStatus } from '@contract/rules/rating';
import { serverCalendar } from '../../lib/calendar';
import type { SeedContext } from '../../lib/feature';
import type { RatingWorkOrderEventsTable } from './tables';
import { newUserRow } from '../../lib/user-row';

const RATERS = ['刘淑珍', '张桂兰', '李建国', '王德福', '陈玉梅', '杨秀英', '赵振华', '孙凤芝', '周立新', '吴春燕', '郑永刚', '高丽华'];

/** Points with a history of ratings (points the API tests use are left out on purpose: they start empty). */
const RATED_POINTS = [
  'sp-xinshi-elder-canteen',
  'sp-xinshi-service-hall',
  'sp-xinshi-pharmacy-24h',
  'sp-220681002-home-care-station-0073',
  'sp-220681002-community-health-center-0082',
  'sp-220681002-breakfast-0108',
  'sp-220681002-supermarket-0105',
  'sp-220681002-day-care-0077',
  'sp-220681002-bathing-0076',
  'sp-220681002-culture-center-0088',
];

const COMMENTS: Record<number, string[]> = {
  5: ['工作人员很热情，事情一次就办好了。', '饭菜可口，价格实惠，老人来这里很方便。', '环境干净整洁，服务周到，点个赞。', '讲得很耐心，我这个年纪也听明白了。'],
  4: ['挺好的，就是人多的时候要等一会儿。', '服务不错，希望周末也能开门。', '比以前方便多了。'],
  3: ['还可以，排队时间有点长。', '一般吧，指示牌不太清楚。'],
  2: ['等了四十分钟也没人接待。', '收费和墙上公示的不一样。'],
  1: ['工作人员态度生硬，问两句就不耐烦。', '约好上午九点，十一点才来，也没人说一声。'],
};
const PRAISE = ['服务热情', '办事高效', '环境整洁', '收费合理', '准时守约', '专业细心'];
const PROBLEMS = ['效率低', '态度差', '环境差', '收费不合理', '未按约定时间', '服务不专业'];

/** A small deterministic generator: the same demo data on every new database. */
function generator(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

type Step = { kind: RatingWorkOrderEventsTable['kind']; daysAfter: number; note?: string; publicText?: string };

interface ScriptedOrder {
  point: string;
  rater: number | 'resident';
  level: 1 | 2;
  tags: string[];
  comment: string;
  /** Working days before `now` the 差评 was given. */
  workingDaysAgo: number;
  status: WorkOrderStatus;
  resolution?: Resolution;
  /** Working days after the rating that feedback was given (late ones count against 按期整改率). */
  feedbackAfter?: number;
  followUp?: 'satisfied' | 'basic' | 'unsatisfied';
  appealPending?: boolean;
}

/** One 差评 in every state; the second and third are overdue (回访 and 整改反馈 respectively). */
const SCRIPTED: ScriptedOrder[] = [
  { point: 'sp-220681002-breakfast-0108', rater: 0, level: 2, tags: ['环境差'], comment: '桌子油乎乎的，没人擦。', workingDaysAgo: 0, status: 'awaiting_callback' },
  { point: 'sp-xinshi-pharmacy-24h', rater: 1, level: 1, tags: ['态度差'], comment: '夜里买药，店员隔着窗口爱答不理。', workingDaysAgo: 3, status: 'awaiting_callback' },
  { point: 'sp-220681002-home-care-station-0073', rater: 2, level: 2, tags: ['未按约定时间'], comment: '约好上门时间，晚到了两个小时。', workingDaysAgo: 17, status: 'verifying' },
  { point: 'sp-220681002-supermarket-0105', rater: 3, level: 2, tags: ['收费不合理'], comment: '收银价和标签价不一样。', workingDaysAgo: 2, status: 'verifying' },
  { point: 'sp-220681002-day-care-0077', rater: 4, level: 2, tags: ['环境差'], comment: '活动室冬天太冷。', workingDaysAgo: 6, status: 'handling', resolution: 'deadline' },
  { point: 'sp-xinshi-service-hall', rater: 'resident', level: 2, tags: ['效率低'], comment: '办社保卡等了一个多小时。', workingDaysAgo: 12, status: 'feedback_given', resolution: 'immediate', feedbackAfter: 5 },
  { point: 'sp-220681002-community-health-center-0082', rater: 5, level: 1, tags: ['态度差', '效率低'], comment: '挂号窗口的人很不耐烦。', workingDaysAgo: 25, status: 'followed_up', resolution: 'explain', feedbackAfter: 4, followUp: 'basic' },
  { point: 'sp-220681002-bathing-0076', rater: 6, level: 2, tags: ['服务不专业'], comment: '水温忽冷忽热。', workingDaysAgo: 40, status: 'closed', resolution: 'deadline', feedbackAfter: 12, followUp: 'satisfied' },
  { point: 'sp-xinshi-elder-canteen', rater: 7, level: 1, tags: ['收费不合理'], comment: '一份菜收了我二十块。', workingDaysAgo: 4, status: 'handling', resolution: 'explain', appealPending: true },
];

export async function seedRatings({ db, privacy, now }: SeedContext): Promise<void> {
  const calendar = serverCalendar({ warn: () => {} });
  const today = chinaLocal(now).date;
  const workingDaysBefore = (count: number) => {
    let date = today;
    for (let left = count; left > 0; ) {
      date = shiftDate(date, -1);
      if (calendar.isWorkingDay(date)) left -= 1;
    }
    return date;
  };
  /** 10:00 China time on `date` (now itself when that is today and earlier). */
  const at = (date: string, minutes = 0) => {
    const instant = new Date(chinaMidnight(date).getTime() + (10 * 60 + minutes) * 60_000);
    return instant > now ? now : instant;
  };

  const points = await db
    .selectFrom('service_points')
    .select(['id', 'name', 'community_id', 'town_code'])
    .where('id', 'in', RATED_POINTS)
    .execute();
  if (points.length !== RATED_POINTS.length) throw new Error('ratings seed: a demo point is missing from the directory seed');
  const pointById = new Map(points.map((p) => [p.id, p]));

  const raterIds: number[] = [];
  for (const [index, name] of RATERS.entries()) {
    const phone = `1370439${String(index + 1).padStart(4, '0')}`;
    const row = await db
      .insertInto('users')
      .values(newUserRow({
        display_name: name,
        phone_encrypted: privacy.encrypt(phone),
        phone_hash: privacy.keyedHash(phone),
        community_id: index % 3 === 0 ? 'yanjiang' : 'xinshi',
        created_at: now.toISOString(),
      }))
      .returning('id')
      .executeTakeFirstOrThrow();
    raterIds.push(row.id);
  }
  const demoUser = async (key: string) =>
    (await db.selectFrom('users').select('id').where('demo_key', '=', key).executeTakeFirstOrThrow()).id;
  const resident = await demoUser('resident');
  const handlers = { xinshi: await demoUser('worker'), street: await demoUser('street'), provider: await demoUser('provider') };
  const lastVisit = new Map<string, { userId: number; pointId: string; at: string }>();

  async function addRating(userId: number, pointId: string, level: number, tags: string[], comment: string | null, ratedAt: Date) {
    const point = pointById.get(pointId)!;
    const visitedAt = new Date(ratedAt.getTime() - 30 * 60_000).toISOString();
    const visit = await db
      .insertInto('rating_visits')
      .values({ user_id: userId, service_point_id: pointId, visited_at: visitedAt })
      .returning('id')
      .executeTakeFirstOrThrow();
    const key = `${userId} ${pointId}`;
    if ((lastVisit.get(key)?.at ?? '') < visitedAt) lastVisit.set(key, { userId, pointId, at: visitedAt });
    const rating = await db
      .insertInto('ratings')
      .values({
        user_id: userId,
        interaction_kind: 'visit',
        interaction_id: String(visit.id),
        service_point_id: pointId,
        community_id: point.community_id,
        town_code: point.town_code,
        level,
        tags_json: JSON.stringify(tags),
        comment,
        comment_status: comment ? 'public' : 'none',
        comment_note: null,
        month: ratingMonth(ratedAt),
        excluded: 0,
        follow_up_level: null,
        follow_up_comment: null,
        follow_up_at: null,
        created_at: ratedAt.toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return { ratingId: rating.id, point };
  }

  async function addOrder(ratingId: number, point: { id: string; community_id: string | null; town_code: string }, ratedOn: string, order: Omit<ScriptedOrder, 'point' | 'rater' | 'tags' | 'comment' | 'level' | 'workingDaysAgo'>) {
    const openedAt = at(ratedOn);
    const deadlines = workOrderDeadlines(openedAt, calendar);
    const handlerId = point.community_id === 'xinshi' ? handlers.xinshi : handlers.street;
    const dayAfter = (n: number) => calendar.addWorkingDays(ratedOn, n);
    const steps: Step[] = [{ kind: 'opened', daysAfter: 0, publicText: '您的评价已转给社区工作人员处理' }];
    const reached = (s: WorkOrderStatus) => workOrderStatuses.indexOf(order.status) >= workOrderStatuses.indexOf(s);
    if (reached('verifying')) steps.push({ kind: 'taken', daysAfter: 0 });
    if (reached('verifying')) steps.push({ kind: 'callback', daysAfter: 1, note: '电话联系了居民，情况属实', publicText: '工作人员已与您联系核实情况' });
    const rectifyBy = order.resolution === 'deadline' ? dayAfter(10) : null;
    if (reached('handling')) {
      const text = { immediate: '已当面提醒窗口人员，增开一个窗口', deadline: '已要求服务点限期整改', explain: '已向服务点核实并向您说明情况' }[order.resolution!];
      steps.push({ kind: 'decision', daysAfter: 2, publicText: rectifyBy ? `${text}（整改期限：${Number(rectifyBy.slice(5, 7))}月${Number(rectifyBy.slice(8))}日）` : text });
    }
    if (reached('feedback_given')) steps.push({ kind: 'feedback', daysAfter: order.feedbackAfter ?? 5, publicText: '整改已完成，欢迎您再来监督' });
    if (order.followUp) steps.push({ kind: 'follow_up', daysAfter: (order.feedbackAfter ?? 5) + 1, publicText: { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }[order.followUp] });
    if (order.status === 'closed') steps.push({ kind: 'closed', daysAfter: (order.feedbackAfter ?? 5) + 2, publicText: '处理完毕' });
    if (order.appealPending) steps.push({ kind: 'appeal_filed', daysAfter: 1, note: '当天按价目表收费，该菜品为 18 元' });

    const feedbackOn = reached('feedback_given') ? dayAfter(order.feedbackAfter ?? 5) : null;
    const due = order.status === 'awaiting_callback' ? deadlines.callbackDue : reached('feedback_given') ? null : deadlines.feedbackDue;
    const row = await db
      .insertInto('rating_work_orders')
      .values({
        rating_id: ratingId,
        service_point_id: point.id,
        community_id: point.community_id,
        town_code: point.town_code,
        status: order.status,
        opened_at: openedAt.toISOString(),
        callback_due: deadlines.callbackDue,
        feedback_due: deadlines.feedbackDue,
        due_on: due,
        handler_id: order.status === 'awaiting_callback' ? null : handlerId,
        resolution: reached('handling') ? order.resolution! : null,
        rectify_by: reached('handling') ? rectifyBy : null,
        callback_at: reached('verifying') ? at(dayAfter(1), 30).toISOString() : null,
        feedback_on: feedbackOn,
        closed_at: order.status === 'closed' ? at(dayAfter((order.feedbackAfter ?? 5) + 2)).toISOString() : null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const step of steps) {
      await db
        .insertInto('rating_work_order_events')
        .values({
          work_order_id: row.id,
          kind: step.kind,
          actor_id: step.kind === 'opened' ? null : step.kind === 'appeal_filed' ? handlers.provider : handlerId,
          note: step.note ?? null,
          public_text: step.publicText ?? null,
          created_at: at(dayAfter(step.daysAfter), 20).toISOString(),
        })
        .execute();
    }
    if (order.followUp) {
      await db
        .updateTable('ratings')
        .set({ follow_up_level: order.followUp, follow_up_at: at(dayAfter((order.feedbackAfter ?? 5) + 1)).toISOString() })
        .where('id', '=', ratingId)
        .execute();
    }
  }

  // Six months of history: mostly good, the odd 差评 handled (on time or late) and closed.
  const random = generator(220681);
  for (const pointId of RATED_POINTS) {
    const count = 6 + Math.floor(random() * 9);
    for (let i = 0; i < count; i += 1) {
      const daysAgo = 10 + Math.floor(random() * 170);
      const roll = random();
      const level = roll < 0.5 ? 5 : roll < 0.78 ? 4 : roll < 0.9 ? 3 : roll < 0.96 ? 2 : 1;
      const pool = level >= 4 ? PRAISE : PROBLEMS;
      const tags = level === 3 || random() < 0.3 ? [] : [pool[Math.floor(random() * pool.length)]];
      if (isBadLevel(level) && tags.length === 0) tags.push(PROBLEMS[0]);
      const comments = COMMENTS[level];
      const comment = random() < 0.6 ? comments[Math.floor(random() * comments.length)] : null;
      const ratedOn = shiftDate(today, -daysAgo);
      const rater = raterIds[Math.floor(random() * raterIds.length)];
      const { ratingId, point } = await addRating(rater, pointId, level, tags, comment, at(ratedOn, Math.floor(random() * 480)));
      if (isBadLevel(level)) {
        await addOrder(ratingId, point, ratedOn, { status: 'closed', resolution: 'immediate', feedbackAfter: random() < 0.75 ? 6 : 18, followUp: 'satisfied' });
      }
    }
  }
  // The demo resident's own good rating, long enough ago that any point may be declared again.
  await addRating(resident, 'sp-220681002-culture-center-0088', 5, ['服务热情'], '活动室的老师教太极拳很认真。', at(shiftDate(today, -30)));

  for (const order of SCRIPTED) {
    const ratedOn = workingDaysBefore(order.workingDaysAgo);
    const userId = order.rater === 'resident' ? resident : raterIds[order.rater];
    const { ratingId, point } = await addRating(userId, order.point, order.level, order.tags, order.comment, at(ratedOn));
    await addOrder(ratingId, point, ratedOn, order);
    if (order.appealPending) {
      await db
        .insertInto('rating_appeals')
        .values({
          rating_id: ratingId,
          provider_id: handlers.provider,
          kind: 'mistaken',
          reason: '当天按价目表收费，该菜品为 18 元，有收银小票可查',
          status: 'pending',
          decided_by: null,
          decision_note: null,
          created_at: at(calendar.addWorkingDays(ratedOn, 1)).toISOString(),
          decided_at: null,
        })
        .execute();
    }
  }

  for (const visit of lastVisit.values()) {
    await db.insertInto('rating_visit_windows').values({ user_id: visit.userId, service_point_id: visit.pointId, last_visit_at: visit.at }).execute();
  }
}
