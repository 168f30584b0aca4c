/**
 * Capacity under real concurrency: server processes on one database (2 on PostgreSQL, 1 on SQLite), requests
 * fired at once across them. Exactly the capacity gets a place, never one more; the waiting list keeps the
 * arrival order; simultaneous cancellations each promote a different next in line.
 */
import { DEFAULT_TEST_TIME } from '../../testing/app';
import { startTestServers, type TestServers } from '../../testing/servers';
import { activityBody, newResident, registration } from './test-fixtures';

jest.setTimeout(180_000);

let servers: TestServers;
beforeAll(async () => {
  servers = await startTestServers({ clockStart: DEFAULT_TEST_TIME });
});
afterAll(() => servers?.close());

type Headers = { authorization: string };
const json = { 'content-type': 'application/json' };

async function call(url: string, method: string, headers: Headers, body?: unknown) {
  const response = await fetch(url, { method, headers: { ...headers, ...json }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

it('50 volunteers at once for 10 places: exactly 10 signed up, 40 waiting in arrival order; 10 cancellations at once promote the next 10', async () => {
  const { urls, db } = servers;
  const serverAt = (i: number) => urls[i % urls.length];
  const now = new Date(DEFAULT_TEST_TIME);
  const volunteers: Headers[] = [];
  for (let i = 0; i < 50; i += 1) volunteers.push(await newResident(db, `并发${i}`, now));
  await Promise.all(
    volunteers.map(async (headers, i) => {
      const response = await call(`${serverAt(i)}/api/volunteers`, 'POST', headers, registration({ realName: `并发${i}` }));
      expect(response.status).toBe(201);
    }),
  );
  const worker = await servers.signIn('worker');
  const created = await call(`${urls[0]}/api/activities`, 'POST', worker, activityBody({ capacity: 10 }));
  expect(created.status).toBe(201);
  const activityId = created.body.id as number;

  const results = await Promise.all(
    volunteers.map((headers, i) => call(`${serverAt(i)}/api/activities/${activityId}/signups`, 'POST', headers, { waitlist: true })),
  );
  expect(results.map((r) => r.status).every((s) => s === 201)).toBe(true);
  expect(results.filter((r) => r.body.status === 'signedUp')).toHaveLength(10);
  expect(results.filter((r) => r.body.status === 'waitlisted')).toHaveLength(40);

  const rows = await db.selectFrom('activity_signups').select(['id', 'status']).where('activity_id', '=', activityId).orderBy('id').execute();
  expect(rows.filter((r) => r.status === 'signed_up')).toHaveLength(10);
  const activity = await db.selectFrom('activities').select(['taken', 'capacity']).where('id', '=', activityId).executeTakeFirstOrThrow();
  expect(activity).toEqual({ taken: 10, capacity: 10 });

  // The roster numbers the waiting list 1…40 in arrival (id) order.
  const roster = await call(`${urls[0]}/api/activities/${activityId}/signups`, 'GET', worker);
  const waiting = (roster.body.items as Array<{ signupId: number; status: string; waitlistPosition: number }>).filter((e) => e.status === 'waitlisted');
  expect(waiting.map((e) => e.waitlistPosition)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  expect(waiting.map((e) => e.signupId)).toEqual(rows.filter((r) => r.status === 'waitlisted').map((r) => r.id));

  // The 10 signed up cancel at once: the first 10 in line, and only they, move up.
  const signedUp = results.flatMap((r, i) => (r.body.status === 'signedUp' ? [volunteers[i]] : []));
  const cancels = await Promise.all(signedUp.map((headers, i) => call(`${serverAt(i)}/api/activities/${activityId}/signups/me`, 'DELETE', headers)));
  expect(cancels.map((c) => c.status)).toEqual(Array(10).fill(200));
  const after = await db.selectFrom('activity_signups').select(['id', 'status']).where('activity_id', '=', activityId).where('status', '!=', 'cancelled').orderBy('id').execute();
  const promoted = after.filter((r) => r.status === 'signed_up').map((r) => r.id);
  expect(promoted).toEqual(waiting.slice(0, 10).map((e) => e.signupId));
  expect(after.filter((r) => r.status === 'waitlisted')).toHaveLength(30);
  expect((await db.selectFrom('activities').select('taken').where('id', '=', activityId).executeTakeFirstOrThrow()).taken).toBe(10);
  const messages = await db.selectFrom('messages').select('user_id').where('kind', '=', 'volunteer.promoted').execute();
  expect(messages).toHaveLength(10);
});

it('one volunteer signing up for two overlapping activities at once gets exactly one', async () => {
  const { urls, db } = servers;
  const worker = await servers.signIn('worker');
  const volunteer = await newResident(db, '同时报两个', new Date(DEFAULT_TEST_TIME));
  expect((await call(`${urls[0]}/api/volunteers`, 'POST', volunteer, registration({ realName: '同时报两个' }))).status).toBe(201);
  const times = { startsAt: '2027-03-10T01:00:00.000Z', endsAt: '2027-03-10T03:00:00.000Z', signupDeadline: '2027-03-09T01:00:00.000Z' };
  const ids: number[] = [];
  for (const title of ['上午的活动', '同一时间的活动']) {
    const created = await call(`${urls[0]}/api/activities`, 'POST', worker, activityBody({ ...times, title }));
    ids.push(created.body.id as number);
  }
  for (let round = 0; round < 5; round += 1) {
    const answers = await Promise.all(ids.map((id, i) => call(`${urls[i % urls.length]}/api/activities/${id}/signups`, 'POST', volunteer, {})));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
    const signedUp = answers.findIndex((a) => a.status === 201);
    expect((await call(`${urls[0]}/api/activities/${ids[signedUp]}/signups/me`, 'DELETE', volunteer)).status).toBe(200);
  }
});
