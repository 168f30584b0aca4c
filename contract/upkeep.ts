import { z } from 'zod';
import upkeepConfig from '../config/domain/upkeep.json';
import { servicePointInputSchema } from './service-point-input';
import { hasControlCharacter } from './rules/text';
import type { PointPause } from './rules/pause';

/**
 * Keeping the directory right (issue 20): staff of a point and 社区/街道 workers edit and 核实 points, residents
 * report wrong information (信息有误), workers work through those reports by a deadline in working days.
 * The field rules are the import's (servicePointInputSchema), so an edit can never store what an import refuses.
 */

const fields = servicePointInputSchema.shape;
const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请按 2026-11-30 的格式填写日期' });
const plainText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `最多 ${max} 个字` })
    .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' });

// ---------- a pause (暂停营业) ----------

export const pointPauseSchema = z
  .object({ from: dateText, to: dateText, reason: plainText(60).pipe(z.string().min(1, { error: '请填写暂停的原因' })) })
  .refine((pause) => pause.from <= pause.to, { path: ['to'], error: '结束日期不能早于开始日期' }) satisfies z.ZodType<PointPause>;

// ---------- the point as staff see and edit it ----------

export const editablePointSchema = z.object({
  id: z.string(),
  name: z.string(),
  subcategory: z.string(),
  address: z.string(),
  lat: z.number(),
  lng: z.number(),
  phone: z.string(),
  hours: fields.hours,
  /** The pause as stored (ahead, in force or just over); null when none. */
  pause: pointPauseSchema.nullable(),
  services: fields.services,
  accessibility: fields.accessibility,
  description: z.string(),
  /** 'YYYY-MM-DD' of the last edit or 核实. */
  verifiedAt: z.string(),
  /** Optimistic lock: send it back with an edit; it grows by one with every change. */
  version: z.number().int(),
  communityId: z.string().nullable(),
});
export type EditablePoint = z.infer<typeof editablePointSchema>;

export const editablePointAnswerSchema = z.object({ point: editablePointSchema });
export type EditablePointAnswer = z.infer<typeof editablePointAnswerSchema>;

const versionField = z.number({ error: '请刷新后再改' }).int().min(1);

/** The fields an edit may change (what is left out stays as it is). */
export const editableFieldNames = [
  'name',
  'address',
  'lat',
  'lng',
  'phone',
  'hours',
  'pause',
  'services',
  'accessibility',
  'description',
] as const;
export type EditableFieldName = (typeof editableFieldNames)[number];

/** PATCH /api/services/:id */
export const pointPatchSchema = z
  .object({
    version: versionField,
    name: fields.name,
    address: fields.address,
    lat: fields.lat,
    lng: fields.lng,
    phone: fields.phone,
    hours: fields.hours,
    pause: pointPauseSchema.nullable(),
    services: fields.services,
    accessibility: fields.accessibility,
    description: fields.description,
  })
  .partial()
  .required({ version: true })
  .strict();
export type PointPatch = z.infer<typeof pointPatchSchema>;

/** POST /api/services/:id/verify (核实: the details are still right, nothing changes but the date). */
export const pointVerifySchema = z.object({ version: versionField });

/** POST /api/services (worker): a new point; the id is made by the server. */
export const newPointSchema = z
  .object({
    name: fields.name,
    subcategory: fields.subcategory,
    address: fields.address,
    lat: fields.lat,
    lng: fields.lng,
    phone: fields.phone,
    hours: fields.hours,
    pause: pointPauseSchema.nullable().optional(),
    services: fields.services,
    accessibility: fields.accessibility,
    description: fields.description,
    /** Required from a 街道 worker (a 社区 of their street); a 社区 worker's own 社区 otherwise. */
    communityId: z.string().min(1).max(64).optional(),
  })
  .strict();
export type NewPoint = z.infer<typeof newPointSchema>;

/** 409 from PATCH / verify when someone else changed the point since the editor loaded it. */
export const versionConflictSchema = z.object({
  /** The API's usual error shape too, so a client's generic error handling shows the message. */
  error: z.object({ code: z.literal('CONFLICT'), message: z.string() }),
  code: z.literal('version_conflict'),
  message: z.string(),
  current: editablePointSchema,
  /** Names of fields (editableFieldNames) that differ between what the editor started from and now. */
  changed: z.array(z.string()),
});
export type VersionConflict = z.infer<typeof versionConflictSchema>;

// ---------- GET /api/services/stale ----------

export const stalePointSchema = z.object({
  id: z.string(),
  name: z.string(),
  verifiedAt: z.string(),
  /** Whole days since verifiedAt (China dates). */
  daysSince: z.number().int(),
});
export const stalePointListSchema = z.object({ items: z.array(stalePointSchema) });
export type StalePoint = z.infer<typeof stalePointSchema>;
export const STALE_AFTER_DAYS: number = upkeepConfig.staleAfterDays;

// ---------- resident reports (信息有误) ----------

export const correctionKinds = ['closed', 'phone', 'address', 'hours', 'other'] as const;
export type CorrectionKind = (typeof correctionKinds)[number];
export const correctionKindWords: Record<CorrectionKind, string> = {
  closed: '关门了',
  phone: '电话打不通',
  address: '地址不对',
  hours: '时间不对',
  other: '其他',
};

export const correctionOutcomes = ['confirmed', 'corrected', 'closed'] as const;
export type CorrectionOutcome = (typeof correctionOutcomes)[number];
export const correctionOutcomeWords: Record<CorrectionOutcome, string> = {
  confirmed: '核实无误',
  corrected: '已更正',
  closed: '已关闭该点',
};

export const CORRECTION_TEXT_MAX: number = upkeepConfig.reportTextMax;

/** POST /api/services/:id/corrections */
export const newCorrectionSchema = z
  .object({
    kind: z.enum(correctionKinds),
    text: plainText(CORRECTION_TEXT_MAX).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.kind === 'other' && !value.text) {
      ctx.addIssue({ code: 'custom', path: ['text'], message: '请说说哪里不对' });
    }
  });
export type NewCorrection = z.infer<typeof newCorrectionSchema>;

export const correctionStates = ['open', 'handled'] as const;
export type CorrectionState = (typeof correctionStates)[number];

export const correctionViewSchema = z.object({
  id: z.number().int(),
  pointId: z.string(),
  pointName: z.string(),
  kind: z.enum(correctionKinds),
  text: z.string().nullable(),
  /** ISO time. */
  createdAt: z.string(),
  /** 'YYYY-MM-DD': the last working day to handle it (config/domain/upkeep.json, the holiday calendar). */
  dueDate: z.string(),
  /** Still open after dueDate. */
  overdue: z.boolean(),
  state: z.enum(correctionStates),
  outcome: z.enum(correctionOutcomes).nullable(),
  note: z.string().nullable(),
  /** ISO time; null while open. */
  handledAt: z.string().nullable(),
});
export type CorrectionView = z.infer<typeof correctionViewSchema>;

export const correctionAnswerSchema = z.object({ correction: correctionViewSchema });
export const correctionListSchema = z.object({ items: z.array(correctionViewSchema) });
export type CorrectionList = z.infer<typeof correctionListSchema>;

/** GET /api/corrections */
export const correctionListQuerySchema = z.object({
  state: z.preprocess((v) => (v === '' ? undefined : v), z.enum(correctionStates).default('open')),
});

export const correctionParamsSchema = z.object({
  id: z.coerce.number({ error: '应为整数' }).int().min(1),
});

/** POST /api/corrections/:id/actions */
export const correctionActionSchema = z
  .object({
    outcome: z.enum(correctionOutcomes),
    note: plainText(200).optional(),
    /** Pause the point in the same step (e.g. closed for renovation until a date). */
    pause: pointPauseSchema.optional(),
  })
  .strict();
export type CorrectionAction = z.infer<typeof correctionActionSchema>;
