/**
 * Staff keep points right (issue 20), through the API: edit and 核实 within their scope only, validation in
 * Chinese, the version decides between edits, workers add points, the list of points not checked for 180 days.
 * Concurrent edits on real processes: point-edit-races.test.ts.
 */
import type { EditablePoint } from '@contract/upkeep';
import { createTestApp, type TestApp } from '../../testing/app';
import { testDatabaseKind } from '../../testing/databases';

jest.setTimeout(60_000);

const CANTEEN = 'sp-xinshi-elder-canteen';
/** A 沿江社区 point: outside the 新市社区 worker's scope, inside the 新市街道 worker's. */
const YANJIANG = 'sp-yanjiang-elder-canteen';

describe(`staff editing points on ${testDatabaseKind()}`, () => {
  let t: TestApp;
  let as: Record<'worker' | 'street' | 'provider' | 'resident' | 'city', { authorization: string }>;

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


  it('lists the worker’s points not checked for 180 days, oldest first', async () => {
    const items = (await call('GET', '/api/services/stale', as.worker)).json().items as Array<{ id: string; verifiedAt: string; daysSince: number }>;
    expect(items.map((i) => i.id)).toEqual(expect.arrayContaining(['sp-220681002-science-station-0087', 'sp-220681002-bank-0121']));
    expect(items.every((i) => i.daysSince >= 180)).toBe(true);
    expect(items.map((i) => i.verifiedAt)).toEqual([...items.map((i) => i.verifiedAt)].sort());
    expect(items.map((i) => i.id)).not.toContain(YANJIANG);
    expect((await call('GET', '/api/services/stale', as.provider)).statusCode).toBe(403);
  });

});
