import { randomInt } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { isUniqueViolation } from '../../db/portable';
import { DAY_MS } from '../../lib/clock';
import { conflict, fieldError } from '../../lib/errors';
import type { Privacy } from '../../lib/privacy/crypto';
import { newUserRow } from '../../lib/user-row';

/** How long an activation code stays valid. */
export const ACTIVATION_DAYS = 7;
/** No 0/O or 1/I: the code is read aloud and typed by hand. */
const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

const activationHash = (privacy: Privacy, code: string) => privacy.keyedHash(`activation:${code}`);

export interface NewWorker {
  displayName: string;
  /** A worker of one 社区, or (townCode) of every 社区 of a 街道, or (city) a city officer who reads every street's figures. */
  communityId?: string;
  townCode?: string;
  city?: boolean;
  phone?: string;
}

/**
 * Creates a worker account with no way in yet but a one-time activation code (returned, stored only as a keyed
 * hash, valid ACTIVATION_DAYS): the worker signs in with WeChat once entering it, and the account becomes theirs.
 */
export async function createWorker(db: Kysely<Database>, privacy: Privacy, now: Date, worker: NewWorker): Promise<{ userId: number; activationCode: string; expiresAt: string }> {
  if ([worker.communityId, worker.townCode, worker.city].filter(Boolean).length !== 1) throw new Error('请给出 --community、--town 或 --city 其中之一');
  let communityId: string | null = null;
  if (worker.city) {
    // No scope columns: a city officer's communities are all of them (server/lib/auth.ts).
  } else if (worker.communityId) {
    const community = await db.selectFrom('communities').select('id').where('id', '=', worker.communityId).executeTakeFirst();
    if (!community) throw new Error(`没有这个社区：${worker.communityId}`);
    communityId = community.id;
  } else {
    const town = await db.selectFrom('towns').select('code').where('code', '=', worker.townCode!).executeTakeFirst();
    if (!town) throw new Error(`没有这个乡镇（街道）：${worker.townCode}`);
  }
  if (worker.phone !== undefined && !/^1\d{10}$/.test(worker.phone)) throw new Error('手机号应为 11 位数字');
  const activationCode = Array.from({ length: 8 }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');
  const expiresAt = new Date(now.getTime() + ACTIVATION_DAYS * DAY_MS).toISOString();
  const row = await db
    .insertInto('users')
    .values(newUserRow({
      display_name: worker.displayName,
      phone_encrypted: worker.phone ? privacy.encrypt(worker.phone) : null,
      phone_hash: worker.phone ? privacy.keyedHash(worker.phone) : null,
      role: worker.city ? 'city' : 'worker',
      scope_community_id: communityId,
      scope_town_code: worker.townCode ?? null,
      community_id: communityId,
      created_at: now.toISOString(),
      activation_code_hash: activationHash(privacy, activationCode),
      activation_expires_at: expiresAt,
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  return { userId: row.id, activationCode, expiresAt };
}

/**
 * The first WeChat sign-in with an activation code: the code's account takes this WeChat identity, once (one
 * conditional update on the unused, unexpired code: two taps at once cannot both win). Returns the account's id.
 */
export async function activateWorkerAccount(app: FastifyInstance, code: string, openidHash: string): Promise<number> {
  const now = app.now().toISOString();
  let account: { id: number } | undefined;
  try {
    account = await app.db
      .updateTable('users')
      .set({ wechat_openid_hash: openidHash, activation_code_hash: null, activation_expires_at: null })
      .where('activation_code_hash', '=', activationHash(app.privacy, code))
      .where('activation_expires_at', '>', now)
      .where('wechat_openid_hash', 'is', null)
      .returning('id')
      .executeTakeFirst();
  } catch (error) {
    // The unique index on the openid: this WeChat user already has an account of their own.
    if (isUniqueViolation(error)) throw conflict('这个微信已经登录过另一个账号，请换一个微信激活，或请管理员处理');
    throw error;
  }
  if (!account) throw fieldError('activationCode', '激活码不对或已过期，请向管理员要一个新的激活码');
  await app.audit({ actorId: account.id, action: 'auth.activated', subjectType: 'user', subjectId: account.id });
  return account.id;
}
