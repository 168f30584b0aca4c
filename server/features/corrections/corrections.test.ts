/**
 * Residents' reports (信息有误, issue 20) through the API: a few a day, a working-day deadline, the worker's queue,
 * each handled once, the reporter hears the outcome, closed points leave the directory, paused ones say so, and
 * the reporter's data in their export and erasure. Staff edits: directory/point-edits.test.ts.
 */
import { createTestApp, type TestApp } from '../../testing/app';
import { testDatabaseKind } from '../../testing/databases';

jest.setTimeout(60_000);

const CANTEEN = 'sp-xinshi-elder-canteen';
/** A 沿江社区 point: outside the 新市社区 worker's scope, inside the 新市街道 worker's. */
const YANJIANG = 'sp-yanjiang-elder-canteen';
const PAUSED_DEMO = 'sp-220681002-laundry-0110';

describe(`residents’ reports on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  let as: Record<'worker' | 'street' | 'provider' | 'resident' | 'elder' | 'volunteer', { authorization: string }>;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: { authorization: string }, payload?: object) =>
    t.app.inject({ method, url, headers, payload });

  beforeAll(async () => {
    t = await createTestApp();
    as = {
      worker: await t.signIn('worker'),
      street: await t.signIn('street'),
      provider: await t.signIn('provider'),
      resident: await t.signIn('resident'),
      elder: await t.signIn('elder'),
      volunteer: await t.signIn('volunteer'),
    };
  });
  afterAll(() => t.close());

  describe('residents’ reports', () => {
    it('takes a report with its deadline in working days, and no more than the daily limit', async () => {
      const first = await call('POST', `/api/services/${CANTEEN}/corrections`, as.elder, { kind: 'phone' });
      expect(first.statusCode).toBe(201);
      // Thursday 2026-11-26 + 3 working days (the weekend skipped).
      expect(first.json().correction).toMatchObject({ kind: 'phone', state: 'open', dueDate: '2026-12-01', overdue: false, outcome: null });
      expect((await call('POST', `/api/services/${CANTEEN}/corrections`, as.elder, { kind: 'hours', text: '周日不开' })).statusCode).toBe(201);
      expect((await call('POST', `/api/services/${CANTEEN}/corrections`, as.elder, { kind: 'address' })).statusCode).toBe(201);
      const over = await call('POST', `/api/services/${CANTEEN}/corrections`, as.elder, { kind: 'address' });
      expect(over.statusCode).toBe(429);
      expect(over.json().error.message).toContain('每天最多');
    });

    it('keeps the daily limit when reports arrive at the same instant', async () => {
      const answers = await Promise.all(
        ['phone', 'hours', 'address', 'closed', 'phone', 'hours', 'address', 'closed'].map((kind) => call('POST', `/api/services/sp-220681002-home-care-station-0073/corrections`, as.provider, { kind })),
      );
      expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 201, 201, 429, 429, 429, 429, 429]);
    });

    it('answers a retry with the same Idempotency-Key with the same report, even past the daily limit', async () => {
      const send = (body: object, key: string) =>
        t.app.inject({ method: 'POST', url: `/api/services/${YANJIANG}/corrections`, headers: { ...as.volunteer, 'idempotency-key': key }, payload: body });
      const first = await send({ kind: 'hours', text: '周六不开门' }, 'retry-key-0001');
      expect(first.statusCode).toBe(201);
      await send({ kind: 'phone' }, 'retry-key-0002');
      await send({ kind: 'address' }, 'retry-key-0003');
      const again = await send({ kind: 'hours', text: '周六不开门' }, 'retry-key-0001');
      expect(again.statusCode).toBe(201);
      expect(again.headers['idempotent-replayed']).toBe('true');
      expect(again.json().correction.id).toBe(first.json().correction.id);
      expect((await send({ kind: 'other', text: '别的' }, 'retry-key-0001')).statusCode).toBe(422);
      expect((await send({ kind: 'phone' }, 'retry-key-0004')).statusCode).toBe(429);
      expect((await send({ kind: 'phone' }, 'bad key')).statusCode).toBe(400);
    });

    it('asks what is wrong when the kind is 其他, and needs a sign-in', async () => {
      const missing = await call('POST', `/api/services/${CANTEEN}/corrections`, as.resident, { kind: 'other' });
      expect(missing.statusCode).toBe(400);
      expect(missing.json().error.fields.text).toMatch(/^说明：/);
      const wrongKind = await call('POST', `/api/services/${CANTEEN}/corrections`, as.resident, { kind: 'noise' });
      expect(wrongKind.json().error.fields.kind).toMatch(/^问题类型：/);
      expect((await call('POST', `/api/services/${CANTEEN}/corrections`, undefined, { kind: 'phone' })).statusCode).toBe(401);
    });

    it('shows the open count on the detail', async () => {
      expect((await call('GET', `/api/services/${CANTEEN}`)).json().openReports).toBe(3);
    });

    it('queues open reports of the worker’s points by due date, overdue marked, never the reporter', async () => {
      const queue = (await call('GET', '/api/corrections?state=open', as.worker)).json().items as Array<Record<string, unknown>>;
      expect(queue.length).toBeGreaterThanOrEqual(4);
      const dues = queue.map((c) => c.dueDate as string);
      expect(dues).toEqual([...dues].sort());
      // The demo's report of 10 days ago is past its deadline.
      expect(queue[0]).toMatchObject({ pointId: 'sp-xinshi-night-store', overdue: true });
      expect(JSON.stringify(queue)).not.toMatch(/userId|user_id|displayName|reporter/);
      expect((await call('GET', '/api/corrections', as.resident)).statusCode).toBe(403);
      expect((await call('GET', '/api/corrections', as.provider)).statusCode).toBe(403);
    });

    it('handles a report once, tells the reporter, and refuses other 社区', async () => {
      const [report] = (await call('GET', '/api/corrections/mine', as.elder)).json().items;
      const yanjiang = await call('POST', `/api/services/${YANJIANG}/corrections`, as.elder, { kind: 'phone' });
      // The elder's daily limit is used up: the resident reports the 沿江 point instead.
      expect(yanjiang.statusCode).toBe(429);
      const other = (await call('POST', `/api/services/${YANJIANG}/corrections`, as.resident, { kind: 'phone' })).json().correction;
      expect((await call('POST', `/api/corrections/${other.id}/actions`, as.worker, { outcome: 'confirmed' })).statusCode).toBe(403);
      expect((await call('POST', '/api/corrections/999999/actions', as.worker, { outcome: 'confirmed' })).statusCode).toBe(404);

      const done = await call('POST', `/api/corrections/${report.id}/actions`, as.worker, { outcome: 'corrected', note: '电话已更新' });
      expect(done.statusCode).toBe(200);
      expect(done.json().correction).toMatchObject({ state: 'handled', outcome: 'corrected', note: '电话已更新' });
      expect((await call('POST', `/api/corrections/${report.id}/actions`, as.worker, { outcome: 'confirmed' })).statusCode).toBe(409);

      const messages = (await call('GET', '/api/messages', as.elder)).json().items as Array<{ kind: string; body: string }>;
      expect(messages[0].kind).toBe('correction.corrected');
      expect(messages[0].body).toContain('已更正');
      expect(messages[0].body).toContain('电话已更新');
      expect((await call('GET', '/api/corrections/mine', as.elder)).json().items.find((c: { id: number }) => c.id === report.id).state).toBe('handled');
    });

    it('pauses a point from a report: paused in the list and the detail', async () => {
      const report = (await call('POST', `/api/services/${YANJIANG}/corrections`, as.resident, { kind: 'closed', text: '在装修' })).json().correction;
      const pause = { from: '2026-11-26', to: '2026-12-20', reason: '装修' };
      expect((await call('POST', `/api/corrections/${report.id}/actions`, as.street, { outcome: 'confirmed', pause })).statusCode).toBe(200);
      expect((await call('GET', `/api/services/${YANJIANG}`)).json().paused).toEqual(pause);
      const near = (await call('GET', '/api/services?lat=41.806&lng=126.91&radius=20000&limit=50&category=elder-canteen')).json();
      const item = near.items.find((i: { id: string }) => i.id === YANJIANG);
      expect(item.paused).toEqual(pause);
      expect(near.items.find((i: { id: string }) => i.id !== YANJIANG).paused).toBeNull();
      // Once over, no longer shown.
      t.clock.set(new Date('2026-12-21T02:00:00Z'));
      try {
        expect((await call('GET', `/api/services/${YANJIANG}`)).json().paused).toBeNull();
      } finally {
        t.clock.set(new Date('2026-11-26T02:00:00Z'));
      }
    });

    it('shows the demo’s paused laundry as paused', async () => {
      expect((await call('GET', `/api/services/${PAUSED_DEMO}`)).json().paused).toMatchObject({ reason: '店面装修' });
    });

    it('closes a point: it leaves the list, the search and the detail', async () => {
      const storeCount = async () => {
        const { categories } = (await call('GET', '/api/categories')).json() as { categories: Array<{ subcategories: Array<{ id: string; count: number }> }> };
        return categories.flatMap((c) => c.subcategories).find((s) => s.id === 'convenience-store')?.count;
      };
      const before = await storeCount();
      const report = (await call('POST', `/api/services/sp-xinshi-night-store/corrections`, as.resident, { kind: 'closed' })).json().correction;
      expect((await call('POST', `/api/corrections/${report.id}/actions`, as.worker, { outcome: 'closed' })).statusCode).toBe(200);
      expect(await storeCount()).toBe(before! - 1);
      expect((await call('GET', '/api/services/sp-xinshi-night-store')).statusCode).toBe(404);
      const ids = (url: string) => call('GET', url).then((r) => r.json().items.map((i: { id: string }) => i.id));
      expect(await ids('/api/services?community=xinshi&limit=50')).not.toContain('sp-xinshi-night-store');
      expect(await ids('/api/services?lat=41.806&lng=126.91&radius=20000&limit=50')).not.toContain('sp-xinshi-night-store');
      expect((await call('GET', '/api/services/sp-xinshi-night-store/editable', as.worker)).statusCode).toBe(404);
      const messages = (await call('GET', '/api/messages', as.resident)).json().items as Array<{ kind: string; link: string | null }>;
      expect(messages[0]).toMatchObject({ kind: 'correction.closed', link: null });
    });
  });


  it('exports a reporter’s reports and unlinks them when the account goes', async () => {
    const exported = (await call('GET', '/api/me/data', as.resident)).json().data.corrections.reports as Array<{ kind: string; text: string | null }>;
    expect(exported.some((r) => r.text === '在装修')).toBe(true);
    const resident = await t.app.db.selectFrom('users').select('id').where('demo_key', '=', 'resident').executeTakeFirstOrThrow();
    expect((await t.app.inject({ method: 'DELETE', url: '/api/me', headers: as.resident, payload: { confirm: '注销' } })).statusCode).toBeLessThan(300);
    const left = await t.app.db.selectFrom('corrections').select(['user_id', 'text']).where('user_id', '=', resident.id).execute();
    expect(left).toEqual([]);
    const kept = await t.app.db.selectFrom('corrections').select('text').where('user_id', 'is', null).execute();
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.every((r) => r.text === null)).toBe(true);
  });
});
