import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  consentBodySchema,
  consentResultSchema,
  correctMeBodySchema,
  deleteMeBodySchema,
  personalDataExportSchema,
  demoAccountListSchema,
  demoLoginBodySchema,
  loginResultSchema,
  logoutResultSchema,
  meResultSchema,
  wechatLoginBodySchema,
} from '@contract/auth';
import { requireUser } from '../../lib/auth';
import { fieldError, forbidden, notFound, unauthenticated } from '../../lib/errors';
import { erasePersonalData, exportPersonalData } from '../../lib/personal-data';
import { rememberWechatRecipient } from '../../lib/wechat-api';
import { demoAccountDescriptions } from './seed';
import { activateWorkerAccount } from './workers';
import { publicUser, revokeAllSessions, startSession } from './users';
import { exchangeWechatCode } from './wechat';
import { newUserRow } from '../../lib/user-row';

/** Consent and sign-out are rate-limited per IP and route (AUTH_RATE_LIMIT_PER_MINUTE). */
const rateLimited = { rateLimit: {} };
/** Every way of signing in shares one count per IP: trying each route in turn gives no more attempts. */
const signInRateLimited = { rateLimit: { groupId: 'sign-in' } };

export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/auth/demo-accounts',
    { schema: { tags: ['auth'], response: { 200: demoAccountListSchema } } },
    async () => {
      if (app.config.production) throw notFound('没有这个接口，请检查地址');
      return { accounts: demoAccountDescriptions() };
    },
  );

  app.post(
    '/auth/demo',
    { config: signInRateLimited, schema: { tags: ['auth'], body: demoLoginBodySchema, response: { 200: loginResultSchema } } },
    async (request) => {
      if (app.config.production) throw forbidden('正式环境不提供演示账号，请使用微信登录');
      const user = await app.db
        .selectFrom('users')
        .select('id')
        .where('demo_key', '=', request.body.account)
        .executeTakeFirst();
      if (!user) throw notFound('没有这个演示账号');
      return startSession(app, user.id, 'demo');
    },
  );

  app.post(
    '/auth/wechat',
    { config: signInRateLimited, schema: { tags: ['auth'], body: wechatLoginBodySchema, response: { 200: loginResultSchema } } },
    async (request) => {
      const openid = await exchangeWechatCode(app.config.wechat, request.body.code, app.config.production);
      const openidHash = app.privacy.keyedHash(`wechat-openid:${openid}`);
      // Subscribe messages (a booking confirmed …) are addressed by openid: kept encrypted for the user signing in.
      const remember = (userId: number) => rememberWechatRecipient(app.db, app.privacy, { userId, openid, at: app.now() });
      if (request.body.activationCode) {
        const workerId = await activateWorkerAccount(app, request.body.activationCode, openidHash);
        await remember(workerId);
        return startSession(app, workerId, 'wechat');
      }
      // Insert-if-absent, then read: two quick taps of the first sign-in meet the unique index instead of
      // racing between a look-up and an insert (which would fail on a database that runs them concurrently).
      await app.db
        .insertInto('users')
        .values(newUserRow({
          display_name: '微信用户',
          wechat_openid_hash: openidHash,
          created_at: app.now().toISOString(),
        }))
        .onConflict((conflict) => conflict.column('wechat_openid_hash').doNothing())
        .execute();
      const { id: userId } = await app.db
        .selectFrom('users')
        .select('id')
        .where('wechat_openid_hash', '=', openidHash)
        .executeTakeFirstOrThrow();
      await remember(userId);
      return startSession(app, userId, 'wechat');
    },
  );

  app.get(
    '/me',
    { schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: meResultSchema } } },
    async (request) => ({ user: await publicUser(app, requireUser(request).id) }),
  );

  app.get(
    '/me/data',
    { schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: personalDataExportSchema } } },
    async (request) => {
      const user = requireUser(request);
      await app.audit({ actorId: user.id, action: 'personal_data.export', subjectType: 'user', subjectId: user.id });
      return { exportedAt: app.now().toISOString(), data: await exportPersonalData(app, user.id) };
    },
  );
  app.patch(
    '/me',
    { schema: { tags: ['auth'], security: [{ bearer: [] }], body: correctMeBodySchema, response: { 200: meResultSchema } } },
    async (request) => {
      const user = requireUser(request);
      const { displayName, phone, communityId } = request.body;
      if (communityId) {
        const community = await app.db.selectFrom('communities').select('id').where('id', '=', communityId).executeTakeFirst();
        if (!community) throw fieldError('communityId', '没有这个社区');
      }
      const changes = {
        ...(displayName !== undefined ? { display_name: displayName } : {}),
        ...(phone !== undefined
          ? { phone_encrypted: phone ? app.privacy.encrypt(phone) : null, phone_hash: phone ? app.privacy.keyedHash(phone) : null }
          : {}),
        ...(communityId !== undefined ? { community_id: communityId } : {}),
      };
      if (Object.keys(changes).length > 0) await app.db.updateTable('users').set(changes).where('id', '=', user.id).execute();
      await app.audit({ actorId: user.id, action: 'personal_data.correct', subjectType: 'user', subjectId: user.id, detail: { fields: Object.keys(changes).join(',') } });
      return { user: await publicUser(app, user.id) };
    },
  );
  app.delete(
    '/me',
    { schema: { tags: ['auth'], security: [{ bearer: [] }], body: deleteMeBodySchema, response: { 200: logoutResultSchema } } },
    async (request) => {
      const user = requireUser(request);
      await erasePersonalData(app, user.id);
      await app.audit({ actorId: user.id, action: 'personal_data.erase', subjectType: 'user', subjectId: user.id });
      return { ok: true as const };
    },
  );
  app.post(
    '/auth/logout',
    { config: rateLimited, schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: logoutResultSchema } } },
    async (request) => {
      if (!request.user) throw unauthenticated('您还没有登录');
      const { id: userId, sessionId } = request.user;
      await app.db
        .updateTable('sessions')
        .set({ revoked_at: app.now().toISOString() })
        .where('id', '=', sessionId)
        .execute();
      await app.audit({ actorId: userId, action: 'auth.sign_out', subjectType: 'session', subjectId: sessionId });
      return { ok: true as const };
    },
  );

  app.post(
    '/auth/logout-all',
    { config: rateLimited, schema: { tags: ['auth'], security: [{ bearer: [] }], response: { 200: logoutResultSchema } } },
    async (request) => {
      const user = requireUser(request);
      const revoked = await revokeAllSessions(app, user.id);
      await app.audit({ actorId: user.id, action: 'auth.sign_out_everywhere', subjectType: 'user', subjectId: user.id, detail: { revoked } });
      return { ok: true as const };
    },
  );
  app.post(
    '/consents',
    { config: rateLimited, schema: { tags: ['auth'], body: consentBodySchema, response: { 201: consentResultSchema } } },
    async (request, reply) => {
      const recordedAt = app.now().toISOString();
      const userId = request.user?.id ?? null;
      const withdrawn = request.body.withdraw === true;
      await app.db
        .insertInto('consents')
        .values({
          device_hash: app.privacy.keyedHash(`device:${request.body.deviceId}`),
          user_id: userId,
          version: request.body.version,
          created_at: recordedAt,
          withdrawn: withdrawn ? 1 : 0,
        })
        .execute();
      if (userId !== null) {
        await app.db
          .updateTable('users')
          .set(withdrawn ? { consent_version: null, consent_at: null } : { consent_version: request.body.version, consent_at: recordedAt })
          .where('id', '=', userId)
          .execute();
      }
      return reply.code(201).send({ version: request.body.version, recordedAt, signedIn: userId !== null, withdrawn });
    },
  );
};
