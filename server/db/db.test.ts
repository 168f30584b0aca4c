import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import accountSeed from '../../seeds/accounts.json';
import { features } from '../features';
import type { FeatureModule } from '../lib/feature';
import { createPrivacy } from '../lib/privacy/crypto';
import { createTestApp } from '../testing/app';
import { createTestDatabase, testDatabaseKind, type TestDatabase } from '../testing/databases';
import { featureMigrationProvider, openDatabase, prepareDatabase } from './index';

describe(`database preparation (${testDatabaseKind()})`, () => {
  let dir: string;
  let database: TestDatabase;
  const privacy = createPrivacy(randomBytes(32));
  const now = new Date('2026-11-26T02:00:00.000Z');
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linjiang-db-'));
    database = await createTestDatabase(dir);
  });
  afterEach(async () => {
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  const count = async (db: Kysely<any>, table: string) => // eslint-disable-line @typescript-eslint/no-explicit-any
    Number((await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

  it('seeds a new database, and never again when it already exists', async () => {
    const first = openDatabase(database.target);
    const result = await prepareDatabase(first, features, { privacy, now });
    expect(result.seeded).toEqual(features.filter((f) => f.seed).map((f) => f.name));
    expect(result.seeded.slice(0, 2)).toEqual(['places', 'auth']);
    expect(result.migrated.slice(0, 3)).toEqual(['0000_seed_log', '0001_places', '0002_auth']);
    expect(result.migrated).toEqual([...result.migrated].sort());
    expect(await count(first, 'towns')).toBe(13);
    const users = await count(first, 'users');
    expect(users).toBeGreaterThanOrEqual(accountSeed.accounts.length); // demo accounts, and residents other seeds add
    // A resident edits data; a restart must keep it.
    await first.updateTable('users').set({ display_name: '王大妈' }).where('demo_key', '=', 'resident').execute();
    await first.destroy();

    const again = openDatabase(database.target);
    const second = await prepareDatabase(again, features, { privacy, now });
    expect(second).toEqual({ seeded: [], migrated: [] });
    expect(await count(again, 'users')).toBe(users);
    expect(await count(again, 'towns')).toBe(13);
    const resident = await again.selectFrom('users').select('display_name').where('demo_key', '=', 'resident').executeTakeFirstOrThrow();
    expect(resident.display_name).toBe('王大妈');
    await again.destroy();
  });

  it('migrates and seeds a feature added later, once, next to the existing data', async () => {
    const db = openDatabase(database.target);
    await prepareDatabase(db, features, { privacy, now });
    const users = await count(db, 'users');
    let seeds = 0;
    const later: FeatureModule = {
      name: 'later',
      migrations: {
        // Sorts after every real migration (Kysely runs new migrations only after the last applied one).
        '9900_later': {
          up: (trx) => trx.schema.createTable('later_things').addColumn('id', 'integer', (c) => c.primaryKey()).execute(),
        },
      },
      seed: async () => {
        seeds += 1;
      },
    };
    expect(await prepareDatabase(db, [...features, later], { privacy, now })).toEqual({ seeded: ['later'], migrated: ['9900_later'] });
    expect(await prepareDatabase(db, [...features, later], { privacy, now })).toEqual({ seeded: [], migrated: [] });
    expect(seeds).toBe(1);
    expect(await count(db, 'users')).toBe(users);
    await db.destroy();
  });

  it('retries a seed that failed: it rolled back and was not recorded as done', async () => {
    const db = openDatabase(database.target);
    let attempts = 0;
    const flaky: FeatureModule = {
      name: 'flaky',
      migrations: { '0600_flaky': { up: (trx) => trx.schema.createTable('flaky_things').addColumn('id', 'integer').execute() } },
      seed: async ({ db: trx }) => {
        attempts += 1;
        await sql`insert into flaky_things (id) values (${attempts})`.execute(trx);
        if (attempts === 1) throw new Error('seed broke half-way');
      },
    };
    await expect(prepareDatabase(db, [...features, flaky], { privacy, now })).rejects.toThrow('half-way');
    expect(await count(db, 'flaky_things')).toBe(0);
    expect((await prepareDatabase(db, [...features, flaky], { privacy, now })).seeded).toEqual(['flaky']);
    expect(await count(db, 'flaky_things')).toBe(1);
    await db.destroy();
  });

  it('enforces foreign keys (and runs SQLite in WAL mode)', async () => {
    const db = openDatabase(database.target);
    await prepareDatabase(db, features, { privacy, now });
    if (testDatabaseKind() === 'sqlite') {
      const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
      expect(mode.rows[0].journal_mode).toBe('wal');
    }
    // Matched by code, not toThrow: better-sqlite3 builds its errors with the class of the first jest
    // sandbox that loaded it in this worker, so they are not `instanceof Error` in later test files.
    await expect(
      db.insertInto('communities').values({ id: 'x', town_code: '999999999', name: 'x', is_demo: 1, lat: 0, lng: 0, phone: 'x', sort_order: 0 }).execute(),
    ).rejects.toMatchObject({ code: testDatabaseKind() === 'sqlite' ? 'SQLITE_CONSTRAINT_FOREIGNKEY' : '23503' });
    await db.destroy();
  });

  // Several processes on one database are a PostgreSQL deployment (server/main.ts refuses workers on SQLite).
  const onPostgres = testDatabaseKind() === 'postgres' ? it : it.skip;
  onPostgres('lets only one of several processes starting at once migrate and seed (the preparation lock)', async () => {
    const connections = [openDatabase(database.target), openDatabase(database.target), openDatabase(database.target)];
    const results = await Promise.all(connections.map((db) => prepareDatabase(db, features, { privacy, now })));
    const seeders = results.filter((result) => result.seeded.length > 0);
    expect(seeders).toHaveLength(1);
    expect(seeders[0].seeded).toEqual(features.filter((f) => f.seed).map((f) => f.name));
    expect(results.filter((result) => result.migrated.length > 0)).toHaveLength(1);
    const demoAccounts = await connections[0].selectFrom('users').select('id').where('demo_key', 'is not', null).execute();
    expect(demoAccounts).toHaveLength(accountSeed.accounts.length);
    expect(await count(connections[0], 'towns')).toBe(13);
    await Promise.all(connections.map((db) => db.destroy()));
  });

  it('refuses two features that use the same migration name', async () => {
    const clash: FeatureModule = { name: 'clash', migrations: { '0001_places': { up: async () => undefined } } };
    await expect(featureMigrationProvider([...features, clash]).getMigrations()).rejects.toThrow(/used twice/);
  });

  it('an app restarted on the same files keeps its sessions (same DATA_KEY)', async () => {
    const env = { DATA_KEY: randomBytes(32).toString('hex') };
    const first = await createTestApp({ dir, env, database });
    const headers = await first.signIn('resident');
    await first.close();
    const second = await createTestApp({ dir, env, database });
    const me = await second.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.maskedPhone).toBe('139****1234');
    await second.close();
  });
});
