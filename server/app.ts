import './lib/fastify-types';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Config } from './config';
import { Redis } from 'ioredis';
import { openDatabase, prepareDatabase } from './db';
import { databaseKind } from './db/portable';
import { featuresForMode, type FeatureModule } from './lib/feature';
import { features as allFeatures } from './features';
import { audit } from './lib/audit';
import { registerAuthentication } from './lib/auth';
import { runningClock, systemClock, type Clock } from './lib/clock';
import { clientErrorHandler, frameworkErrors, rateLimited, registerErrorHandling, serviceUnavailable } from './lib/errors';
import { registerJsonBodyParser } from './lib/json-body';
import './lib/personal-data';
import { privateLoggerOptions, type LogStream } from './lib/privacy/logging';
import { createPrivacy } from './lib/privacy/crypto';
import { databaseRateLimits, redisRateLimits, sharedRateLimitStore } from './lib/rate-limit-store';
import { registerSecurityHeaders } from './lib/security-headers';
import { readIndexHtml, registerStaticApp } from './lib/static-app';
import { installChineseValidationMessages } from './lib/validation';

export interface BuildAppOptions {
  config: Config;
  /** Defaults to the system clock (or CLOCK_START's running clock); tests pass `fixedClock(...)`. */
  clock?: Clock;
  /** Defaults to every feature in server/features/index.ts. */
  features?: FeatureModule[];
  /** false = silent (tests); a stream = collect the log lines (tests of redaction); default stdout. */
  logger?: false | LogStream;
}

const healthSchema = z.object({ ok: z.literal(true), db: z.literal('ok'), database: z.enum(['sqlite', 'postgres']) });

/** Builds the whole server (API + static h5 app) without listening; tests drive it with `app.inject`. */
export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const clock = options.clock ?? (config.clockStart ? runningClock(config.clockStart) : systemClock);
  const features = options.features ?? allFeatures;
  installChineseValidationMessages();

  const app = Fastify({
    logger: options.logger === false ? false : privateLoggerOptions(config.logLevel, options.logger),
    trustProxy: config.trustProxy,
    frameworkErrors,
    clientErrorHandler,
    ...connectionTimeouts(config.requestTimeoutMs),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerJsonBodyParser(app);

  const db = openDatabase(config.database, (error) => app.log.warn({ err: { message: error.message } }, 'database connection lost'));
  const privacy = createPrivacy(config.dataKey);
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('now', clock);
  app.decorate('privacy', privacy);
  app.decorate('audit', (entry) => audit(db, { ...entry, at: clock() }));
  app.decorate('features', features);
  app.addHook('onClose', async () => {
    await db.destroy();
  });

  const prepared = await prepareDatabase(db, featuresForMode(features, config.production), { privacy, now: clock() }).catch(async (error: unknown) => {
    await app.close();
    throw error;
  });
  if (prepared.migrated.length > 0) app.log.info({ migrations: prepared.migrated }, 'database migrated');
  if (prepared.seeded.length > 0) app.log.info({ features: prepared.seeded }, 'database seeded');

  registerErrorHandling(app);
  await registerSecurityHeaders(app, readIndexHtml(config.staticDir));
  registerAuthentication(app);
  await app.register(fastifyRateLimit, {
    global: false,
    max: config.authRateLimitPerMinute,
    timeWindow: 60_000,
    errorResponseBuilder: () => rateLimited(),
    store: sharedRateLimitStore(config.redisUrl ? redisRateLimits(connectRedis(app, config.redisUrl)) : databaseRateLimits(db, clock)),
  });
  await app.register(fastifySwagger, {
    openapi: {
      info: { title: '临江社区服务 API', version: '0.1.0' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
    transform: jsonSchemaTransform,
  });

  const api = app.withTypeProvider<ZodTypeProvider>();
  const database = databaseKind(db);
  api.get('/api/health', { schema: { response: { 200: healthSchema } } }, async () => {
    try {
      await db.selectFrom('towns').select('code').limit(1).execute();
    } catch {
      throw serviceUnavailable('系统暂时连不上数据库，请稍后再试');
    }
    return { ok: true as const, db: 'ok' as const, database };
  });
  api.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  for (const feature of features) {
    if (feature.routes) await app.register(feature.routes, { prefix: '/api' });
  }

  await registerStaticApp(app, config.staticDir);
  return app;
}

/**
 * The Redis connection for shared rate limits. A command fails at once while Redis is away (no offline queue,
 * one retry), so a sign-in gets a 503 rather than hanging; ioredis reconnects by itself.
 */
function connectRedis(app: FastifyInstance, url: string): Redis {
  const redis = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
  redis.on('error', (error: Error) => app.log.warn({ err: { message: error.message } }, 'redis connection problem'));
  app.addHook('onClose', async () => {
    redis.disconnect();
  });
  return redis;
}

/** Headers must arrive within this (or the whole request timeout, if shorter): a slow-headers client is cut early. */
const HEADERS_TIMEOUT_MS = 10_000;
/**
 * An idle kept-alive connection is closed after this. Longer than the 60 s a reverse proxy (nginx) keeps its
 * idle upstream connections, so the proxy closes first and never sends on a connection we are closing.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

/**
 * Time limits of a connection, set deliberately (Node's defaults let a client hold a request open for minutes:
 * `Content-Length: 100` and a body of `{`). A request not received whole within `requestTimeoutMs`, or its
 * headers within 10 s, is answered 408 in the API's shape (clientErrorHandler); Node checks its timers every
 * `connectionsCheckingInterval`, so that is kept well under the limit. A socket silent both ways for twice the
 * request timeout (a client that stopped reading our answer) is closed.
 */
function connectionTimeouts(requestTimeoutMs: number) {
  const headersTimeout = Math.min(HEADERS_TIMEOUT_MS, requestTimeoutMs);
  return {
    requestTimeout: requestTimeoutMs,
    keepAliveTimeout: KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: 2 * requestTimeoutMs,
    http: {
      headersTimeout,
      requestTimeout: requestTimeoutMs,
      connectionsCheckingInterval: Math.max(50, Math.min(1000, Math.floor(headersTimeout / 4))),
      maxHeaderSize: 16 * 1024,
    },
  };
}
