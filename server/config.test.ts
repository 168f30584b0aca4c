import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig, parseDataKey } from './config';

describe('config', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'linjiang-config-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults for a local demo', () => {
    const config = loadConfig({}, dir);
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.database).toEqual({ kind: 'sqlite', path: join(dir, 'data', 'linjiang.sqlite') });
    expect(config.webConcurrency).toBe(1);
    expect(config.redisUrl).toBeNull();
    expect(config.clockStart).toBeNull();
    expect(config.staticDir).toBe(join(dir, 'dist-h5'));
    expect(config.production).toBe(false);
    expect(config.sessionTtlDays).toBe(30);
    expect(config.wechat).toEqual({ appId: null, secret: null, apiBase: 'https://api.weixin.qq.com', timeoutMs: 5000 });
  });

  it('generates a demo data key next to the database once (mode 0600) and reuses it', () => {
    const first = loadConfig({}, dir);
    const keyFile = join(dir, 'data', 'data-key');
    expect(first.dataKeySource).toBe('generated');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    const second = loadConfig({}, dir);
    expect(second.dataKeySource).toBe('file');
    expect(second.dataKey.equals(first.dataKey)).toBe(true);
    expect(readFileSync(keyFile, 'utf8').trim()).toBe(first.dataKey.toString('hex'));
  });

  it('refuses to start in production without DATA_KEY, and writes no key file', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'production' }, dir)).toThrow(/DATA_KEY/);
    expect(existsSync(join(dir, 'data', 'data-key'))).toBe(false);
  });

  it('accepts DATA_KEY as hex or base64 and rejects a short one', () => {
    const key = randomBytes(32);
    expect(parseDataKey(key.toString('hex')).equals(key)).toBe(true);
    expect(parseDataKey(key.toString('base64')).equals(key)).toBe(true);
    expect(() => parseDataKey(randomBytes(16).toString('hex'))).toThrow(ConfigError);
    const config = loadConfig({ NODE_ENV: 'production', DATA_KEY: key.toString('hex') }, dir);
    expect(config.dataKeySource).toBe('env');
    expect(config.production).toBe(true);
  });

  it('reads the environment and rejects numbers that are not', () => {
    const config = loadConfig(
      { PORT: '8080', HOST: '0.0.0.0', SESSION_TTL_DAYS: '7', WECHAT_API_BASE: 'http://127.0.0.1:9999/', DATABASE_PATH: '/tmp/x/y.sqlite', DATA_KEY: randomBytes(32).toString('hex') },
      dir,
    );
    expect(config.port).toBe(8080);
    expect(config.host).toBe('0.0.0.0');
    expect(config.sessionTtlDays).toBe(7);
    expect(config.wechat.apiBase).toBe('http://127.0.0.1:9999');
    expect(config.database).toEqual({ kind: 'sqlite', path: '/tmp/x/y.sqlite' });
    expect(() => loadConfig({ PORT: 'abc' }, dir)).toThrow(/PORT/);
  });

  it('refuses a port above 65535 and an unknown LOG_LEVEL with a Chinese message instead of failing later', () => {
    expect(() => loadConfig({ PORT: '70000' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ PORT: '70000' }, dir)).toThrow(/PORT.*65535/);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' }, dir)).toThrow(ConfigError);
    expect(() => loadConfig({ LOG_LEVEL: 'verbose' }, dir)).toThrow(/LOG_LEVEL/);
    expect(loadConfig({ LOG_LEVEL: 'warn' }, dir).logLevel).toBe('warn');
  });

  it('selects PostgreSQL with DATABASE_URL, with a pool size, and allows several workers only there', () => {
    const config = loadConfig({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/linjiang', DATABASE_POOL_SIZE: '4', WEB_CONCURRENCY: '2' }, dir);
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/linjiang', poolSize: 4 });
    expect(config.webConcurrency).toBe(2);
    expect(loadConfig({ DATABASE_URL: 'postgresql://db/x' }, dir).database).toMatchObject({ kind: 'postgres', poolSize: 10 });
    expect(() => loadConfig({ DATABASE_URL: 'mysql://db/x' }, dir)).toThrow(/DATABASE_URL.*postgres:\/\//);
    expect(() => loadConfig({ WEB_CONCURRENCY: '2' }, dir)).toThrow(/WEB_CONCURRENCY.*PostgreSQL/);
    expect(() => loadConfig({ WEB_CONCURRENCY: 'two' }, dir)).toThrow(/WEB_CONCURRENCY/);
  });

  it('takes CLOCK_START in demo mode only, and refuses a date it cannot read', () => {
    expect(loadConfig({ CLOCK_START: '2026-10-01T02:00:00Z' }, dir).clockStart).toEqual(new Date('2026-10-01T02:00:00Z'));
    expect(() => loadConfig({ CLOCK_START: 'tomorrow' }, dir)).toThrow(/CLOCK_START/);
    const production = { NODE_ENV: 'production', DATA_KEY: randomBytes(32).toString('hex'), CLOCK_START: '2026-10-01T02:00:00Z' };
    expect(() => loadConfig(production, dir)).toThrow(/CLOCK_START/);
  });
});
