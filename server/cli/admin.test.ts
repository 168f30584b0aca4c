import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from '../testing/app';
import { createWorker } from '../features/auth/workers';
import { importServicePoints, POINT_COLUMNS } from './import-points';

jest.setTimeout(60_000);

const header = POINT_COLUMNS.join(',');
const goodRow = [
  'sp-import-canteen-1', '新市社区第二长者食堂', 'elder-canteen', '220681002', 'xinshi', '临江市新市街道新市街300号', '41.812', '126.927',
  '0439-5384000', '"06:30-09:00,11:00-13:00"', '11:00-13:00', '', '"午餐:800:餐:400|送餐上门:200:次"', '临江市新市颐康养老服务中心',
  '无障碍坡道|适老扶手', '为老人提供午餐', '2026-11-20',
].join(',');

describe('a production database (NODE_ENV=production)', () => {
  let t: TestApp;
  let wechat: Server;
  beforeAll(async () => {
    // A fake WeChat that knows one login code.
    wechat = createServer((request, response) => {
      const code = new URL(request.url ?? '/', 'http://x').searchParams.get('js_code');
      response.end(JSON.stringify(code === 'good-code' ? { openid: 'openid-of-zhang-min', session_key: 'k' } : { errcode: 40029 }));
    });
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
    const port = (wechat.address() as AddressInfo).port;
    t = await createTestApp({
      env: { NODE_ENV: 'production', WECHAT_APPID: 'wx-test', WECHAT_SECRET: 'secret', WECHAT_API_BASE: `http://127.0.0.1:${port}` },
    });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => wechat.close(resolve));
  });

  it('has the places and the category tree, but no demo accounts and no invented service points', async () => {
    expect((await t.app.db.selectFrom('towns').select('code').execute()).length).toBe(13);
    expect(await t.app.db.selectFrom('users').select('id').execute()).toEqual([]);
    expect(await t.app.db.selectFrom('service_points').select('id').execute()).toEqual([]);
    const categories = (await t.app.inject({ method: 'GET', url: '/api/categories' })).json();
    expect(JSON.stringify(categories)).toContain('elder-canteen');
  });

  it('imports service points from CSV: every row checked first, nothing written when one is wrong', async () => {
    const badRows = [
      goodRow,
      goodRow, // the same id twice
      goodRow.replace('sp-import-canteen-1', 'sp-import-2').replace('elder-canteen', 'no-such-kind'),
      goodRow.replace('sp-import-canteen-1', 'sp-import-3').replace('"06:30-09:00,11:00-13:00"', '早上'),
      'too,few,columns',
    ];
    const refused = await importServicePoints(t.app.db, `\uFEFF${header}\r\n${badRows.join('\r\n')}\r\n`);
    expect(refused.imported).toBe(0);
    expect(refused.errors.map((e) => e.line)).toEqual([3, 4, 5, 6]);
    expect(refused.errors[0].message).toContain('已经存在');
    expect(refused.errors[1].message).toContain('没有这个服务类别');
    expect(refused.errors[2].message).toContain('08:00-17:00');
    expect(refused.errors[3].message).toContain('应有 17 列');
    expect(await t.app.db.selectFrom('service_points').select('id').execute()).toEqual([]);

    const imported = await importServicePoints(t.app.db, `${header}\n${goodRow}\n`);
    expect(imported).toEqual({ imported: 1, errors: [] });
    const detail = (await t.app.inject({ method: 'GET', url: '/api/services/sp-import-canteen-1' })).json();
    expect(detail).toMatchObject({ name: '新市社区第二长者食堂', isDemo: false, phone: '0439-5384000' });
    expect(detail.services.map((s: { name: string }) => s.name)).toEqual(['午餐', '送餐上门']);
    expect((await importServicePoints(t.app.db, `${header}\n${goodRow}\n`)).errors[0].message).toContain('已经存在');
  });

  it('creates the first worker, who activates the account by signing in with WeChat and the code, once', async () => {
    const worker = await createWorker(t.app.db, t.app.privacy, t.clock(), { displayName: '张敏', communityId: 'xinshi' });
    expect(worker.activationCode).toMatch(/^[A-Z0-9]{8}$/);
    const signIn = (payload: object) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload });
    const wrong = await signIn({ code: 'good-code', activationCode: 'AAAAAAAA' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.activationCode).toContain('激活码不对或已过期');
    const first = await signIn({ code: 'good-code', activationCode: worker.activationCode });
    expect(first.statusCode).toBe(200);
    expect(first.json().user).toMatchObject({ id: worker.userId, role: 'worker', displayName: '张敏', scope: { communityId: 'xinshi' } });
    // The code is spent; the same WeChat user now simply signs in to the worker account.
    expect((await signIn({ code: 'good-code', activationCode: worker.activationCode })).statusCode).toBe(400);
    expect((await signIn({ code: 'good-code' })).json().user.id).toBe(worker.userId);
  });
});

describe('production without WeChat credentials', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('says sign-in is not set up, and never points to demo accounts', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'abc' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toBe('登录功能尚未开通（服务器还没有配置微信小程序凭据），请稍后再试或联系社区工作人员');
    expect(response.json().error.message).not.toContain('演示');
  });
});
