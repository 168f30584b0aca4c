import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import accountSeed from '../seeds/accounts.json';
import { createTestApp, type TestApp } from './testing/app';
import { testDatabaseKind } from './testing/databases';

describe('app without an h5 build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('answers health with the database checked', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, db: 'ok', database: testDatabaseKind() });
  });

  it('serves an OpenAPI document generated from the zod schemas', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toMatch(/^3\./);
    const demoBody = doc.paths['/api/auth/demo'].post.requestBody.content['application/json'].schema;
    expect(demoBody.properties.account.enum).toEqual(accountSeed.accounts.map((account) => account.key));
    expect(doc.paths['/api/towns'].get.responses['200']).toBeDefined();
    expect(doc.paths['/api/openapi.json']).toBeUndefined();
  });

  it('tells how to build the h5 app at /', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('npm run build:h5');
  });

  it('lists the 13 towns with their communities, publicly', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/towns' });
    expect(response.statusCode).toBe(200);
    const { towns } = response.json();
    expect(towns).toHaveLength(13);
    const xinshiStreet = towns.find((town: { name: string }) => town.name === '新市街道');
    expect(xinshiStreet.code).toBe('220681002');
    const names = xinshiStreet.communities.map((c: { name: string; isDemo: boolean }) => [c.name, c.isDemo]);
    expect(names).toEqual(expect.arrayContaining([['新市社区', false], ['沿江社区', false]]));
    for (const town of towns) expect(town.communities.length).toBeGreaterThan(0);
    const invented = towns.flatMap((town: { communities: { isDemo: boolean }[] }) => town.communities).filter((c: { isDemo: boolean }) => c.isDemo);
    expect(invented.length).toBeGreaterThan(10);
  });
});

describe('app with an h5 build', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
    await t.close();
    // Rebuild on the same folder, now with a built app in STATIC_DIR.
    const staticDir = join(t.dir, 'h5');
    mkdirSync(join(staticDir, 'js'), { recursive: true });
    writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>临江社区服务</title>');
    writeFileSync(join(staticDir, 'js', 'app.0123abcd.js'), 'console.log("app")');
    t = await createTestApp({ env: { STATIC_DIR: staticDir } });
  });
  afterAll(() => t.close());

  it('serves index.html at / and the built files', async () => {
    const home = await t.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('临江社区服务');
    expect(home.headers['cache-control']).toBe('no-cache');
    const script = await t.app.inject({ method: 'GET', url: '/js/app.0123abcd.js' });
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it('falls back to index.html for other pages but keeps a JSON 404 under /api', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/pages/me/index' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('临江社区服务');
    const api = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口，请检查地址' } });
  });
});
