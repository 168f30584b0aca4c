/**
 * Server-to-WeChat calls (content security check, subscribe messages …) with the app's access token.
 * Only when WECHAT_APPID and WECHAT_SECRET are configured; callers check `wechatConfigured` first.
 *
 * The token comes from `stable_token`, which hands every caller the same token until it expires, so several
 * server processes can each fetch and cache it without invalidating one another (the older `token` endpoint
 * would). It is kept per process until shortly before `expires_in`.
 */
import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import { upstreamFailed } from './errors';
import type { Privacy } from './privacy/crypto';

type WechatConfig = Config['wechat'];

/** Renew this long before WeChat's expiry, so a token never expires between fetching and using it. */
const RENEW_BEFORE_MS = 5 * 60 * 1000;

interface CachedToken {
  token: string;
  expiresAt: number;
}

/** Per process, keyed by api base and app id (tests use several fake servers in one process). */
const tokens = new Map<string, CachedToken>();
const pending = new Map<string, Promise<CachedToken>>();

export function wechatConfigured(wechat: WechatConfig): wechat is WechatConfig & { appId: string; secret: string } {
  return Boolean(wechat.appId && wechat.secret);
}

/** POSTs JSON and returns the parsed object; anything else (HTTP error, timeout, not an object) is a 502. */
async function postJson(wechat: WechatConfig, url: string, body: unknown): Promise<Record<string, unknown>> {
  try {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(wechat.timeoutMs),
    });
    if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`);
    // WeChat sends JSON with a text/plain content type at times, so parse the text ourselves.
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('not an object');
    return parsed as Record<string, unknown>;
  } catch {
    throw upstreamFailed('暂时连不上微信，请稍后再试');
  }
}

async function fetchToken(wechat: WechatConfig, now: () => number): Promise<CachedToken> {
  const answer = await postJson(wechat, `${wechat.apiBase}/cgi-bin/stable_token`, {
    grant_type: 'client_credential',
    appid: wechat.appId,
    secret: wechat.secret,
    force_refresh: false,
  });
  const { access_token: token, expires_in: expiresIn } = answer;
  if (typeof token !== 'string' || token === '' || typeof expiresIn !== 'number') {
    throw upstreamFailed('微信没有返回访问凭证，请稍后再试');
  }
  return { token, expiresAt: now() + Math.max(expiresIn * 1000 - RENEW_BEFORE_MS, 0) };
}

/** The app's access token, from this process's cache or fetched once (simultaneous callers share one fetch). */
export async function wechatAccessToken(wechat: WechatConfig, now: () => number = Date.now): Promise<string> {
  if (!wechatConfigured(wechat)) throw new Error('WeChat is not configured');
  const key = `${wechat.apiBase} ${wechat.appId}`;
  const cached = tokens.get(key);
  if (cached && cached.expiresAt > now()) return cached.token;
  let fetching = pending.get(key);
  if (!fetching) {
    fetching = fetchToken(wechat, now).finally(() => pending.delete(key));
    pending.set(key, fetching);
  }
  const fresh = await fetching;
  tokens.set(key, fresh);
  return fresh.token;
}

/** WeChat's codes for an access token it no longer accepts: fetch a new one and try once more. */
const STALE_TOKEN_CODES = new Set([40001, 40014, 42001]);

/**
 * POSTs `body` to `{apiBase}{path}?access_token=…` and returns WeChat's answer (errcode included: what an
 * errcode means depends on the call, so the caller decides). Throws upstreamFailed when WeChat cannot be
 * reached or answers something that is not a JSON object.
 */
export async function callWechat(
  config: Pick<Config, 'wechat'>,
  path: string,
  body: unknown,
): Promise<Record<string, unknown>> {
  const { wechat } = config;
  const call = async () => {
    const token = await wechatAccessToken(wechat);
    return postJson(wechat, `${wechat.apiBase}${path}?access_token=${encodeURIComponent(token)}`, body);
  };
  const answer = await call();
  if (typeof answer.errcode === 'number' && STALE_TOKEN_CODES.has(answer.errcode)) {
    tokens.delete(`${wechat.apiBase} ${wechat.appId}`);
    return call();
  }
  return answer;
}

/**
 * Keeps the openid a user signed in with, encrypted, so subscribe messages can reach them. WeChat sign-in
 * calls it (the openid is otherwise kept only as a keyed hash); the latest sign-in wins.
 */
export async function rememberWechatRecipient(
  db: Kysely<Database>,
  privacy: Privacy,
  recipient: { userId: number; openid: string; at: Date },
): Promise<void> {
  const values = { openid_encrypted: privacy.encrypt(recipient.openid), updated_at: recipient.at.toISOString() };
  await db
    .insertInto('wechat_recipients')
    .values({ user_id: recipient.userId, ...values })
    .onConflict((oc) => oc.column('user_id').doUpdateSet(values))
    .execute();
}

export interface SubscribeMessage {
  userId: number;
  templateId: string;
  /** The mini-program page it opens, e.g. 'features/care/pages/booking/index?id=3'. */
  page: string;
  /** Template fields: { thing1: '午餐', time2: '2026-11-27 11:00' … }; WeChat limits thing to 20 characters. */
  data: Record<string, string>;
}

export type SubscribeResult = 'sent' | 'not-configured' | 'no-recipient' | 'refused';

/**
 * Sends a WeChat subscribe message to a user who signed in with WeChat. Whether the user accepted the
 * template at confirm is WeChat's to know: a refusal (43101 and the like) is an answer, not an error.
 * Throws upstreamFailed only when WeChat cannot be reached; callers treat it as best effort.
 */
export async function sendSubscribeMessage(
  config: Pick<Config, 'wechat'>,
  db: Kysely<Database>,
  privacy: Privacy,
  message: SubscribeMessage,
): Promise<SubscribeResult> {
  if (!wechatConfigured(config.wechat) || !message.templateId) return 'not-configured';
  const row = await db.selectFrom('wechat_recipients').select('openid_encrypted').where('user_id', '=', message.userId).executeTakeFirst();
  if (!row) return 'no-recipient';
  const answer = await callWechat(config, '/cgi-bin/message/subscribe/send', {
    touser: privacy.decrypt(row.openid_encrypted),
    template_id: message.templateId,
    page: message.page,
    data: Object.fromEntries(Object.entries(message.data).map(([key, value]) => [key, { value }])),
  });
  return answer.errcode === 0 || answer.errcode === undefined ? 'sent' : 'refused';
}
