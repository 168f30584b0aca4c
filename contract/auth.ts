import { z } from 'zod';
import { CONSENT_VERSION } from './rules/consent';
import { hasControlCharacter } from './rules/text';

/** `city`: an officer of the city (民政局) who reads every street's planning figures and acts on nothing. */
export const roles = ['resident', 'worker', 'provider', 'city'] as const;
export const roleSchema = z.enum(roles);
export type Role = z.infer<typeof roleSchema>;

/** Keys of the seeded demo accounts (README lists who they are). */
export const demoAccountKeys = ['resident', 'volunteer', 'worker', 'street', 'provider', 'elder', 'bath-provider', 'city'] as const;
export const demoAccountKeySchema = z.enum(demoAccountKeys);
export type DemoAccountKey = z.infer<typeof demoAccountKeySchema>;

/** What a worker or provider may act on. A worker has a community or a town (街道-level); a provider a service point. */
export const scopeSchema = z.object({
  communityId: z.string().nullable(),
  townCode: z.string().nullable(),
  servicePointId: z.string().nullable(),
});
export type Scope = z.infer<typeof scopeSchema>;

/** The signed-in user as the user sees themself (their own phone is shown masked too: it is displayed, not edited, here). */
export const userSchema = z.object({
  id: z.number().int(),
  displayName: z.string(),
  maskedPhone: z.string().nullable(),
  role: roleSchema,
  isVolunteer: z.boolean(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  scope: scopeSchema,
  consentVersion: z.string().nullable(),
});
export type User = z.infer<typeof userSchema>;

export const demoLoginBodySchema = z.object({ account: demoAccountKeySchema });
export type DemoLoginBody = z.infer<typeof demoLoginBodySchema>;

/**
 * `activationCode`: the one-time code an operator's `npm run admin -- create-worker` printed for a new worker
 * account; the first WeChat sign-in with it makes that account this WeChat user's.
 */
export const wechatLoginBodySchema = z.object({
  code: z.string().min(1).max(128),
  activationCode: z.string().regex(/^[A-Z0-9]{8}$/, { error: '激活码是 8 位大写字母和数字' }).optional(),
});
export type WechatLoginBody = z.infer<typeof wechatLoginBodySchema>;

export const loginResultSchema = z.object({
  token: z.string(),
  expiresAt: z.string(),
  user: userSchema,
});
export type LoginResult = z.infer<typeof loginResultSchema>;

/** One entry of the demo account picker on the login page (GET /api/auth/demo-accounts; 404 outside demo mode). */
export const demoAccountSchema = z.object({
  key: demoAccountKeySchema,
  displayName: z.string(),
  description: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

/**
 * Privacy consent given on first launch (or withdrawn: `withdraw: true`); `deviceId` is a random id the app
 * keeps, so consent before sign-in is recorded too.
 */
export const consentBodySchema = z.object({
  version: z
    .string()
    .min(1)
    .max(32)
    .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' })
    .refine((text) => text === CONSENT_VERSION, { error: '隐私说明已经更新，请重新阅读后再同意' }),
  deviceId: z.string().min(8).max(64),
  withdraw: z.boolean().optional(),
});
export type ConsentBody = z.infer<typeof consentBodySchema>;

export const demoAccountListSchema = z.object({ accounts: z.array(demoAccountSchema) });
export type DemoAccountList = z.infer<typeof demoAccountListSchema>;

/** GET /api/me */
export const meResultSchema = z.object({ user: userSchema });
export type MeResult = z.infer<typeof meResultSchema>;

/** POST /api/consents → what was recorded (`signedIn` says whether it was also stored on the user). */
export const consentResultSchema = z.object({
  version: z.string(),
  recordedAt: z.string(),
  signedIn: z.boolean(),
  withdrawn: z.boolean(),
});
export type ConsentResult = z.infer<typeof consentResultSchema>;

/** POST /api/auth/logout */
export const logoutResultSchema = z.object({ ok: z.literal(true) });

/** GET /api/me/data: everything held about the signed-in person, by feature, readable (it is theirs). */
export const personalDataExportSchema = z.object({
  exportedAt: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;

/** PATCH /api/me: the person corrects what they can (a field left out stays as it is; phone null removes it). */
export const correctMeBodySchema = z.object({
  displayName: z
    .string()
    .trim()
    .min(1)
    .max(20)
    .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' })
    .optional(),
  phone: z.string().regex(/^1\d{10}$/, { error: '请填写 11 位手机号' }).nullable().optional(),
  communityId: z.string().min(1).max(32).nullable().optional(),
});
export type CorrectMeBody = z.infer<typeof correctMeBodySchema>;

/** DELETE /api/me: the word 注销 typed by the person, so no stray request deletes an account. */
export const deleteMeBodySchema = z.object({
  confirm: z.literal('注销', { error: '请输入“注销”两个字确认' }),
});
export type DeleteMeBody = z.infer<typeof deleteMeBodySchema>;
