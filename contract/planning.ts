import { z } from 'zod';
import { indicatorIds } from './rules/planning';

/**
 * The planner's API (规划监测, issue 19): per 社区 of a street (or of the city) the month's figures beside the
 * plan's targets, ranked by how far behind; one 社区's figure over the last 12 months; the month's table as CSV.
 * Words and colours are the client's (contract/rules/planning.ts).
 */

const monthText = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '请填写 年-月 格式的月份，如 2026-11' });
const codeText = z.string().min(1, { error: '不能为空' }).max(32, { error: '最多 32 个字' });

export const indicatorIdSchema = z.enum(indicatorIds, { error: '没有这个指标' });

export const planningQuerySchema = z.object({
  /** Default: the current month (China time). */
  month: monthText.optional(),
  /** A 街道's code; a street officer may leave it out (their own), a city officer picks one or sees all. */
  street: codeText.optional(),
});
export type PlanningQuery = z.infer<typeof planningQuerySchema>;

export const indicatorValueSchema = z.object({
  id: indicatorIdSchema,
  value: z.number().nullable(),
  target: z.number(),
  unit: z.enum(['%', '支']),
  status: z.enum(['met', 'slightlyBehind', 'behind', 'noData']),
  gap: z.number(),
});

export const coverageReachSchema = z.object({
  id: z.string(),
  name: z.string(),
  targetMinutes: z.number(),
  walkingMinutes: z.number().nullable(),
  layer: z.number().nullable(),
  meetsTarget: z.boolean(),
  /** Of the 社区's grid cells, the share (percent; by population where the data has it) reaching it in time; null without cells. */
  cellShare: z.number().nullable(),
  /** How many of the cells reach it in time. */
  cellsReached: z.number(),
});

/** The 社区's grid cells behind the cell figures (a street: its 社区's cells together). */
export const coverageCellsSchema = z.object({
  count: z.number(),
  /** Residents of the cells when every cell has a population, else null. */
  population: z.number().nullable(),
  weighting: z.enum(['population', 'equal', 'none']),
  /** The average over the basic services of their cell share: the circle as the residents of the cells meet it. */
  share: z.number().nullable(),
});

/** The counts behind each figure: what the page writes out as text (and the CSV carries). */
export const planningDetailsSchema = z.object({
  coverage: z.object({ met: z.number(), total: z.number(), items: z.array(coverageReachSchema), cells: coverageCellsSchema }),
  hours: z.object({ facilities: z.number(), meetsDaily: z.number(), opensOnHolidays: z.number(), meetsBoth: z.number() }),
  visits: z.object({ due: z.number(), visited: z.number(), overdue: z.number(), monthOver: z.boolean() }),
  ratings: z.object({
    n: z.number(),
    satisfiedRate: z.number().nullable(),
    badCount: z.number(),
    fixedRate: z.number().nullable(),
    onTimeRate: z.number().nullable(),
    openOrders: z.number(),
    overdueOrders: z.number(),
  }),
  volunteers: z.object({
    teams: z.number(),
    partyTeams: z.number(),
    /** Of the 社区 counted (1 for a 社区's own row), how many have a party team: a street's figure. */
    communities: z.number(),
    communitiesWithPartyTeam: z.number(),
    volunteers: z.number(),
    hours: z.number(),
    activities: z.number(),
  }),
  verification: z.object({ points: z.number(), verified: z.number(), withinDays: z.number() }),
});
export type PlanningDetails = z.infer<typeof planningDetailsSchema>;

export const planningRowSchema = z.object({
  communityId: z.string().nullable(),
  name: z.string(),
  isDemo: z.boolean(),
  indicators: z.array(indicatorValueSchema),
  details: planningDetailsSchema,
  /** Sum of the figures' gaps (0 = every target met): the ranking's key. */
  score: z.number(),
});
export type PlanningRow = z.infer<typeof planningRowSchema>;

export const planningStreetSchema = z.object({
  code: z.string(),
  name: z.string(),
  /** The street as a whole (its 社区 counted together). */
  total: planningRowSchema,
  /** Furthest behind first. */
  communities: z.array(planningRowSchema),
});

export const planningResultSchema = z.object({
  month: z.string(),
  streets: z.array(planningStreetSchema),
});
export type PlanningResult = z.infer<typeof planningResultSchema>;

export const trendQuerySchema = z.object({
  community: codeText,
  indicator: indicatorIdSchema,
  /** The last month of the trend; default the current one. */
  month: monthText.optional(),
});
export type TrendQuery = z.infer<typeof trendQuerySchema>;

export const trendResultSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  indicator: indicatorIdSchema,
  /** Oldest first. */
  months: z.array(z.object({ month: z.string(), indicator: indicatorValueSchema })),
});
export type TrendResult = z.infer<typeof trendResultSchema>;
