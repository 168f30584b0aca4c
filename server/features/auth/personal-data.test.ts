import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, type TestApp } from '../../testing/app';

jest.setTimeout(60_000);

/** Every row of every table, as text: what a deletion must leave no trace of the person in. */
async function wholeDatabase(t: TestApp): Promise<string> {
  const tables = await t.app.db.introspection.getTables();
  const dumps: string[] = [];
  for (const table of tables) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const rows = await (t.app.db as any).selectFrom(table.name).selectAll().execute();
    dumps.push(`${table.name}: ${JSON.stringify(rows)}`);
  }
  return dumps.join('\n');
}

describe('residents’ rights over their data', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const as = async (account: DemoAccountKey) => t.signIn(account);

  it('exports what is held about me, from every feature, readable', async () => {
    const headers = await as('volunteer');
    const response = await t.app.inject({ method: 'GET', url: '/api/me/data', headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const { data } = response.json();
    expect(Object.keys(data).sort()).toEqual(['auth', 'care', 'corrections', 'messages', 'ratings', 'volunteers']);
    expect(data.auth.account).toMatchObject({ displayName: '李志强', phone: '13504395678', role: 'resident' });
    expect(data.volunteers.registration.realName).toBe('李志强');
    expect(data.volunteers.registration.idNumber).toMatch(/^\d{17}[\dX]$/);
    expect(data.volunteers.signups.length).toBeGreaterThan(0);
  });

  it('lets me correct my name, phone and community, and refuses a community that does not exist', async () => {
    const headers = await as('resident');
    const corrected = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { displayName: '王秀兰', phone: '13900001111', communityId: 'yanjiang' } });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json().user).toMatchObject({ displayName: '王秀兰', maskedPhone: '139****1111', communityId: 'yanjiang' });
    const wrong = await t.app.inject({ method: 'PATCH', url: '/api/me', headers, payload: { communityId: 'nowhere' } });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.communityId).toContain('没有这个社区');
  });

  it('deletes my account only when I type 注销', async () => {
    const headers = await as('street');
    const refused = await t.app.inject({ method: 'DELETE', url: '/api/me', headers, payload: { confirm: 'yes' } });
    expect(refused.statusCode).toBe(400);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
  });

  it('after deletion no table holds my name, phone or ID hash; my hours, bookings and rating levels stay, anonymised', async () => {
    const db = t.app.db;
    const volunteerHeaders = await as('volunteer');
    const user = await db.selectFrom('users').selectAll().where('demo_key', '=', 'volunteer').executeTakeFirstOrThrow();
    const volunteer = await db.selectFrom('volunteers').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    const idNumber = t.app.privacy.decrypt(volunteer.id_number_encrypted);
    const hoursBefore = await db.selectFrom('activity_signups').select(['id', 'half_hours']).where('volunteer_id', '=', volunteer.id).orderBy('id').execute();

    const elderHeaders = await as('elder');
    const elderUser = await db.selectFrom('users').selectAll().where('demo_key', '=', 'elder').executeTakeFirstOrThrow();
    const elder = await db.selectFrom('elder_profiles').selectAll().where('user_id', '=', elderUser.id).executeTakeFirstOrThrow();
    const elderId = t.app.privacy.decrypt(elder.id_number_encrypted);
    const bookingsBefore = await db.selectFrom('bookings').select('id').where('elder_id', '=', elder.id).execute();
    const ratingLevelsBefore = await db.selectFrom('ratings').select(['id', 'level']).where('user_id', 'in', [user.id, elderUser.id]).orderBy('id').execute();

    const traces = [
      '李志强', '13504395678', user.phone_hash!, user.phone_encrypted!, idNumber, volunteer.id_number_hash, volunteer.phone_encrypted,
      elder.name, elderId, elder.id_number_hash, elder.id_number_encrypted, elder.address,
    ];
    // The search would see them: every stored trace is in the database before the deletion (phones and ID
    // numbers themselves are only stored encrypted).
    const before = await wholeDatabase(t);
    const stored = traces.filter((trace) => ![idNumber, elderId, '13504395678'].includes(trace));
    for (const trace of stored) expect({ trace, found: before.includes(trace) }).toEqual({ trace, found: true });

    for (const headers of [volunteerHeaders, elderHeaders]) {
      const deleted = await t.app.inject({ method: 'DELETE', url: '/api/me', headers, payload: { confirm: '注销' } });
      expect(deleted.statusCode).toBe(200);
      expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(401);
    }

    const everything = await wholeDatabase(t);
    for (const trace of traces) expect({ trace, found: everything.includes(trace) }).toEqual({ trace, found: false });

    expect(await db.selectFrom('activity_signups').select(['id', 'half_hours']).where('volunteer_id', '=', volunteer.id).orderBy('id').execute()).toEqual(hoursBefore);
    expect(await db.selectFrom('bookings').select('id').where('elder_id', '=', elder.id).execute()).toEqual(bookingsBefore);
    expect(await db.selectFrom('ratings').select(['id', 'level']).where('user_id', 'in', [user.id, elderUser.id]).orderBy('id').execute()).toEqual(ratingLevelsBefore);
  });
});
