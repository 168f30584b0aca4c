import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { DatabaseTarget } from './db';

/** Everything the server reads from its environment, checked once at start. */
export interface Config {
  port: number;
  host: string;
  /** SQLite at DATABASE_PATH (default), or PostgreSQL when DATABASE_URL is set. */
  database: DatabaseTarget;
  /** Server processes sharing the port (Node's cluster module); more than 1 needs PostgreSQL. */
  webConcurrency: number;
  /** Rate limits are counted in Redis when set, otherwise in the database (shared by every process either way). */
  redisUrl: string | null;
  /** Demo mode only: the app clock starts at this instant and runs on (tests of spawned servers, demos of a holiday). */
  clockStart: Date | null;
  /** 32 bytes; encrypts personal data at rest and keys the look-up hashes. */
  dataKey: Buffer;
  /** Where the key came from, for the start-up log line (never the key itself). */
  dataKeySource: 'env' | 'file' | 'generated';
  /** Demo mode = not production: demo accounts and demo sign-in are available. */
  production: boolean;
  wechat: { appId: string | null; secret: string | null; apiBase: string; timeoutMs: number };
  staticDir: string;
  sessionTtlDays: number;
  /** Sign-in and consent requests allowed per IP per minute. */
  authRateLimitPerMinute: number;
  logLevel: string;
  /** Behind a reverse proxy (TRUST_PROXY=true): take the client IP from X-Forwarded-For, so rate limits are per user. */
  trustProxy: boolean;
  /** A request (headers and body) not received whole within this many ms is answered 408 and its connection closed. */
  requestTimeoutMs: number;
}

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>;

function positiveInt(env: Env, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new ConfigError(`${name} 必须是正整数（当前为 "${raw}"）`);
  if (value > max) throw new ConfigError(`${name} 不能大于 ${max}（当前为 "${raw}"）`);
  return value;
}

/** The logger's (pino's) levels; any other name would only fail later, inside the logger, in English. */
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

function logLevel(env: Env): string {
  const level = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(level)) throw new ConfigError(`LOG_LEVEL 只能是 ${LOG_LEVELS.join('、')} 之一（当前为 "${level}"）`);
  return level;
}

/** Accepts 64 hex characters or base64/base64url of 32 bytes. */
export function parseDataKey(raw: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) {
    throw new ConfigError('DATA_KEY 必须是 32 字节的密钥（64 位十六进制或 base64），可用 `openssl rand -hex 32` 生成');
  }
  return key;
}

/**
 * DATA_KEY from the environment; in demo mode, when absent, a key file next to the database
 * (created on first start with mode 0600, then reused so encrypted data stays readable).
 * Production without DATA_KEY refuses to start: a generated key would silently be lost on redeploy.
 */
function resolveDataKey(env: Env, production: boolean, dataDir: string): Pick<Config, 'dataKey' | 'dataKeySource'> {
  if (env.DATA_KEY) return { dataKey: parseDataKey(env.DATA_KEY), dataKeySource: 'env' };
  if (production) {
    throw new ConfigError('生产环境必须设置 DATA_KEY（32 字节密钥，例如 `openssl rand -hex 32` 的输出），服务未启动');
  }
  const keyFile = join(dataDir, 'data-key');
  if (existsSync(keyFile)) return { dataKey: parseDataKey(readFileSync(keyFile, 'utf8')), dataKeySource: 'file' };
  mkdirSync(dataDir, { recursive: true });
  try {
    // 'wx': of two processes starting at once, only one writes the key; the other reads that one.
    writeFileSync(keyFile, randomBytes(32).toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return { dataKey: parseDataKey(readFileSync(keyFile, 'utf8')), dataKeySource: 'file' };
  }
  chmodSync(keyFile, 0o600);
  return { dataKey: parseDataKey(readFileSync(keyFile, 'utf8')), dataKeySource: 'generated' };
}

/** DATABASE_URL (postgres:// or postgresql://) selects PostgreSQL; anything else is a mistake worth saying. */
function databaseTarget(env: Env, databasePath: string): DatabaseTarget {
  const url = env.DATABASE_URL;
  if (!url) return { kind: 'sqlite', path: databasePath };
  if (!/^postgres(ql)?:\/\//.test(url)) {
    throw new ConfigError('DATABASE_URL 必须以 postgres:// 开头（不设置则使用 DATABASE_PATH 的 SQLite 文件）');
  }
  return { kind: 'postgres', url, poolSize: positiveInt(env, 'DATABASE_POOL_SIZE', 10, 200) };
}

function webConcurrency(env: Env, database: DatabaseTarget): number {
  const workers = positiveInt(env, 'WEB_CONCURRENCY', 1, 64);
  if (workers > 1 && database.kind !== 'postgres') {
    throw new ConfigError('WEB_CONCURRENCY 大于 1 时需要 PostgreSQL（设置 DATABASE_URL）：SQLite 文件只供一个进程使用');
  }
  return workers;
}

function clockStart(env: Env, production: boolean): Date | null {
  const raw = env.CLOCK_START;
  if (!raw) return null;
  if (production) throw new ConfigError('生产环境不能设置 CLOCK_START（只用于演示和测试）');
  const start = new Date(raw);
  if (Number.isNaN(start.getTime())) throw new ConfigError(`CLOCK_START 不是有效的时间（当前为 "${raw}"），例如 2026-10-01T02:00:00Z`);
  return start;
}

export function loadConfig(env: Env = process.env, cwd = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const databasePath = resolve(cwd, env.DATABASE_PATH || 'data/linjiang.sqlite');
  const database = databaseTarget(env, databasePath);
  return {
    port: positiveInt(env, 'PORT', 3000, 65535),
    host: env.HOST || '127.0.0.1',
    database,
    webConcurrency: webConcurrency(env, database),
    redisUrl: env.REDIS_URL || null,
    clockStart: clockStart(env, production),
    ...resolveDataKey(env, production, dirname(databasePath)),
    production,
    wechat: {
      appId: env.WECHAT_APPID || null,
      secret: env.WECHAT_SECRET || null,
      apiBase: (env.WECHAT_API_BASE || 'https://api.weixin.qq.com').replace(/\/+$/, ''),
      timeoutMs: positiveInt(env, 'WECHAT_TIMEOUT_MS', 5000),
    },
    staticDir: resolve(cwd, env.STATIC_DIR || 'dist-h5'),
    sessionTtlDays: positiveInt(env, 'SESSION_TTL_DAYS', 30),
    authRateLimitPerMinute: positiveInt(env, 'AUTH_RATE_LIMIT_PER_MINUTE', 20),
    logLevel: logLevel(env),
    trustProxy: env.TRUST_PROXY === 'true' || env.TRUST_PROXY === '1',
    requestTimeoutMs: positiveInt(env, 'REQUEST_TIMEOUT_MS', 30_000, 10 * 60_000),
  };
}
