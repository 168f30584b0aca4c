import { z } from 'zod';
import { rowId, rowIdText } from './row-id';
import volunteersConfig from '../config/domain/volunteers.json';
import { idTypeLabels, idTypes, isRealDate, type IdType } from './rules/id-number';
import { activityStates } from './rules/volunteer-activity';
import { hasControlCharacter } from './rules/text';

/**
 * Volunteer sign-up (DOMAIN.md §3): registration, activities, sign-ups with a waiting list, attendance,
 * hours and the 志愿服务证明. Messages are the part after the field's Chinese label
 * (contract/field-labels.ts adds "真实姓名：" and so on).
 */

const { default: DEFAULT_LIMIT, max: MAX_LIMIT } = volunteersConfig.pageSize;

// ---------- lists of our own (config/domain/volunteers.json) ----------

export { idTypeLabels, idTypes, type IdType };

export interface NamedOption {
  id: string;
  name: string;
}

export const volunteerSkills: readonly NamedOption[] = volunteersConfig.skills;
export const volunteerAvailability: readonly NamedOption[] = volunteersConfig.availability;
export const activityTargetGroups: readonly NamedOption[] = volunteersConfig.targetGroups;
export const activitySafeguards: readonly NamedOption[] = volunteersConfig.safeguards;

/** The names of the given ids, in the list's order (unknown ids are skipped). */
export function namedOptions(list: readonly NamedOption[], ids: readonly string[]): NamedOption[] {
  return list.filter((option) => ids.includes(option.id));
}

const idOf = (list: readonly NamedOption[], message: string) =>
  z.string().refine((id) => list.some((option) => option.id === id), { error: message });

// ---------- pieces ----------

const text = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((value) => !hasControlCharacter(value), { error: '包含无法识别的字符' });

/** Multi-line text: line breaks allowed, other control characters not. */
const longText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((value) => !hasControlCharacter(value.replace(/\r?\n/g, ' ')), { error: '包含无法识别的字符' });

const mobile = z.string().trim().regex(/^1\d{10}$/, { error: '请填写 11 位手机号' });
// A real day too: 2026-02-30 matches the pattern but is no date (the calendar rules would throw on it).
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: '请按 2026-01-31 的格式填写' })
  .refine((v) => isRealDate(v), { error: '没有这一天，请核对' });
const instant = z.iso.datetime({ offset: true, error: '请填写有效的日期和时间' }).transform((v) => new Date(v).toISOString());
const placeId = text(1, 64);

/** A query parameter: blank counts as absent. */
const queryText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z
      .string({ error: '只能填写一个' })
      .trim()
      .max(max)
      .refine((value) => !hasControlCharacter(value), { error: '包含无法识别的字符' })
      .optional(),
  );

// ---------- registration: POST /api/volunteers, GET /api/volunteers/me ----------

export const volunteerRegistrationSchema = z
  .object({
    realName: text(2, 30),
    idType: z.enum(idTypes, { error: '请选择证件类型' }),
    idNumber: text(5, 30),
    /** Only for ID types that do not carry it (a 居民身份证 number does). */
    birthDate: isoDate.optional(),
    sex: z.enum(['male', 'female']).optional(),
    phone: mobile,
    communityId: placeId,
    skills: z.array(idOf(volunteerSkills, '没有这项技能')).max(volunteerSkills.length).default([]),
    availability: z.array(idOf(volunteerAvailability, '没有这个时间段')).min(1, { error: '请至少选择一个时间段' }),
    isPartyMember: z.boolean().default(false),
    nationalVolunteerNumber: z
      .string()
      .trim()
      .regex(/^[0-9A-Za-z-]{0,32}$/, { error: '只能是数字、字母和短横线，最多 32 位' })
      .optional(),
    /** Required under 18 (checked on the server, which knows the age). */
    guardianName: text(2, 30).optional(),
    guardianPhone: mobile.optional(),
    guardianConsent: z.boolean().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.idType !== 'resident') {
      if (!value.birthDate) ctx.addIssue({ code: 'custom', path: ['birthDate'], message: '此证件类型需要填写出生日期' });
      if (!value.sex) ctx.addIssue({ code: 'custom', path: ['sex'], message: '此证件类型需要选择性别' });
    }
  });
export type VolunteerRegistration = z.input<typeof volunteerRegistrationSchema>;

export const volunteerProfileSchema = z.object({
  id: z.number().int(),
  realName: z.string(),
  idType: z.enum(idTypes),
  idTypeLabel: z.string(),
  /** 2206**********1234: the number itself never leaves the server. */
  maskedIdNumber: z.string(),
  birthDate: z.string(),
  sex: z.enum(['male', 'female']),
  age: z.number().int(),
  /** Under 14: every sign-up is marked 须监护人陪同. */
  accompanied: z.boolean(),
  maskedPhone: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  skills: z.array(z.object({ id: z.string(), name: z.string() })),
  availability: z.array(z.object({ id: z.string(), name: z.string() })),
  isPartyMember: z.boolean(),
  nationalVolunteerNumber: z.string().nullable(),
  guardianName: z.string().nullable(),
  maskedGuardianPhone: z.string().nullable(),
  registeredAt: z.string(),
  /** Confirmed hours only. */
  totalHours: z.number(),
});
export type VolunteerProfile = z.infer<typeof volunteerProfileSchema>;

export const myVolunteerSchema = z.object({ volunteer: volunteerProfileSchema.nullable() });
export type MyVolunteer = z.infer<typeof myVolunteerSchema>;

// ---------- teams: GET /api/volunteer-teams ----------

export const teamListQuerySchema = z.object({ community: queryText(64) });
export const volunteerTeamSchema = z.object({
  id: z.string(),
  name: z.string(),
  communityId: z.string(),
  /** 党员志愿服务队 (the plan's 在职党员双报到). */
  isPartyTeam: z.boolean(),
});
export type VolunteerTeam = z.infer<typeof volunteerTeamSchema>;
export const volunteerTeamListSchema = z.object({ items: z.array(volunteerTeamSchema), nextCursor: z.null() });

// ---------- activities ----------

export const activityStateSchema = z.enum(activityStates);

export const activityListQuerySchema = z
  .object({
    community: queryText(64),
    /** 'YYYY-MM-DD' (China time): activities on that day. Without it, those not yet ended. */
    date: z.preprocess((v) => (v === '' ? undefined : v), isoDate.optional()),
    skill: z.preprocess((v) => (v === '' ? undefined : v), idOf(volunteerSkills, '没有这项技能').optional()),
    /** 'true': only activities one can sign up for now (招募中). */
    recruiting: z.preprocess(
      (v) => (v === '' ? undefined : v),
      z.enum(['true', 'false'], { error: '只能是 true 或 false' }).transform((v) => v === 'true').optional(),
    ),
    limit: z.preprocess(
      (v) => (v === '' || v === undefined ? undefined : Number(v)),
      z.number({ error: '请填写整数' }).int({ error: '请填写整数' }).min(1).max(MAX_LIMIT).optional(),
    ),
    cursor: queryText(256),
  })
  .transform((value) => ({ ...value, limit: value.limit ?? DEFAULT_LIMIT }));
export type ActivityListQuery = z.infer<typeof activityListQuerySchema>;

/** What a client sends to GET /api/activities. */
export interface ActivityListParams {
  community?: string;
  date?: string;
  skill?: string;
  recruiting?: boolean;
  limit?: number;
  cursor?: string;
}

export const activityParamsSchema = z.object({
  id: rowIdText('编号应为数字'),
});

const namedSchema = z.object({ id: z.string(), name: z.string() });

export const activitySummarySchema = z.object({
  id: z.number().int(),
  title: z.string(),
  communityId: z.string(),
  communityName: z.string(),
  teamName: z.string().nullable(),
  /** ISO instants. */
  startsAt: z.string(),
  endsAt: z.string(),
  signupDeadline: z.string(),
  capacity: z.number().int(),
  taken: z.number().int(),
  placesLeft: z.number().int(),
  waitlisted: z.number().int(),
  state: activityStateSchema,
  /** 招募中 / 已满员 / 报名截止 / 进行中 / 已结束 / 已取消 */
  stateLabel: z.string(),
  targetGroup: namedSchema,
  skills: z.array(namedSchema),
  /** Hours credited to someone present from start to end. */
  hours: z.number(),
  placeName: z.string(),
  minAge: z.number().int(),
  isDemo: z.boolean(),
});
export type ActivitySummary = z.infer<typeof activitySummarySchema>;

export const activityPageSchema = z.object({ items: z.array(activitySummarySchema), nextCursor: z.string().nullable() });
export type ActivityPage = z.infer<typeof activityPageSchema>;

export const signupStatuses = ['signedUp', 'waitlisted', 'cancelled'] as const;
export const signupStatusSchema = z.enum(signupStatuses);
export type SignupStatus = z.infer<typeof signupStatusSchema>;

export const attendanceSchema = z.object({
  signupId: z.number().int(),
  checkedInAt: z.string().nullable(),
  checkedOutAt: z.string().nullable(),
  /** Computed from the times; counts only once confirmed. */
  hours: z.number().nullable(),
  confirmedAt: z.string().nullable(),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const mySignupSchema = attendanceSchema.extend({
  status: signupStatusSchema,
  /** 1 = next in line; null unless waitlisted. */
  waitlistPosition: z.number().int().nullable(),
  /** 须监护人陪同 */
  accompanied: z.boolean(),
});
export type MySignup = z.infer<typeof mySignupSchema>;

export const activityDetailSchema = activitySummarySchema.extend({
  teamId: z.string().nullable(),
  description: z.string(),
  notice: z.string(),
  safeguards: z.array(namedSchema),
  place: z.object({
    /** A service point of the directory, when the activity is held at one. */
    pointId: z.string().nullable(),
    name: z.string(),
    address: z.string(),
    lat: z.number().nullable(),
    lng: z.number().nullable(),
  }),
  cancelReason: z.string().nullable(),
  /** The signed-in volunteer's sign-up, if any (null when signed out or not signed up). */
  mySignup: mySignupSchema.nullable(),
  /** The signed-in user may edit, cancel and record attendance. */
  canManage: z.boolean(),
});
export type ActivityDetail = z.infer<typeof activityDetailSchema>;

const activityFields = {
  teamId: text(1, 64).nullable().optional(),
  title: text(2, 40),
  description: longText(1000),
  notice: longText(500).default(''),
  /** A directory service point; or an address (with optional coordinates). */
  pointId: text(1, 64).nullable().optional(),
  address: text(2, 100).nullable().optional(),
  lat: z.number().min(-90).max(90).nullable().optional(),
  lng: z.number().min(-180).max(180).nullable().optional(),
  startsAt: instant,
  endsAt: instant,
  signupDeadline: instant,
  capacity: z.number().int({ error: '请填写整数' }).min(1).max(500),
  minAge: z.number().int({ error: '请填写整数' }).min(volunteersConfig.ages.minimum).max(80).default(volunteersConfig.ages.minimum),
  skills: z.array(idOf(volunteerSkills, '没有这项技能')).max(volunteerSkills.length).default([]),
  safeguards: z.array(idOf(activitySafeguards, '没有这项保障')).max(activitySafeguards.length).default([]),
  targetGroup: idOf(activityTargetGroups, '没有这个服务对象'),
};

/** The order of start, end and deadline; the server also checks them against its clock. */
function checkTimes(value: { startsAt?: string; endsAt?: string; signupDeadline?: string }, ctx: z.RefinementCtx) {
  if (value.startsAt && value.endsAt && value.endsAt <= value.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['endsAt'], message: '应晚于开始时间' });
  }
  if (value.startsAt && value.signupDeadline && value.signupDeadline > value.startsAt) {
    ctx.addIssue({ code: 'custom', path: ['signupDeadline'], message: '不能晚于开始时间' });
  }
}

export const activityCreateSchema = z
  .object({ communityId: placeId, ...activityFields })
  .strict()
  .superRefine((value, ctx) => {
    checkTimes(value, ctx);
    if (!value.pointId && !value.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '请选择服务点或填写地址' });
  });
export type ActivityCreate = z.input<typeof activityCreateSchema>;

export const activityUpdateSchema = z
  .object({
    teamId: activityFields.teamId,
    title: activityFields.title.optional(),
    description: activityFields.description.optional(),
    notice: longText(500).optional(),
    pointId: activityFields.pointId,
    address: activityFields.address,
    lat: activityFields.lat,
    lng: activityFields.lng,
    startsAt: instant.optional(),
    endsAt: instant.optional(),
    signupDeadline: instant.optional(),
    capacity: activityFields.capacity.optional(),
    minAge: z.number().int().min(volunteersConfig.ages.minimum).max(80).optional(),
    skills: z.array(idOf(volunteerSkills, '没有这项技能')).max(volunteerSkills.length).optional(),
    safeguards: z.array(idOf(activitySafeguards, '没有这项保障')).max(activitySafeguards.length).optional(),
    targetGroup: activityFields.targetGroup.optional(),
  })
  .strict()
  .superRefine(checkTimes);
export type ActivityUpdate = z.input<typeof activityUpdateSchema>;

export const activityCancelSchema = z.object({ reason: text(2, 200) }).strict();

// ---------- sign-ups ----------

export const signupBodySchema = z
  .object({
    /** true: when every place is taken, join the waiting list instead of being refused. */
    waitlist: z.boolean().default(false),
  })
  .strict()
  .default({ waitlist: false });

export const signupResultSchema = mySignupSchema.extend({
  /** What happened and what comes next, in words. */
  message: z.string(),
});
export type SignupResult = z.infer<typeof signupResultSchema>;

export const signupCancelResultSchema = z.object({ status: z.literal('cancelled'), message: z.string() });

// ---------- attendance ----------

export const attendanceActions = ['checkIn', 'checkOut', 'confirm'] as const;

export const attendanceBodySchema = z
  .object({
    action: z.enum(attendanceActions, { error: '只能是签到、签退或确认时长' }),
    /** The volunteer's own check-in/out: the code shown by the worker (typed) or its scanned text. */
    checkInCode: text(4, 80).optional(),
    /** A worker acting for one sign-up of the activity. */
    signupId: rowId().optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if (value.checkInCode === undefined && value.signupId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['checkInCode'], message: '请填写签到码' });
    }
    if (value.action === 'confirm' && value.signupId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['signupId'], message: '请选择要确认时长的志愿者' });
    }
  });
export type AttendanceBody = z.input<typeof attendanceBodySchema>;

export const checkInCodeSchema = z.object({
  /** Six digits, typed in the browser. */
  code: z.string(),
  /** What the QR code holds, scanned on weapp (names the activity, so it cannot check in elsewhere). */
  scanText: z.string(),
  expiresAt: z.string(),
});
export type CheckInCode = z.infer<typeof checkInCodeSchema>;

export const rosterEntrySchema = attendanceSchema.extend({
  volunteerName: z.string(),
  maskedPhone: z.string(),
  status: signupStatusSchema,
  waitlistPosition: z.number().int().nullable(),
  accompanied: z.boolean(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
export const rosterSchema = z.object({ items: z.array(rosterEntrySchema), nextCursor: z.null() });
export type Roster = z.infer<typeof rosterSchema>;

// ---------- records and 证明 ----------

export const recordSchema = mySignupSchema.extend({
  activity: activitySummarySchema.pick({
    id: true,
    title: true,
    communityName: true,
    startsAt: true,
    endsAt: true,
    state: true,
    stateLabel: true,
    placeName: true,
  }),
});
export type VolunteerRecord = z.infer<typeof recordSchema>;

export const recordPageSchema = z.object({
  items: z.array(recordSchema),
  nextCursor: z.null(),
  /** Confirmed hours only. */
  totalHours: z.number(),
});
export type RecordPage = z.infer<typeof recordPageSchema>;

export const recordParamsSchema = activityParamsSchema;

/** The contents 《志愿服务记录与证明出具办法》 lists for a proof. */
export const certificateSchema = z.object({
  serialNumber: z.string(),
  name: z.string(),
  idTypeLabel: z.string(),
  maskedIdNumber: z.string(),
  nationalVolunteerNumber: z.string().nullable(),
  hours: z.number(),
  activityTitle: z.string(),
  /** What was done: the activity, for whom, where. */
  content: z.string(),
  serviceDate: z.string(),
  issuer: z.string(),
  /** 'YYYY-MM-DD', the day the hours were confirmed. */
  issuedOn: z.string(),
});
export type Certificate = z.infer<typeof certificateSchema>;

// ---------- export ----------

export const exportQuerySchema = z
  .object({
    from: isoDate,
    to: isoDate,
    community: queryText(64),
  })
  .superRefine((value, ctx) => {
    if (value.to < value.from) ctx.addIssue({ code: 'custom', path: ['to'], message: '不能早于开始日期' });
  });
