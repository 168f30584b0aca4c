import { z } from 'zod';
import { MAX_ROW_ID, rowId, rowIdText } from './row-id';
import careConfig from '../config/domain/care.json';
import type { CareServiceKind } from './rules/care-price';
import { hasControlCharacter } from './rules/text';
import { livingSituations, mealModes, relations } from './care-words';

// The words live in a zod-free module the app can import; the server keeps importing them from here.
export * from './care-words';

/**
 * Elderly-care booking API (DOMAIN.md §4): elder profiles and their relatives, care services and their slots,
 * bookings with price and timeline, the provider's day, and the workers' monthly visits. Lists are
 * `{ items, nextCursor }` as in the directory. Money is in fen; times are ISO instants; dates 'YYYY-MM-DD' and
 * slot times 'HH:MM' are China local.
 */

// ---------- shared pieces ----------

const noControl = (text: string) => !hasControlCharacter(text);
/** Free text typed by a user: trimmed, bounded, no control characters. */
const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${max} 个字` })
    .refine(noControl, { error: '包含无法识别的字符' });
const requiredText = (max: number) => text(max).pipe(z.string().min(1, { error: '不能为空' }));
const multilineText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${max} 个字` })
    .refine((v) => !hasControlCharacter(v.replace(/\n/g, ' ')), { error: '包含无法识别的字符' });

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请按 年-月-日 填写，如 2026-12-01' });
const timeText = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);
const mobile = z.string().trim().regex(/^1\d{10}$/, { error: '请填写 11 位手机号' });

/** Query strings arrive as text: '' counts as absent; a parameter given twice is refused. */
const query = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v, ctx) => {
    if (Array.isArray(v)) {
      ctx.addIssue({ code: 'custom', message: '只能填写一个' });
      return z.NEVER;
    }
    return typeof v === 'string' && v.trim() === '' ? undefined : v;
  }, schema.optional());
const queryInt = (min: number, max: number) =>
  query(
    z.preprocess(
      (v) => (typeof v === 'string' ? (/^\d+$/.test(v.trim()) ? Number(v) : Number.NaN) : v),
      z
        .number({ error: `请填写 ${min} 到 ${max} 之间的整数` })
        .int()
        .min(min, { error: `请填写 ${min} 到 ${max} 之间的整数` })
        .max(max, { error: `请填写 ${min} 到 ${max} 之间的整数` }),
    ),
  );
const queryText = (max: number) => query(text(max));

export const CARE_PAGE_DEFAULT = 20;
export const CARE_PAGE_MAX = 50;
const pageQuery = {
  limit: queryInt(1, CARE_PAGE_MAX).transform((v) => v ?? CARE_PAGE_DEFAULT),
  /** The `nextCursor` of the previous page, as given. */
  cursor: queryText(512),
};

export const idParamsSchema = z.object({ id: rowIdText() });
export type IdParams = z.infer<typeof idParamsSchema>;

// ---------- configuration the client shows ----------

export const elderClassIds = careConfig.classes.map((c) => c.id) as [string, ...string[]];
export const elderClassSchema = z.enum(elderClassIds, { error: '不是可选的老人类别' });
export type ElderClass = z.infer<typeof elderClassSchema>;

export const serviceKindIds = ['meal', 'bath', 'cleaning', 'medical', 'mobility'] as const satisfies readonly CareServiceKind[];
export const serviceKindSchema = z.enum(serviceKindIds, { error: '不是可选的服务' });
/** 助餐 助浴 助洁 助医 助行 */
export const serviceKindNames: Record<CareServiceKind, string> = Object.fromEntries(
  careConfig.serviceKinds.map((k) => [k.id, k.name]),
) as Record<CareServiceKind, string>;

export const relationSchema = z.enum(relations, { error: '请选择关系：子女、配偶、亲属或其他' });
export const livingSituationSchema = z.enum(livingSituations, { error: '不是可选的居住情况' });

// ---------- elders: GET /api/elders, GET /api/elders/:id, POST /api/elders ----------

export const emergencyContactSchema = z.object({
  name: requiredText(20),
  relation: requiredText(10),
  phone: mobile,
});
export type EmergencyContactInput = z.infer<typeof emergencyContactSchema>;

/**
 * How the caller stands to an elder: 'self' (their own profile), 'active' (a bound relative), 'pending' (a
 * relative whose binding awaits the elder's code or a worker), 'worker' (a worker of the elder's 社区).
 */
export const elderAccessSchema = z.enum(['self', 'active', 'pending', 'worker']);
export type ElderAccess = z.infer<typeof elderAccessSchema>;

export const elderSummarySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  /** 2206**********1234 */
  maskedIdNumber: z.string(),
  birthDate: z.string(),
  /** Whole years today. */
  age: z.number().int(),
  communityId: z.string(),
  communityName: z.string(),
  classes: z.array(elderClassSchema),
  /** 低保 */
  dibao: z.boolean(),
  /** The date of the bath assessment (评估签约), null when none is recorded: a bath cannot be booked. */
  bathAssessedOn: z.string().nullable(),
  access: elderAccessSchema,
  /** The caller's relation to the elder when they are a relative (bound or pending); null otherwise. */
  relation: relationSchema.nullable(),
  /** Only elders the caller may book for ('self' or 'active'). */
  canBook: z.boolean(),
  /** Relatives waiting for approval: given to the elder and to workers (who approve with confirm-binding); absent for relatives. */
  pendingBindings: z.number().int().optional(),
});
export type ElderSummary = z.infer<typeof elderSummarySchema>;

/** A relative of an elder, as the elder and the workers of the elder's 社区 see them. */
export const elderRelativeSchema = z.object({
  bindingId: z.number().int(),
  userId: z.number().int(),
  /** 王** (masked for everyone; the elder knows who it is by the relation) */
  name: z.string(),
  relation: relationSchema,
  status: z.enum(['pending', 'active']),
  requestedAt: z.string(),
  /** When it took effect; null while pending. */
  confirmedAt: z.string().nullable(),
  /** How it took effect: the elder's code, the elder in the app, a worker. */
  confirmedBy: z.enum(['code', 'elder', 'worker']).nullable(),
});
export type ElderRelative = z.infer<typeof elderRelativeSchema>;

export const elderDetailSchema = elderSummarySchema.extend({
  /** In full for the elder and the workers of the 社区 (audited), masked (139****5678) for relatives. */
  phone: z.string().nullable(),
  address: z.string(),
  /** 网格 (free text, e.g. 第三网格) */
  grid: z.string().nullable(),
  livingSituation: livingSituationSchema,
  emergencyContacts: z.array(z.object({ name: z.string(), relation: z.string(), phone: z.string() })),
  /** Chronic illness, allergies … */
  healthNotes: z.string(),
  diet: z.string(),
  /** Relatives (pending and active): shown to the elder and workers; empty for relatives. */
  relatives: z.array(elderRelativeSchema),
  createdAt: z.string(),
});
export type ElderDetail = z.infer<typeof elderDetailSchema>;

export const elderListQuerySchema = z.object({
  /** Workers: one community of their scope (default all of it). */
  community: queryText(64),
  /** Workers: only elders of this class. */
  class: query(elderClassSchema),
  /** Workers: name contains. */
  q: queryText(20),
  /** Workers: 'true' lists only elders with binding requests waiting for approval. */
  pending: query(z.enum(['true', 'false'], { error: '只能是 true 或 false' }).transform((v) => v === 'true')),
  ...pageQuery,
});
export type ElderListQuery = z.infer<typeof elderListQuerySchema>;

export const elderPageSchema = z.object({ items: z.array(elderSummarySchema), nextCursor: z.string().nullable() });
export type ElderPage = z.infer<typeof elderPageSchema>;

/**
 * POST /api/elders: `relation: 'self'` creates the caller's own profile (in effect at once); a relation
 * (子女 …) creates the profile of an elder without the app, bound to the caller once a worker of the 社区
 * approves. A worker creating one for their 社区 uses `relation: 'worker'`. Classes and 低保 are not set here.
 */
export const createElderBodySchema = z
  .object({
    relation: z.union([z.literal('self'), z.literal('worker'), relationSchema], {
      error: '请选择：本人，或您与老人的关系',
    }),
    name: requiredText(20),
    idNumber: z.string().trim().min(1, { error: '必填' }).max(18, { error: '应为 18 位' }),
    phone: mobile.nullable().optional(),
    address: requiredText(100),
    communityId: requiredText(64),
    grid: text(20).nullable().optional(),
    livingSituation: livingSituationSchema,
    emergencyContacts: z.array(emergencyContactSchema).max(5, { error: '最多 5 位' }).default([]),
    healthNotes: multilineText(500).default(''),
    diet: text(200).default(''),
  })
  .strict();
export type CreateElderBody = z.input<typeof createElderBodySchema>;

/** POST /api/elders/:id/classes (workers of the elder's 社区): the eight classes, 低保, the bath assessment. */
export const elderClassesBodySchema = z
  .object({
    classes: z.array(elderClassSchema).max(8).refine((list) => new Set(list).size === list.length, { error: '有重复的类别' }),
    dibao: z.boolean(),
    /** The date of the bath assessment, or null when there is none (yet). */
    bathAssessedOn: dateText.nullable(),
  })
  .strict();
export type ElderClassesBody = z.infer<typeof elderClassesBodySchema>;

// ---------- bindings ----------

/**
 * POST /api/elders/bind: a relative asks to be bound to an elder found by name and ID number. When the elder
 * has the app, a 6-digit binding code goes to the elder's 消息 (the relative enters it with confirm-binding);
 * either way a worker of the elder's 社区 may approve.
 */
export const bindElderBodySchema = z
  .object({
    name: requiredText(20),
    idNumber: z.string().trim().min(1, { error: '必填' }).max(18, { error: '应为 18 位' }),
    relation: relationSchema,
  })
  .strict();
export type BindElderBody = z.infer<typeof bindElderBodySchema>;

export const bindElderResultSchema = z.object({
  elder: elderSummarySchema,
  bindingId: z.number().int(),
  /** 'code' when the elder got a binding code in the app, 'worker' when only a worker of the 社区 can approve. */
  confirmWith: z.enum(['code', 'worker']),
});
export type BindElderResult = z.infer<typeof bindElderResultSchema>;

/**
 * POST /api/elders/:id/confirm-binding: the relative enters the elder's code (`bindingCode`), or the elder
 * in the app or a worker of the 社区 approves one pending request (`bindingId`).
 */
export const confirmBindingBodySchema = z
  .object({
    bindingCode: z.string().trim().regex(/^\d{6}$/, { error: '应为 6 位数字' }).optional(),
    bindingId: rowId().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.bindingCode === undefined) === (value.bindingId === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['bindingCode'], message: '请填写老人收到的 6 位绑定码' });
    }
  });
export type ConfirmBindingBody = z.infer<typeof confirmBindingBodySchema>;

/** DELETE /api/elders/:id/binding: a relative leaves; the elder (or a worker) removes one with `?relative=<userId>`. */
export const unbindQuerySchema = z.object({ relative: queryInt(1, MAX_ROW_ID) });
export type UnbindQuery = z.infer<typeof unbindQuerySchema>;

export const okSchema = z.object({ ok: z.literal(true) });

// ---------- services and slots: GET /api/care/services, GET /api/care/slots ----------

export const careServicePointSchema = z.object({
  /** The directory's service point id (its detail page: /api/services/:id). */
  id: z.string(),
  name: z.string(),
  address: z.string(),
  phone: z.string(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  isDemo: z.boolean(),
});
export type CareServicePoint = z.infer<typeof careServicePointSchema>;

export const careServiceSchema = z.object({
  id: z.string(),
  kind: serviceKindSchema,
  /** 助餐 … */
  kindName: z.string(),
  /** 午餐, 助浴（到店）, 上门助洁 … */
  name: z.string(),
  description: z.string(),
  /** 'onsite' at the point (堂食 or 送餐 for meals), 'home' at the elder's address. */
  place: z.enum(['onsite', 'home']),
  priceFen: z.number().int(),
  /** Meals only: the 送餐 fee; 0 when delivery is free; null when the point does not deliver. */
  deliveryFeeFen: z.number().int().nullable(),
  servicePoint: careServicePointSchema,
});
export type CareService = z.infer<typeof careServiceSchema>;

export const careServiceListQuerySchema = z.object({
  kind: query(serviceKindSchema),
  /** Only services of this directory point (its detail page's 预约 button). */
  point: queryText(64),
  community: queryText(64),
});
export type CareServiceListQuery = z.infer<typeof careServiceListQuerySchema>;

export const careServiceListSchema = z.object({ items: z.array(careServiceSchema), nextCursor: z.null() });
export type CareServiceList = z.infer<typeof careServiceListSchema>;

export const slotSchema = z.object({
  id: z.string(),
  serviceId: z.string(),
  date: z.string(),
  start: timeText,
  end: timeText,
  capacity: z.number().int(),
  placesLeft: z.number().int(),
  /** Meals: the day's menu; null otherwise. */
  menu: z.string().nullable(),
  /** The last moment to book or cancel (ISO). */
  cutoffAt: z.string(),
  /** Bookable now: places left and before the cut-off. */
  bookable: z.boolean(),
  /** Why not, in words (已约满, 已过预约截止时间 …); null when bookable. */
  closedReason: z.string().nullable(),
});
export type Slot = z.infer<typeof slotSchema>;

export const slotListQuerySchema = z.object({
  service: z.preprocess((v) => (v === '' ? undefined : v), requiredText(64)),
  date: z.preprocess((v) => (v === '' ? undefined : v), dateText),
});
export type SlotListQuery = z.infer<typeof slotListQuerySchema>;

export const slotListSchema = z.object({
  service: careServiceSchema,
  date: z.string(),
  /** The dates that can be asked for (today and the next 14 days). */
  dates: z.array(z.string()),
  items: z.array(slotSchema),
  nextCursor: z.null(),
});
export type SlotList = z.infer<typeof slotListSchema>;

// ---------- bookings ----------

export const bookingStatuses = ['booked', 'confirmed', 'completed', 'cancelled', 'no_show'] as const;
export const bookingStatusSchema = z.enum(bookingStatuses);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;
export const bookingStatusNames: Record<BookingStatus, string> = {
  booked: '已预约',
  confirmed: '已确认',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到',
};

export const mealModeSchema = z.enum(mealModes, { error: '请选择堂食或送餐' });

export const priceBreakdownSchema = z.object({
  priceFen: z.number().int(),
  deliveryFeeFen: z.number().int(),
  subsidies: z.array(z.object({ id: z.string(), label: z.string(), amountFen: z.number().int() })),
  subsidyFen: z.number().int(),
  payableFen: z.number().int(),
});

/**
 * POST /api/bookings. Send an `Idempotency-Key` header (8–64 letters, digits, - or _), one per confirm tap,
 * the same on a retry: the same key with the same body answers the same booking, never a second one; the same
 * key with another body is a 422.
 */
export const createBookingBodySchema = z
  .object({
    elderId: rowId('请选择为哪位老人预约'),
    slotId: requiredText(100),
    /** Meals only, and required for them. */
    mealMode: mealModeSchema.optional(),
    /** 送餐 and home services: where to go; default the elder's address. */
    address: text(100).optional(),
    note: multilineText(200).optional(),
  })
  .strict();
export type CreateBookingBody = z.infer<typeof createBookingBodySchema>;

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

/** GET /api/care/quote: the price and whether it can be booked, before confirming. */
export const quoteQuerySchema = z.object({
  elder: queryInt(1, MAX_ROW_ID).pipe(z.number({ error: '必填' })),
  slot: z.preprocess((v) => (v === '' ? undefined : v), requiredText(100)),
  mealMode: query(mealModeSchema),
});
export type QuoteQuery = z.infer<typeof quoteQuerySchema>;

export const quoteSchema = z.object({
  price: priceBreakdownSchema,
  /** null when it can be booked; otherwise the refusal the server would give, in words. */
  refusal: z.string().nullable(),
  cutoffAt: z.string(),
});
export type Quote = z.infer<typeof quoteSchema>;

export const timelineEntrySchema = z.object({
  status: bookingStatusSchema,
  /** 已预约 … */
  label: z.string(),
  at: z.string(),
  /** Who: 本人, 家属, 服务点, 社区 */
  by: z.string(),
  note: z.string().nullable(),
});
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const bookingSummarySchema = z.object({
  id: z.number().int(),
  status: bookingStatusSchema,
  statusName: z.string(),
  elder: z.object({ id: z.number().int(), name: z.string() }),
  service: z.object({ id: z.string(), kind: serviceKindSchema, kindName: z.string(), name: z.string() }),
  servicePoint: z.object({ id: z.string(), name: z.string(), phone: z.string() }),
  slot: z.object({ id: z.string(), date: z.string(), start: timeText, end: timeText }),
  mealMode: mealModeSchema.nullable(),
  payableFen: z.number().int(),
  createdAt: z.string(),
});
export type BookingSummary = z.infer<typeof bookingSummarySchema>;

export const bookingSchema = bookingSummarySchema.extend({
  /** Where the service goes (送餐, home services); null at the point. Providers see it for their point. */
  address: z.string().nullable(),
  note: z.string().nullable(),
  /** Menu of a meal slot. */
  menu: z.string().nullable(),
  price: priceBreakdownSchema,
  /** Booked by: 本人 or 家属 (name masked for providers). */
  bookedBy: z.object({ userId: z.number().int(), name: z.string(), relation: z.string() }),
  cancelUntil: z.string(),
  /** The caller may cancel now (booker, elder or bound relative, before the cut-off, not yet done). */
  canCancel: z.boolean(),
  /** Status changes the caller (a provider of the point) may make now. */
  nextStatuses: z.array(z.enum(['confirmed', 'completed', 'no_show'])),
  timeline: z.array(timelineEntrySchema),
  completedAt: z.string().nullable(),
});
export type Booking = z.infer<typeof bookingSchema>;

export const bookingListQuerySchema = z.object({
  /** Only this elder's (self or bound). */
  elder: queryInt(1, MAX_ROW_ID),
  /** 'upcoming' (booked or confirmed, today on) or 'past' (everything else); default all. */
  when: query(z.enum(['upcoming', 'past'], { error: '只能是 upcoming 或 past' })),
  /** Providers: one day of their point. */
  date: query(dateText),
  ...pageQuery,
});
export type BookingListQuery = z.infer<typeof bookingListQuerySchema>;

export const bookingPageSchema = z.object({ items: z.array(bookingSummarySchema), nextCursor: z.string().nullable() });
export type BookingPage = z.infer<typeof bookingPageSchema>;

/** POST /api/bookings/:id/cancel */
export const cancelBookingBodySchema = z.object({ reason: text(100).optional() }).strict();
export type CancelBookingBody = z.infer<typeof cancelBookingBodySchema>;

/**
 * POST /api/bookings/:id/status (the provider of the booking's point): 已预约 → 已确认 → 已完成, or 未到 once
 * the slot has started.
 */
export const bookingStatusBodySchema = z
  .object({
    status: z.enum(['confirmed', 'completed', 'no_show'], { error: '只能改为 已确认、已完成 或 未到' }),
    note: text(100).optional(),
  })
  .strict();
export type BookingStatusBody = z.infer<typeof bookingStatusBodySchema>;

// ---------- the provider's day: GET /api/care/schedule ----------

export const scheduleQuerySchema = z.object({ date: query(dateText) });
export type ScheduleQuery = z.infer<typeof scheduleQuerySchema>;

export const scheduleBookingSchema = z.object({
  id: z.number().int(),
  status: bookingStatusSchema,
  statusName: z.string(),
  elderName: z.string(),
  /** Masked (139****5678). */
  elderPhone: z.string().nullable(),
  mealMode: mealModeSchema.nullable(),
  address: z.string().nullable(),
  note: z.string().nullable(),
  nextStatuses: z.array(z.enum(['confirmed', 'completed', 'no_show'])),
});
export type ScheduleBooking = z.infer<typeof scheduleBookingSchema>;

export const scheduleSchema = z.object({
  date: z.string(),
  servicePoint: careServicePointSchema,
  slots: z.array(
    z.object({
      slot: slotSchema,
      service: z.object({ id: z.string(), kind: serviceKindSchema, name: z.string() }),
      /** Active bookings (not cancelled). */
      bookedCount: z.number().int(),
      /** 送餐 among them. */
      deliveryCount: z.number().int(),
      bookings: z.array(scheduleBookingSchema),
    }),
  ),
});
export type Schedule = z.infer<typeof scheduleSchema>;

// ---------- monthly visits: GET /api/visits, POST /api/visits (workers) ----------

export const visitMethods = ['home', 'phone', 'video'] as const;
export const visitMethodSchema = z.enum(visitMethods, { error: '请选择上门、电话或视频' });
export type VisitMethod = z.infer<typeof visitMethodSchema>;
export const visitMethodNames: Record<VisitMethod, string> = { home: '上门', phone: '电话', video: '视频' };

export const visitListQuerySchema = z.object({
  /** 'YYYY-MM', default this month (China). */
  month: query(z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, { error: '请按 年-月 填写，如 2026-11' })),
  community: queryText(64),
  /** 'due' (not visited this month yet), 'visited', default all. */
  status: query(z.enum(['due', 'visited'], { error: '只能是 due 或 visited' })),
  ...pageQuery,
});
export type VisitListQuery = z.infer<typeof visitListQuerySchema>;

export const communityVisitRateSchema = z.object({
  communityId: z.string(),
  communityName: z.string(),
  /** Elders of the eight classes in the 社区. */
  due: z.number().int(),
  /** Of them, visited at least once in the month. */
  visited: z.number().int(),
  /** visited / due, 0–100, whole percent (100 when nobody is due). Target 100. */
  ratePercent: z.number().int(),
});
export type CommunityVisitRate = z.infer<typeof communityVisitRateSchema>;

export const visitSchema = z.object({
  id: z.number().int(),
  elderId: z.number().int(),
  method: visitMethodSchema,
  visitedOn: z.string(),
  health: z.string(),
  economy: z.string(),
  safety: z.string(),
  needsReferred: z.string(),
  /** 张** (who recorded it) */
  workerName: z.string(),
  createdAt: z.string(),
});
export type Visit = z.infer<typeof visitSchema>;

export const visitElderSchema = z.object({
  elder: z.object({
    id: z.number().int(),
    name: z.string(),
    age: z.number().int(),
    communityId: z.string(),
    classes: z.array(elderClassSchema),
    address: z.string(),
  }),
  visitedThisMonth: z.boolean(),
  lastVisit: visitSchema.nullable(),
});
export type VisitElder = z.infer<typeof visitElderSchema>;

export const visitPageSchema = z.object({
  month: z.string(),
  communities: z.array(communityVisitRateSchema),
  items: z.array(visitElderSchema),
  nextCursor: z.string().nullable(),
});
export type VisitPage = z.infer<typeof visitPageSchema>;

export const createVisitBodySchema = z
  .object({
    elderId: rowId(),
    method: visitMethodSchema,
    /** Default today (China); not in the future. */
    visitedOn: dateText.optional(),
    health: multilineText(300).default(''),
    economy: multilineText(300).default(''),
    safety: multilineText(300).default(''),
    needsReferred: multilineText(300).default(''),
  })
  .strict();
export type CreateVisitBody = z.input<typeof createVisitBodySchema>;
