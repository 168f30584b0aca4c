import { z } from 'zod';
import { rowId, rowIdText } from './row-id';
import ratingsConfig from '../config/domain/ratings.json';
import { followUpLevels, resolutions, tagProblem, workOrderStatuses, type RatingLevel } from './rules/rating';
import { hasControlCharacter } from './rules/text';

/**
 * The 好差评 API (DOMAIN.md §2): declared visits, ratings of an interaction, the public summary of a point,
 * the resident's own ratings with the follow-up of a 差评, work orders for workers, appeals and figures.
 * Messages are the part after the field's Chinese label (contract/field-labels.ts).
 */

const cleanText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${max} 个字` })
    .refine((text) => !hasControlCharacter(text.replace(/[\n\t]/g, ' ')), { error: '包含无法识别的字符' });

const requiredText = (max: number) => cleanText(max).refine((text) => text.length > 0, { error: '不能为空' });

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请填写 年-月-日 格式的日期' });
const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '请填写 年-月 格式的月份，如 2026-11' });

export const ratingLevelSchema = z
  .number({ error: '请选择满意程度' })
  .int({ error: '请选择满意程度' })
  .min(1, { error: '请选择满意程度' })
  .max(5, { error: '请选择满意程度' });

export const idParamsSchema = z.object({ id: rowIdText('应为编号') });
export const pointParamsSchema = z.object({
  id: z.string().min(1).max(100).refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' }),
});

// ---------- visits ----------

export const visitSchema = z.object({
  id: z.number().int(),
  servicePointId: z.string(),
  visitedAt: z.string(),
  /** Set once the visit has been rated. */
  ratingId: z.number().int().nullable(),
});
export type Visit = z.infer<typeof visitSchema>;

/** GET /api/services/:id/visits/latest — the resident's last declared visit to the point, and when another may be declared. */
export const latestVisitSchema = z.object({
  visit: visitSchema.nullable(),
  /** null: a visit may be declared now. */
  nextAllowedAt: z.string().nullable(),
});
export type LatestVisit = z.infer<typeof latestVisitSchema>;

// ---------- rating an interaction ----------

export const interactionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('visit'), id: rowId() }),
  z.object({ kind: z.literal('booking'), id: rowId() }),
]);
export type Interaction = z.infer<typeof interactionSchema>;

export const ratingBodySchema = z
  .object({
    interaction: interactionSchema,
    level: ratingLevelSchema,
    tags: z.array(z.string().max(20)).max(6).default([]),
    comment: cleanText(ratingsConfig.commentMaxLength).optional(),
  })
  .superRefine((body, ctx) => {
    // zod runs this even when the level itself was refused: then the level's own message says it all.
    if (!ratingLevelSchema.safeParse(body.level).success) return;
    const problem = tagProblem(body.level as RatingLevel, body.tags);
    if (problem) ctx.addIssue({ code: 'custom', path: ['tags'], message: problem });
  });
export type RatingBody = z.input<typeof ratingBodySchema>;

export const commentStatuses = ['none', 'public', 'private'] as const;

export const timelineEntrySchema = z.object({
  at: z.string(),
  /** 已受理 / 已回访 / 处理方式 / 整改反馈 / 追评 / 申诉 …, in the reader's words. */
  title: z.string(),
  text: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const myRatingSchema = z.object({
  id: z.number().int(),
  servicePointId: z.string(),
  servicePointName: z.string(),
  interactionKind: z.enum(['visit', 'booking']),
  level: z.number().int(),
  levelWord: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  commentStatus: z.enum(commentStatuses),
  /** Why the comment is shown only to the rater. */
  commentNote: z.string().nullable(),
  createdAt: z.string(),
  /** For a 差评: its 处理进度 in the resident's words, and what happened so far. */
  progress: z
    .object({
      status: z.enum(workOrderStatuses),
      statusWord: z.string(),
      feedbackDue: z.string(),
      timeline: z.array(timelineEntrySchema),
      canFollowUp: z.boolean(),
    })
    .nullable(),
  followUp: z.object({ level: z.enum(followUpLevels), word: z.string(), comment: z.string().nullable(), at: z.string() }).nullable(),
  /** An appeal on this rating and its outcome (both sides see it). */
  appeal: z.object({ status: z.enum(['pending', 'upheld', 'rejected']), statusWord: z.string() }).nullable(),
});
export type MyRating = z.infer<typeof myRatingSchema>;
export const myRatingPageSchema = z.object({ items: z.array(myRatingSchema), nextCursor: z.string().nullable() });
export type MyRatingPage = z.infer<typeof myRatingPageSchema>;

export const pageQuerySchema = z.object({
  limit: z.coerce.number({ error: '应为数字' }).int().min(1).max(50).default(20),
  cursor: z.string().max(200).optional(),
});

export const followUpBodySchema = z.object({
  level: z.enum(followUpLevels, { error: '请选择 满意、基本满意 或 不满意' }),
  comment: cleanText(ratingsConfig.commentMaxLength).optional(),
});
export type FollowUpBody = z.infer<typeof followUpBodySchema>;

// ---------- the public summary of a point ----------

export const figuresSchema = z.object({
  n: z.number().int(),
  /** Index 0 = 非常不满意 … 4 = 非常满意 */
  counts: z.array(z.number().int()),
  goodRate: z.number().nullable(),
  satisfiedRate: z.number().nullable(),
  mean: z.number().nullable(),
  badCount: z.number().int(),
  fixedRate: z.number().nullable(),
  onTimeRate: z.number().nullable(),
});
export type Figures = z.infer<typeof figuresSchema>;

export const publicCommentSchema = z.object({
  id: z.number().int(),
  maskedName: z.string(),
  level: z.number().int(),
  levelWord: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  createdAt: z.string(),
});
export type PublicComment = z.infer<typeof publicCommentSchema>;

/** One past 差评 as the public sees it: no name, no text, what was done about it. */
export const rectificationSchema = z.object({
  month: z.string(),
  tags: z.array(z.string()),
  resolutionWord: z.string().nullable(),
  statusWord: z.string(),
});

export const pointRatingsSchema = z.object({
  servicePointId: z.string(),
  servicePointName: z.string(),
  figures: figuresSchema,
  /** false below 5 ratings: rates are not shown, `note` says why. */
  enoughForRates: z.boolean(),
  note: z.string().nullable(),
  rectifications: z.array(rectificationSchema),
  items: z.array(publicCommentSchema),
  nextCursor: z.string().nullable(),
});
export type PointRatings = z.infer<typeof pointRatingsSchema>;

/** GET /api/ratings/summaries?points=a,b,c — the one line a directory card shows for each point of a page. */
export const RATING_SUMMARIES_MAX = 50;
export const ratingSummariesQuerySchema = z.object({
  points: z
    .string({ error: '必填' })
    .regex(/^[A-Za-z0-9_-]{1,100}(,[A-Za-z0-9_-]{1,100})*$/, { error: '应为用逗号分开的服务点编号' })
    .transform((text) => [...new Set(text.split(','))])
    .refine((ids) => ids.length <= RATING_SUMMARIES_MAX, { error: `最多 ${RATING_SUMMARIES_MAX} 个服务点` }),
});

export const ratingSummarySchema = z.object({
  servicePointId: z.string(),
  /** Ratings in the figures (upheld appeals left out). */
  n: z.number().int(),
  /** Both null below 5 ratings, as on the point's page. */
  goodRate: z.number().nullable(),
  mean: z.number().nullable(),
});
export type RatingSummary = z.infer<typeof ratingSummarySchema>;

export const ratingSummaryListSchema = z.object({ items: z.array(ratingSummarySchema) });
export type RatingSummaryList = z.infer<typeof ratingSummaryListSchema>;

// ---------- work orders ----------

export const workOrderListQuerySchema = pageQuerySchema.extend({
  state: z.enum(['open', 'done'], { error: '只能是 open 或 done' }).default('open'),
});

export const workOrderSummarySchema = z.object({
  id: z.number().int(),
  ratingId: z.number().int(),
  servicePointId: z.string(),
  servicePointName: z.string(),
  communityName: z.string().nullable(),
  level: z.number().int(),
  levelWord: z.string(),
  tags: z.array(z.string()),
  status: z.enum(workOrderStatuses),
  statusWord: z.string(),
  openedAt: z.string(),
  callbackDue: z.string(),
  feedbackDue: z.string(),
  /** The deadline being worked towards now, null once feedback is given. */
  due: z.string().nullable(),
  overdue: z.boolean(),
  handledByMe: z.boolean(),
  handlerName: z.string().nullable(),
  appealPending: z.boolean(),
});
export type WorkOrderSummary = z.infer<typeof workOrderSummarySchema>;
export const workOrderPageSchema = z.object({ items: z.array(workOrderSummarySchema), nextCursor: z.string().nullable() });
export type WorkOrderPage = z.infer<typeof workOrderPageSchema>;

export const workOrderDetailSchema = workOrderSummarySchema.extend({
  comment: z.string().nullable(),
  commentStatus: z.enum(commentStatuses),
  maskedName: z.string(),
  /** Only for the handling worker (each view is audit-logged). */
  rater: z.object({ name: z.string(), phone: z.string().nullable() }).nullable(),
  resolution: z.enum(resolutions).nullable(),
  rectifyBy: z.string().nullable(),
  events: z.array(timelineEntrySchema),
  followUp: z.object({ word: z.string(), comment: z.string().nullable() }).nullable(),
  appeal: z
    .object({ id: z.number().int(), kind: z.enum(['mistaken', 'malicious']), reason: z.string(), status: z.enum(['pending', 'upheld', 'rejected']), statusWord: z.string() })
    .nullable(),
  /** What the viewer may do now. */
  allowedActions: z.array(z.enum(['take', 'callback', 'decide', 'feedback', 'close', 'appeal'])),
});
export type WorkOrderDetail = z.infer<typeof workOrderDetailSchema>;

export const workOrderActionSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('take') }),
  z.object({ action: z.literal('callback'), note: requiredText(500) }),
  z.object({
    action: z.literal('decide'),
    resolution: z.enum(resolutions, { error: '请选择 立行立改、限期整改 或 解释说明' }),
    note: requiredText(500),
    rectifyBy: dateText.optional(),
  }),
  z.object({ action: z.literal('feedback'), note: requiredText(500) }),
  z.object({ action: z.literal('close'), note: cleanText(500).optional() }),
]);
export type WorkOrderActionBody = z.infer<typeof workOrderActionSchema>;

// ---------- appeals ----------

export const appealKinds = ['mistaken', 'malicious'] as const;
export const appealKindWords = { mistaken: '误评', malicious: '恶意评价' } as const;
export const appealStatusWords = { pending: '申诉复核中', upheld: '申诉成立，不计入统计', rejected: '申诉未通过' } as const;

export const appealBodySchema = z.object({
  appealKind: z.enum(appealKinds, { error: '请选择 误评 或 恶意评价' }),
  reason: requiredText(500),
});
export type AppealBody = z.infer<typeof appealBodySchema>;

export const appealDecisionBodySchema = z.object({
  decision: z.enum(['upheld', 'rejected'], { error: '请选择 申诉成立 或 申诉不成立' }),
  note: requiredText(500),
});
export type AppealDecisionBody = z.infer<typeof appealDecisionBodySchema>;

export const appealSchema = z.object({
  id: z.number().int(),
  ratingId: z.number().int(),
  servicePointId: z.string(),
  servicePointName: z.string(),
  level: z.number().int(),
  levelWord: z.string(),
  tags: z.array(z.string()),
  comment: z.string().nullable(),
  kind: z.enum(appealKinds),
  kindWord: z.string(),
  reason: z.string(),
  status: z.enum(['pending', 'upheld', 'rejected']),
  statusWord: z.string(),
  decisionNote: z.string().nullable(),
  createdAt: z.string(),
  decidedAt: z.string().nullable(),
});
export type Appeal = z.infer<typeof appealSchema>;
export const appealPageSchema = z.object({ items: z.array(appealSchema), nextCursor: z.string().nullable() });
export type AppealPage = z.infer<typeof appealPageSchema>;
export const appealListQuerySchema = pageQuerySchema.extend({
  status: z.enum(['pending', 'decided'], { error: '只能是 pending 或 decided' }).default('pending'),
});

// ---------- figures by month ----------

export const statsQuerySchema = z.object({
  community: z.string().max(64).optional(),
  point: z.string().max(100).optional(),
  month: monthText.optional(),
});

export const statsSchema = z.object({
  /** What the figures cover, in words: 新市社区 / 新市社区长者食堂 / 新市街道. */
  scopeName: z.string(),
  months: z.array(z.object({ month: z.string(), figures: figuresSchema })),
  total: figuresSchema,
});
export type RatingStats = z.infer<typeof statsSchema>;
