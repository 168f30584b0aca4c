/**
 * Booking races through real server processes on one database (2 on PostgreSQL, 1 on SQLite): places are never
 * overbooked, and one Idempotency-Key makes one booking however many times it arrives at once.
 */
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
});
