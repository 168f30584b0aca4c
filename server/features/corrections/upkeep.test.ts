/**
 * Issue 20 end to end through the API: staff edit and 核实 points within their scope only, the version decides
 * between edits, residents report wrong details (a few a day), workers handle them by a working-day deadline,
 * the reporter hears the outcome, closed points leave the directory, paused ones say so, the stale list.
 */
import type { EditablePoint } from '@contract/upkeep';
import { createTestApp, type TestApp } from '../../testing/app';
import { testDatabaseKind } from '../../testing/databases';

jest.setTimeout(60_000);

const CANTEEN = 'sp-xinshi-elder-canteen';
/** A 沿江社区 point: outside the 新市社区 worker's scope, inside the 新市街道 worker's. */
const YANJIANG = 'sp-yanjiang-elder-canteen';
const PAUSED_DEMO = 'sp-220681002-laundry-0110';

describe(`keeping the directory right on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  let as: Record<'worker' | 'street' | 'provider' | 'resident' | 'elder' | 'volunteer' | 'city', { authorization: string }>;

  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, headers?: { authorization: string }, payload?: object) =>
    t.app.inject({ method, url, headers, payload });
  const editable = async (id: string, who = as.worker) => (await call('GET', `/api/services/${id}/editable`, who)).json().point as EditablePoint;

  beforeAll(async () => {
    t = await createTestApp();
    as = {
      worker: await t.signIn('worker'),
      street: await t.signIn('street'),
      provider: await t.signIn('provider'),
      resident: await t.signIn('resident'),
      elder: await t.signIn('elder'),
      volunteer: await t.signIn('volunteer'),
      city: await t.signIn('city'),
    };
  });
  afterAll(() => t.close());

  describe('who may edit', () => {
    it('lets a provider edit its own point only', async () => {
      expect((await call('GET', `/api/services/${CANTEEN}/editable`, as.provider)).statusCode).toBe(200);
      expect((await call('GET', `/api/services/${YANJIANG}/editable`, as.provider)).statusCode).toBe(403);
      expect((await call('PATCH', `/api/services/${YANJIANG}`, as.provider, { version: 1, phone: '0439-1111111' })).statusCode).toBe(403);
    });

    it('lets a 社区 worker edit its 社区 and a 街道 worker its street', async () => {
      expect((await call('GET', `/api/services/${CANTEEN}/editable`, as.worker)).statusCode).toBe(200);
      expect((await call('GET', `/api/services/${YANJIANG}/editable`, as.worker)).statusCode).toBe(403);
      expect((await call('GET', `/api/services/${YANJIANG}/editable`, as.street)).statusCode).toBe(200);
      expect((await call('GET', `/api/services/${CANTEEN}/editable`, as.street)).statusCode).toBe(200);
    });

    it('refuses residents and the city officer, 404 for an unknown point, 401 signed out', async () => {
      expect((await call('GET', `/api/services/${CANTEEN}/editable`, as.resident)).statusCode).toBe(403);
      expect((await call('GET', `/api/services/${CANTEEN}/editable`, as.city)).statusCode).toBe(403);
      expect((await call('PATCH', `/api/services/${CANTEEN}`, as.resident, { version: 1, phone: '0439-1111111' })).statusCode).toBe(403);
      expect((await call('GET', '/api/services/sp-nowhere/editable', as.worker)).statusCode).toBe(404);
      expect((await call('GET', `/api/services/${CANTEEN}/editable`)).statusCode).toBe(401);
    });
  });

  describe('editing', () => {
    it('names a wrong field in Chinese and changes nothing', async () => {
      const before = await editable(CANTEEN);
      const response = await call('PATCH', `/api/services/${CANTEEN}`, as.worker, { version: before.version, phone: 'abc', lat: 200, name: ' ' });
      expect(response.statusCode).toBe(400);
      const { fields } = response.json().error;
      expect(fields.phone).toBe('电话：请填写电话号码，如 0439-5384293');
      expect(fields.lat).toMatch(/^纬度：/);
      expect(fields.name).toBe('名称：不能为空');
      expect((await editable(CANTEEN)).version).toBe(before.version);
    });

    it('saves an edit: version + 1, verified today, in the detail and the list, audited', async () => {
      const before = await editable(CANTEEN);
      const response = await call('PATCH', `/api/services/${CANTEEN}`, as.provider, { version: before.version, phone: '0439-7654321', name: '翠柳长者助餐点' });
      expect(response.statusCode).toBe(200);
      const point = response.json().point as EditablePoint;
      expect(point).toMatchObject({ phone: '0439-7654321', name: '翠柳长者助餐点', version: before.version + 1, verifiedAt: '2026-11-26' });
      const detail = (await call('GET', `/api/services/${CANTEEN}`)).json();
      expect(detail).toMatchObject({ phone: '0439-7654321', version: before.version + 1, verifiedAt: '2026-11-26' });
      const list = (await call('GET', '/api/services?q=翠柳&limit=50')).json();
      expect(list.items.map((i: { id: string }) => i.id)).toContain(CANTEEN);
      const entry = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'directory.point_edit').where('subject_id', '=', CANTEEN).executeTakeFirstOrThrow();
      const detailOf = JSON.parse(entry.detail!);
      expect(detailOf.fields).toBe('name,phone');
      expect(JSON.parse(detailOf.before).phone).toBe(before.phone);
      expect(JSON.parse(detailOf.after).phone).toBe('0439-7654321');
    });

    it('answers a stale version with 409, the current point and the fields the other edit changed', async () => {
      const start = await editable(CANTEEN);
      expect((await call('PATCH', `/api/services/${CANTEEN}`, as.worker, { version: start.version, description: '每天中午供应' })).statusCode).toBe(200);
      const late = await call('PATCH', `/api/services/${CANTEEN}`, as.provider, { version: start.version, address: '新市路 1 号' });
      expect(late.statusCode).toBe(409);
      const body = late.json();
      expect(body.code).toBe('version_conflict');
      expect(body.error.code).toBe('CONFLICT');
      expect(body.current.description).toBe('每天中午供应');
      expect(body.changed).toEqual(expect.arrayContaining(['description', 'address']));
      expect((await editable(CANTEEN)).address).not.toBe('新市路 1 号');
    });

    it('核实 moves only the date, and refuses a stale version', async () => {
      const point = await editable(YANJIANG, as.street);
      t.clock.set(new Date('2026-11-27T02:00:00Z'));
      try {
        const ok = await call('POST', `/api/services/${YANJIANG}/verify`, as.street, { version: point.version });
        expect(ok.statusCode).toBe(200);
        expect(ok.json().point).toEqual({ ...point, verifiedAt: '2026-11-27' });
        expect((await call('POST', `/api/services/${YANJIANG}/verify`, as.street, { version: point.version + 5 })).statusCode).toBe(409);
      } finally {
        t.clock.set(new Date('2026-11-26T02:00:00Z'));
      }
    });

    it('lets a worker add a point to its 社区, not to another', async () => {
      const template = await editable(CANTEEN);
      const { id: _id, version: _v, verifiedAt: _d, communityId: _c, ...fields } = template;
      const made = await call('POST', '/api/services', as.worker, { ...fields, name: '新市社区便民修鞋点', subcategory: 'elder-canteen' });
      expect(made.statusCode).toBe(201);
      const point = made.json().point as EditablePoint;
      expect(point).toMatchObject({ name: '新市社区便民修鞋点', communityId: 'xinshi', version: 1 });
      expect((await call('GET', `/api/services/${point.id}`)).statusCode).toBe(200);
      const elsewhere = await call('POST', '/api/services', as.worker, { ...fields, communityId: 'yanjiang' });
      expect(elsewhere.statusCode).toBe(400);
      expect(elsewhere.json().error.fields.communityId).toMatch(/^社区：/);
      expect((await call('POST', '/api/services', as.provider, fields)).statusCode).toBe(403);
    });
  });

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
      const report = (await call('POST', `/api/services/sp-xinshi-night-store/corrections`, as.resident, { kind: 'closed' })).json().correction;
      expect((await call('POST', `/api/corrections/${report.id}/actions`, as.worker, { outcome: 'closed' })).statusCode).toBe(200);
      expect((await call('GET', '/api/services/sp-xinshi-night-store')).statusCode).toBe(404);
      const ids = (url: string) => call('GET', url).then((r) => r.json().items.map((i: { id: string }) => i.id));
      expect(await ids('/api/services?community=xinshi&limit=50')).not.toContain('sp-xinshi-night-store');
      expect(await ids('/api/services?lat=41.806&lng=126.91&radius=20000&limit=50')).not.toContain('sp-xinshi-night-store');
      expect((await call('GET', '/api/services/sp-xinshi-night-store/editable', as.worker)).statusCode).toBe(404);
      const messages = (await call('GET', '/api/messages', as.resident)).json().items as Array<{ kind: string; link: string | null }>;
      expect(messages[0]).toMatchObject({ kind: 'correction.closed', link: null });
    });
  });

  it('lists the worker’s points not checked for 180 days, oldest first', async () => {
    const items = (await call('GET', '/api/services/stale', as.worker)).json().items as Array<{ id: string; verifiedAt: string; daysSince: number }>;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['sp-220681002-science-station-0087', 'sp-220681002-bank-0121']));
    expect(items.every((i) => i.daysSince >= 180)).toBe(true);
    expect(items.map((i) => i.verifiedAt)).toEqual([...items.map((i) => i.verifiedAt)].sort());
    expect(items.map((i) => i.id)).not.toContain(YANJIANG);
    expect((await call('GET', '/api/services/stale', as.provider)).statusCode).toBe(403);
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
