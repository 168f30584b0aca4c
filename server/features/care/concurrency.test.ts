/**
 * Booking races through real server processes on one database (2 on PostgreSQL, 1 on SQLite): places are never
 * overbooked, one elder never gets two overlapping bookings, one Idempotency-Key makes one booking however many
 * times it arrives at once, and a request that keeps losing its elder to other bookings ends in a clear 409.
 */
import { sql } from 'kysely';
import type { ElderPage } from '@contract/care';
import { testDatabaseKind } from '../../testing/databases';
import { DEFAULT_TEST_TIME } from '../../testing/app';
import { startTestServers, type TestServers } from '../../testing/servers';

jest.setTimeout(180_000);

const SLOT = 'cs-xinshi-dinner:2026-11-27:1700';
const ELDERS = 200;

/** n requests at once, spread over the processes in turn. */
function atOnce(urls: string[], n: number, send: (url: string, i: number) => Promise<Response>): Promise<Response[]> {
  return Promise.all(Array.from({ length: n }, (_, i) => send(urls[i % urls.length], i)));
}

describe(`booking races on ${testDatabaseKind()}`, () => {
  let servers: TestServers;
  let headers: Record<string, string>;
  let elderIds: number[];

  beforeAll(async () => {
    servers = await startTestServers({ clockStart: DEFAULT_TEST_TIME });
    const signedIn = await servers.signIn('resident');
    headers = { ...signedIn, 'content-type': 'application/json' };
    // 200 elders bound to the resident, so 200 bookings of one slot are all allowed but for the capacity.
    const resident = await servers.db.selectFrom('users').select('id').where('demo_key', '=', 'resident').executeTakeFirstOrThrow();
    const now = new Date(DEFAULT_TEST_TIME).toISOString();
    const profiles = await servers.db
      .insertInto('elder_profiles')
      .values(
        Array.from({ length: ELDERS }, (_, i) => ({
          user_id: null,
          name: `测试老人${i}`,
          id_number_encrypted: servers.privacy.encrypt(`test-${i}`),
          id_number_hash: servers.privacy.keyedHash(`race-test-${i}`),
          birth_date: '1950-01-01',
          phone_encrypted: null,
          address: '临江市新市街道新市社区',
          community_id: 'xinshi',
          grid: null,
          living_situation: 'alone',
          emergency_contacts_encrypted: servers.privacy.encrypt('[]'),
          health_notes: '',
          diet: '',
          classes_json: '[]',
          dibao: 0,
          bath_assessed_on: null,
          booking_seq: 0,
          created_by: resident.id,
          created_at: now,
        })),
      )
      .returning('id')
      .execute();
    elderIds = profiles.map((p) => Number(p.id));
    await servers.db
      .insertInto('elder_bindings')
      .values(
        elderIds.map((id) => ({
          elder_id: id,
          user_id: resident.id,
          relation: '亲属',
          status: 'active' as const,
          code_hash: null,
          code_expires_at: null,
          code_attempts: 0,
          requested_at: now,
          confirmed_at: now,
          confirmed_by: 'worker' as const,
        })),
      )
      .execute();
    await servers.db.updateTable('care_slots').set({ capacity: 10 }).where('id', '=', SLOT).execute();
  });
  afterAll(() => servers?.close());

  const book = (url: string, body: object, key: string) =>
    fetch(`${url}/api/bookings`, { method: 'POST', headers: { ...headers, 'idempotency-key': key }, body: JSON.stringify(body) });

  it('200 simultaneous bookings for a slot of 10: exactly 10 booked, the rest 已约满, never 11', async () => {
    expect(servers.urls).toHaveLength(servers.kind === 'postgres' ? 2 : 1);
    const bookedMessages = async () =>
      Number((await servers.db.selectFrom('messages').select((eb) => eb.fn.countAll().as('n')).where('kind', '=', 'booking.booked').executeTakeFirstOrThrow()).n);
    const messagesBefore = await bookedMessages();
    const responses = await atOnce(servers.urls, ELDERS, (url, i) =>
      book(url, { elderId: elderIds[i], slotId: SLOT, mealMode: 'dine-in' }, `race-key-${String(i).padStart(4, '0')}`),
    );
    const statuses = responses.map((r) => r.status);
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: { message: string } }>));
    expect(statuses.filter((s) => s === 201)).toHaveLength(10);
    expect(statuses.filter((s) => s === 409)).toHaveLength(ELDERS - 10);
    for (const body of bodies.filter((b) => b.error)) expect(body.error!.message).toBe('这个时段已约满，请换一个时段');
    const slot = await servers.db.selectFrom('care_slots').select(['booked', 'capacity']).where('id', '=', SLOT).executeTakeFirstOrThrow();
    expect(slot).toEqual({ booked: 10, capacity: 10 });
    const rows = await servers.db.selectFrom('bookings').select('id').where('slot_id', '=', SLOT).execute();
    expect(rows).toHaveLength(10);
    // A request refused inside its transaction (the slot filled while it waited) leaves none of what it wrote with
    // its booking: key, timeline entry, 消息.
    const keys = await servers.db.selectFrom('booking_requests').select('booking_id').where('idempotency_key', 'like', 'race-key-%').execute();
    expect(keys.map((k) => Number(k.booking_id)).sort()).toEqual(rows.map((r) => Number(r.id)).sort());
    const events = await servers.db.selectFrom('booking_events').select('booking_id').where('booking_id', 'in', rows.map((r) => r.id)).execute();
    expect(events).toHaveLength(10);
    expect(await bookedMessages()).toBe(messagesBefore + 10); // one each, to the resident who booked
  });

  it('two overlapping bookings of one elder at once (lunch 11:00 and cleaning 10:00–12:00): one is booked, the other refused', async () => {
    const lunch = 'cs-xinshi-lunch:2026-11-28:1100';
    const cleaning = 'cs-xinshi-cleaning:2026-11-28:1000';
    await servers.db.updateTable('care_slots').set({ capacity: 200 }).where('id', 'in', [lunch, cleaning]).execute();
    const elders = elderIds.slice(0, 60);
    const responses = await atOnce(servers.urls, elders.length * 2, (url, i) =>
      book(
        url,
        i % 2 === 0 ? { elderId: elders[i >> 1], slotId: lunch, mealMode: 'dine-in' } : { elderId: elders[i >> 1], slotId: cleaning },
        `overlap-key-${String(i).padStart(4, '0')}`,
      ),
    );
    const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ error?: { message: string } }>));
    for (let e = 0; e < elders.length; e += 1) {
      const pair = [responses[2 * e].status, responses[2 * e + 1].status].sort();
      expect(pair).toEqual([201, 409]);
      const refused = bodies[responses[2 * e].status === 409 ? 2 * e : 2 * e + 1];
      expect(refused.error!.message).toContain('时间重叠');
    }
    const held = await servers.db.selectFrom('bookings').select('elder_id').where('slot_id', 'in', [lunch, cleaning]).where('status', '=', 'booked').execute();
    expect(held.map((b) => Number(b.elder_id)).sort()).toEqual([...elders].sort());
  });

  it('the same Idempotency-Key sent 5 times at once makes one booking, and every answer is it', async () => {
    const mother = ((await (await fetch(`${servers.urls[0]}/api/elders`, { headers })).json()) as ElderPage).items.find((e) => e.name === '张桂芝')!;
    const body = { elderId: mother.id, slotId: 'cs-xinshi-lunch:2026-11-27:1100', mealMode: 'delivery' };
    const responses = await atOnce(servers.urls, 5, (url) => book(url, body, 'one-tap-of-confirm-0001'));
    expect(responses.map((r) => r.status)).toEqual(Array(5).fill(201));
    const ids = new Set(await Promise.all(responses.map(async (r) => ((await r.json()) as { id: number }).id)));
    expect(ids.size).toBe(1);
    const rows = await servers.db.selectFrom('bookings').select('id').where('elder_id', '=', mother.id).execute();
    expect(rows).toHaveLength(1);
    const slot = await servers.db.selectFrom('care_slots').select('booked').where('id', '=', body.slotId).executeTakeFirstOrThrow();
    expect(slot.booked).toBe(1);
  });

  it('an elder whose bookings change under every read: after 4 reads the answer is 409 刚有变动, nothing is written, and the same tap later books', async () => {
    const elderId = elderIds[ELDERS - 1];
    const slotId = 'cs-xinshi-cleaning:2026-11-29:1000';
    // A trigger skips every bump of this elder's booking_seq, as if another booking of the elder landed between each
    // read and its write; each skipped bump is counted.
    const { db } = servers;
    await sql`create table test_skipped_bumps (elder_id integer not null)`.execute(db);
    if (servers.kind === 'postgres') {
      await sql`create function test_skip_bump() returns trigger language plpgsql as $$ begin insert into test_skipped_bumps values (old.id); return null; end $$`.execute(db);
      await sql.raw(`create trigger test_elder_keeps_changing before update of booking_seq on elder_profiles for each row when (old.id = ${elderId}) execute function test_skip_bump()`).execute(db);
    } else {
      await sql.raw(`create trigger test_elder_keeps_changing before update of booking_seq on elder_profiles when old.id = ${elderId} begin insert into test_skipped_bumps values (old.id); select raise(ignore); end`).execute(db);
    }
    const placesBefore = (await db.selectFrom('care_slots').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow()).booked;
    const key = 'keeps-changing-0001';

    const refused = await book(servers.urls[0], { elderId, slotId }, key);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe('这位老人的预约刚有变动，请稍后再试');
    expect(Number((await sql<{ n: number }>`select count(*) as n from test_skipped_bumps`.execute(db)).rows[0].n)).toBe(4);
    expect(await db.selectFrom('bookings').select('id').where('elder_id', '=', elderId).execute()).toEqual([]);
    expect(await db.selectFrom('booking_requests').select('booking_id').where('idempotency_key', '=', key).execute()).toEqual([]);
    expect((await db.selectFrom('care_slots').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow()).booked).toBe(placesBefore);

    await sql`drop trigger test_elder_keeps_changing${sql.raw(servers.kind === 'postgres' ? ' on elder_profiles' : '')}`.execute(db);
    if (servers.kind === 'postgres') await sql`drop function test_skip_bump`.execute(db);
    await sql`drop table test_skipped_bumps`.execute(db);
    const booked = await book(servers.urls[0], { elderId, slotId }, key);
    expect(booked.status).toBe(201);
    expect(booked.headers.get('idempotent-replayed')).toBeNull();
    expect((await db.selectFrom('care_slots').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow()).booked).toBe(placesBefore + 1);
  });
});
