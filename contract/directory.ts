import { z } from 'zod';
import directoryConfig from '../config/domain/directory.json';
import { subcategoriesMatching } from './rules/categories';
import { hasControlCharacter } from './rules/text';

/**
 * The service directory API (DOMAIN.md §1): categories, the list of service points near a place,
 * one point's details, and the 15-minute coverage of a place. Messages are the part after the
 * field's Chinese label (contract/field-labels.ts adds "纬度：" and so on).
 */

const MAX_RADIUS = directoryConfig.maxRadiusMetres;
const { default: DEFAULT_LIMIT, max: MAX_LIMIT } = directoryConfig.pageSize;

// ---------- shared pieces ----------

export const timeIntervalSchema = z.object({
  open: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/),
  /** '24:00' allowed; a close not after the open means the next day (18:00–02:00). */
  close: z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/),
});

/** A parameter given twice (?lat=1&lat=2) arrives as a list: name that, instead of "not a number". */
function oneValue(v: unknown, ctx: z.RefinementCtx): unknown {
  if (!Array.isArray(v)) return v;
  ctx.addIssue({ code: 'custom', message: '只能填写一个' });
  return z.NEVER;
}

/** Query strings arrive as text: '' counts as absent. */
const optionalText = (max: number) =>
  z.preprocess(
    (v, ctx) => {
      const value = oneValue(v, ctx);
      return typeof value === 'string' ? (value.trim() === '' ? undefined : value.trim()) : value;
    },
    z
      .string()
      .max(max, { error: `不能超过 ${max} 个字` })
      .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' })
      .optional(),
  );

/** A plain decimal as people and clients write it ("41.81", "-5", "1e-7"); Number() alone also takes "0x10" and " " (0). */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;

/** Query strings arrive as text: blank counts as absent (as for text), anything but a decimal is not a number. */
const optionalNumber = (message: string) =>
  z.preprocess(
    (v, ctx) => {
      const value = oneValue(v, ctx);
      if (typeof value !== 'string') return value;
      const text = value.trim();
      if (text === '') return undefined;
      return DECIMAL.test(text) ? Number(text) : Number.NaN;
    },
    z.number({ error: message }).refine(Number.isFinite, { error: message }).optional(),
  );

const latitude = optionalNumber('请填写 -90 到 90 之间的数字').refine(
  (v) => v === undefined || (v >= -90 && v <= 90),
  { error: '请填写 -90 到 90 之间的数字' },
);
const longitude = optionalNumber('请填写 -180 到 180 之间的数字').refine(
  (v) => v === undefined || (v >= -180 && v <= 180),
  { error: '请填写 -180 到 180 之间的数字' },
);

const categoryFilter = optionalText(64).refine((v) => v === undefined || subcategoriesMatching(v) !== undefined, {
  error: '没有这个服务类别',
});

const booleanFlag = z.preprocess(
  (v, ctx) => (v === '' || v === undefined ? undefined : oneValue(v, ctx)),
  z
    .enum(['true', 'false', '1', '0'], { error: '只能是 true 或 false' })
    .transform((v) => v === 'true' || v === '1')
    .optional(),
);

function requireBothCoordinates(value: { lat?: number; lng?: number }, ctx: z.RefinementCtx) {
  if (value.lat !== undefined && value.lng === undefined) {
    ctx.addIssue({ code: 'custom', path: ['lng'], message: '请同时提供经度和纬度' });
  }
  if (value.lng !== undefined && value.lat === undefined) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: '请同时提供经度和纬度' });
  }
}

// ---------- GET /api/categories ----------

export const subcategorySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** Service points in this subcategory. */
  count: z.number().int(),
});

export const categorySummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  count: z.number().int(),
  subcategories: z.array(subcategorySummarySchema),
});
export type CategorySummary = z.infer<typeof categorySummarySchema>;

export const categoryListSchema = z.object({ categories: z.array(categorySummarySchema) });
export type CategoryList = z.infer<typeof categoryListSchema>;

// ---------- GET /api/services ----------

export const serviceListQuerySchema = z
  .object({
    /** A category id ("elderly") or a subcategory id ("elder-canteen"). */
    category: categoryFilter,
    /**
     * Keywords: each word (split at spaces) must occur in the name, address, services, category or subcategory
     * name, or one of its everyday synonyms (config/domain/search-synonyms.json); full-width and case ignored.
     */
    q: optionalText(50),
    lat: latitude,
    lng: longitude,
    /** Metres around lat/lng; default a 15-minute walk. Only with lat/lng. */
    radius: optionalNumber('请填写数字（米）').refine(
      (v) => v === undefined || (v > 0 && v <= MAX_RADIUS),
      { error: `请填写大于 0、不超过 ${MAX_RADIUS} 的米数` },
    ),
    /** A town code (9 digits). */
    town: optionalText(32),
    community: optionalText(64),
    /** 'true' keeps only points open now (at the server's clock, holidays included); 'false' or absent lists all. */
    openNow: booleanFlag,
    limit: optionalNumber('请填写整数').refine(
      (v) => v === undefined || (Number.isInteger(v) && v >= 1 && v <= MAX_LIMIT),
      { error: `请填写 1 到 ${MAX_LIMIT} 之间的整数` },
    ),
    /** The `nextCursor` of the previous page, as given. */
    cursor: optionalText(512),
  })
  .superRefine((value, ctx) => {
    requireBothCoordinates(value, ctx);
    if (value.radius !== undefined && value.lat === undefined) {
      ctx.addIssue({ code: 'custom', path: ['radius'], message: '请先提供位置（经纬度）' });
    }
  })
  .transform((value) => ({ ...value, limit: value.limit ?? DEFAULT_LIMIT }));
export type ServiceListQuery = z.infer<typeof serviceListQuerySchema>;

/** What a client sends to GET /api/services (all optional; see serviceListQuerySchema for the rules). */
export interface ServiceListParams {
  category?: string;
  q?: string;
  lat?: number;
  lng?: number;
  radius?: number;
  town?: string;
  community?: string;
  /** true = only points open now; false or absent = all. */
  openNow?: boolean;
  limit?: number;
  cursor?: string;
}

export const servicePointSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  category: z.string(),
  categoryName: z.string(),
  subcategory: z.string(),
  subcategoryName: z.string(),
  townCode: z.string(),
  townName: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string(),
  /** From the request's location; null without one. */
  distanceMeters: z.number().int().nullable(),
  walkingMinutes: z.number().int().nullable(),
  openNow: z.boolean(),
  /** When open: when it closes (ISO); null when it does not close in the coming days (24 hours). */
  closesAt: z.string().nullable(),
  /** When closed: the next opening (ISO); null when none in the coming days. */
  nextOpenAt: z.string().nullable(),
  /** Invented for the demo: the client shows a 演示数据 mark. */
  isDemo: z.boolean(),
  /**
   * A pause (暂停营业) that is ahead or in force today (contract/rules/pause.ts); null when none or over.
   * While in force the client shows 暂停营业（至 M月D日）and the reason instead of 营业中/已打烊.
   */
  paused: z.object({ from: z.string(), to: z.string(), reason: z.string() }).nullable(),
});
export type ServicePointSummary = z.infer<typeof servicePointSummarySchema>;

export const servicePointPageSchema = z.object({
  items: z.array(servicePointSummarySchema),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** Where distances are measured from and the radius used, when a location was given. */
  origin: z.object({ lat: z.number(), lng: z.number(), radius: z.number() }).nullable(),
  /**
   * When a location was given and nothing within the radius matches (first page only): the nearest matching
   * points beyond it (up to the maximum radius), nearest first, so the client can say "15 分钟内没有，最近的在
   * 1.8 公里外". Otherwise empty.
   */
  beyond: z.array(servicePointSummarySchema),
});
export type ServicePointPage = z.infer<typeof servicePointPageSchema>;

// ---------- GET /api/services/:id ----------

export const servicePointParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .max(64)
    .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' }),
});

export const servicePointDetailQuerySchema = z
  .object({ lat: latitude, lng: longitude })
  .superRefine(requireBothCoordinates);

export const offeredServiceSchema = z.object({
  name: z.string(),
  /** What the user pays, in fen (¥3.00 = 300); 0 = free. */
  priceCents: z.number().int(),
  /** e.g. "次", "餐", "月". */
  unit: z.string(),
  subsidised: z.boolean(),
  /** The subsidy per unit in fen when subsidised (shown as 已补贴 ¥5.00). */
  subsidyCents: z.number().int().nullable(),
});
export type OfferedService = z.infer<typeof offeredServiceSchema>;

export const dayHoursSchema = z.object({
  key: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
  /** 周一 … 周日 */
  name: z.string(),
  intervals: z.array(timeIntervalSchema),
  /** "08:00–17:00", "18:00–次日02:00", "全天", "休息". */
  text: z.string(),
  isToday: z.boolean(),
});

export const servicePointDetailSchema = servicePointSummarySchema.extend({
  description: z.string(),
  operator: z.string(),
  services: z.array(offeredServiceSchema),
  /** e.g. 无障碍坡道, 适老扶手, 无障碍卫生间, 助听设备. */
  accessibility: z.array(z.string()),
  hours: z.object({
    weekly: z.array(dayHoursSchema),
    holiday: z.object({ intervals: z.array(timeIntervalSchema), text: z.string() }),
    openAllDay: z.boolean(),
    /** Today in China time and which hours apply (holiday hours on a holiday, Monday's on a 调休 working day). */
    today: z.object({
      date: z.string(),
      kind: z.enum(['workday', 'weekend', 'holiday', 'adjustedWorkday']),
      /** "国庆节", "国庆节调休（上班）", "周末", "工作日". */
      label: z.string(),
      intervals: z.array(timeIntervalSchema),
      text: z.string(),
    }),
  }),
  /** The date ('YYYY-MM-DD') the data was last checked. */
  verifiedAt: z.string(),
  /** Grows with every edit; staff send it back with PATCH /api/services/:id (contract/upkeep.ts). */
  version: z.number().int(),
  /** Residents' reports (信息有误) not yet handled; > 0 → the client says 有居民反馈信息可能有变. */
  openReports: z.number().int(),
});
export type ServicePointDetail = z.infer<typeof servicePointDetailSchema>;

// ---------- GET /api/coverage ----------

export const coverageQuerySchema = z
  .object({ lat: latitude, lng: longitude, community: optionalText(64) })
  .superRefine((value, ctx) => {
    requireBothCoordinates(value, ctx);
    if (value.lat === undefined && value.lng === undefined && value.community === undefined) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: '请提供位置（经纬度）或选择社区' });
    }
  });
export type CoverageQuery = z.infer<typeof coverageQuerySchema>;

export const nearestPointSchema = z.object({
  id: z.string(),
  name: z.string(),
  subcategory: z.string(),
  subcategoryName: z.string(),
  distanceMeters: z.number().int(),
  walkingMinutes: z.number().int(),
  isDemo: z.boolean(),
});

export const coverageItemSchema = z.object({
  /** A coverage id from config/domain/directory.json ("elder-canteen", "primary-care" …). */
  id: z.string(),
  name: z.string(),
  /** The layer this service should be reached in (5, 8 or 15 minutes). */
  targetMinutes: z.number().int(),
  /** Subcategory ids that count for it (pass one as `category` to list them). */
  subcategories: z.array(z.string()),
  /** The nearest such point (searched up to the maximum radius); null when there is none. */
  nearest: nearestPointSchema.nullable(),
  /** The layer the nearest point falls in (5, 8, 15) or null when not within 15 minutes. */
  layer: z.number().int().nullable(),
  meetsTarget: z.boolean(),
});
export type CoverageItem = z.infer<typeof coverageItemSchema>;

export const coverageGroupSchema = z.object({
  /** 5, 8, 15, or null for "not within 15 minutes". */
  layer: z.number().int().nullable(),
  /** "5 分钟内" … "15 分钟内没有". */
  label: z.string(),
  items: z.array(coverageItemSchema),
});

export const coverageSchema = z.object({
  origin: z.object({
    lat: z.number(),
    lng: z.number(),
    /** What the origin is: "您的位置" or the community's name. */
    label: z.string(),
    communityId: z.string().nullable(),
  }),
  /** Always four groups in this order: 5, 8, 15, beyond. */
  groups: z.array(coverageGroupSchema),
});
export type Coverage = z.infer<typeof coverageSchema>;

// ---------- GET /api/search-suggestions ----------

export const searchSuggestionsQuerySchema = z
  .object({
    /** What was searched for and found nothing. */
    q: optionalText(50),
    lat: latitude,
    lng: longitude,
  })
  .superRefine((value, ctx) => {
    requireBothCoordinates(value, ctx);
    if (value.q === undefined) ctx.addIssue({ code: 'custom', path: ['q'], message: '请填写要找的内容' });
  });

export const searchSuggestionSchema = z.object({
  /** A subcategory id: pass it as `category` to GET /api/services. */
  id: z.string(),
  name: z.string(),
  /** With a location: the nearest such point (up to the maximum radius), or null when there is none. */
  nearest: nearestPointSchema.nullable(),
});
export type SearchSuggestion = z.infer<typeof searchSuggestionSchema>;

export const searchSuggestionsSchema = z.object({
  /** true: the categories closest to the words; false: nothing came close, these are the circle's basic services. */
  closest: z.boolean(),
  items: z.array(searchSuggestionSchema),
});
export type SearchSuggestions = z.infer<typeof searchSuggestionsSchema>;
