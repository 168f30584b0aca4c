/**
 * Where sign-in attempts are counted, shared by every server process: a table in the database by default,
 * Redis when REDIS_URL is set. @fastify/rate-limit's own store keeps counts in one process's memory, so with
 * two processes a client would get twice the limit.
 *
 * Counting is a fixed window per key (client address + route): the first hit opens a window of `timeWindow`
 * ms, later hits in it add up, a hit after it opens a new one.
 */
import type { Redis } from 'ioredis';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import { serviceUnavailable } from './errors';

export interface RateLimitCount {
  /** Hits in the current window, this one included. */
  count: number;
  /** Milliseconds until the window closes. */
  ttl: number;
}

/** One shared counter: add a hit to `key` and say how many there are in its current window. */
export interface RateLimitBackend {
  hit(key: string, windowMs: number): Promise<RateLimitCount>;
}

/**
 * Counts in the `rate_limits` table with one upsert, atomic on both databases (PostgreSQL locks the row for
 * ON CONFLICT DO UPDATE; SQLite serialises writes). Time comes from the app clock, so tests can move it.
 */
export function databaseRateLimits(db: Kysely<Database>, now: () => Date): RateLimitBackend {
  let lastPurgeMs = 0;
  return {
    async hit(key, windowMs) {
      const nowMs = now().getTime();
      const expired = sql<boolean>`rate_limits.window_start_ms + ${windowMs} <= ${nowMs}`;
      const row = await db
        .insertInto('rate_limits')
        .values({ key, window_start_ms: nowMs, hits: 1 })
        .onConflict((conflict) =>
          conflict.column('key').doUpdateSet({
            hits: sql<number>`case when ${expired} then 1 else rate_limits.hits + 1 end`,
            window_start_ms: sql<number>`case when ${expired} then ${nowMs} else rate_limits.window_start_ms end`,
          }),
        )
        .returning(['hits', 'window_start_ms'])
        .executeTakeFirstOrThrow();
      // Old windows are dead weight: clear them at most once a window, from whichever process gets here.
      if (nowMs - lastPurgeMs > windowMs) {
        lastPurgeMs = nowMs;
        await db.deleteFrom('rate_limits').where('window_start_ms', '<', nowMs - windowMs).execute();
      }
      return { count: Number(row.hits), ttl: Math.max(0, Number(row.window_start_ms) + windowMs - nowMs) };
    },
  };
}

/** INCR and, on the first hit of a window, PEXPIRE — in one script so the two never separate. */
const REDIS_HIT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {count, redis.call('PTTL', KEYS[1])}`;

/** Counts in Redis: no write to the database per attempt; windows follow Redis's own clock. */
export function redisRateLimits(redis: Redis): RateLimitBackend {
  return {
    async hit(key, windowMs) {
      const [count, ttl] = (await redis.eval(REDIS_HIT, 1, `linjiang:rate:${key}`, windowMs)) as [number, number];
      return { count, ttl: Math.max(0, ttl) };
    },
  };
}

type IncrCallback = (error: Error | null, result?: { current: number; ttl: number }) => void;

/** What @fastify/rate-limit hands a store: its settings (global, or merged with a route's). */
interface StoreOptions {
  timeWindow?: unknown;
  /** Routes with the same groupId share one count per client (all sign-in routes: 'sign-in'). */
  groupId?: string;
  routeInfo?: { method?: string | string[]; url?: string };
}

/**
 * Builds the `store` class @fastify/rate-limit expects (it calls `new Store(settings)`, then `child(route)` per
 * route) over a shared backend. Each route is counted apart by its method and path — unless it names a
 * `groupId`: then every route of the group shares one count per client, so ten sign-in routes do not give a
 * client ten times the limit. A backend that cannot be reached answers 503 in the API's shape rather than letting
 * every attempt through.
 */
export function sharedRateLimitStore(backend: RateLimitBackend) {
  return class SharedRateLimitStore {
    private readonly windowMs: number;
    private readonly prefix: string;
    private readonly groupId: string | undefined;

    constructor(settings: object) {
      const options = settings as StoreOptions;
      this.windowMs = typeof options.timeWindow === 'number' ? options.timeWindow : 60_000;
      this.groupId = options.groupId;
      if (options.groupId) this.prefix = `${options.groupId}|`;
      else this.prefix = options.routeInfo ? `${options.routeInfo.method ?? ''}${options.routeInfo.url ?? ''}|` : '';
    }

    /** The plugin passes the route's window as a third argument (its type declarations omit it). */
    incr(key: string, callback: IncrCallback, timeWindow?: number): void {
      // The plugin appends a route's group to the client's key ("127.0.0.1sign-in"); the prefix names it already.
      const client = this.groupId && key.endsWith(this.groupId) ? key.slice(0, -this.groupId.length) : key;
      backend.hit(`${this.prefix}${client}`, timeWindow ?? this.windowMs).then(
        ({ count, ttl }) => callback(null, { current: count, ttl }),
        () => callback(serviceUnavailable('登录服务暂时不可用，请稍后再试')),
      );
    }

    child(routeOptions: object): SharedRateLimitStore {
      return new SharedRateLimitStore(routeOptions);
    }
  };
}
