/**
 * The h5 app as the real server sends it, on a built folder made here (dist-h5 need not exist): the
 * precompressed twins of scripts/h5/precompress.ts chosen by Accept-Encoding, cache headers, the index.html
 * fallback of the hash router, and the app's CSP untouched by compression.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { precompressFolder } from '../../scripts/h5/precompress';
import { createTestApp, type TestApp } from '../testing/app';

const SCRIPT = `/* the app */ ${'console.log("临江社区服务");\n'.repeat(200)}`;
const STYLE = `.card { background: #fff; }\n`.repeat(100);
const INDEX = `<!doctype html><html lang="zh-CN"><head><title>临江社区服务</title>
<script>document.documentElement.style.fontSize = "20px";</script>
<style>.boot-skeleton { background: #F5F6F8; }</style>
<script defer src="/js/app.0123abcd.js"></script><link href="/css/app.89abcdef.css" rel="stylesheet"></head>
<body><div id="app"></div>${'<div class="boot-skeleton__card"></div>'.repeat(20)}</body></html>`;

describe('the built h5 app, precompressed', () => {
  let t: TestApp;
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'linjiang-h5-'));
    mkdirSync(join(staticDir, 'js'));
    mkdirSync(join(staticDir, 'css'));
    writeFileSync(join(staticDir, 'index.html'), INDEX);
    writeFileSync(join(staticDir, 'js', 'app.0123abcd.js'), SCRIPT);
    writeFileSync(join(staticDir, 'css', 'app.89abcdef.css'), STYLE);
    writeFileSync(join(staticDir, 'js', 'tiny.01234567.js'), '1');
    await precompressFolder(staticDir);
    t = await createTestApp({ env: { STATIC_DIR: staticDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  const get = (url: string, acceptEncoding?: string) =>
    t.app.inject({ method: 'GET', url, headers: acceptEncoding === undefined ? {} : { 'accept-encoding': acceptEncoding } });

  it('sends brotli to a browser that accepts it, cached for a year', async () => {
    const script = await get('/js/app.0123abcd.js', 'gzip, deflate, br, zstd');
    expect(script.statusCode).toBe(200);
    expect(script.headers['content-encoding']).toBe('br');
    expect(script.headers['content-type']).toMatch(/javascript/);
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(script.headers.vary).toBe('Accept-Encoding');
    expect(Number(script.headers['content-length'])).toBe(script.rawPayload.length);
    expect(script.rawPayload.length).toBeLessThan(Buffer.byteLength(SCRIPT) / 10);
    expect(brotliDecompressSync(script.rawPayload).toString('utf8')).toBe(SCRIPT);
  });

  it('sends gzip to a browser without brotli, and the plain file to one that accepts neither', async () => {
    const gzipped = await get('/css/app.89abcdef.css', 'gzip');
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    expect(gzipped.headers['content-type']).toMatch(/text\/css/);
    expect(gzipped.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(gunzipSync(gzipped.rawPayload).toString('utf8')).toBe(STYLE);

    for (const identity of [undefined, 'identity']) {
      const plain = await get('/css/app.89abcdef.css', identity);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.headers.vary).toBe('Accept-Encoding');
      expect(plain.body).toBe(STYLE);
    }
  });

  it('sends a file plain when compressing would not have made it smaller', async () => {
    const tiny = await get('/js/tiny.01234567.js', 'br, gzip');
    expect(tiny.statusCode).toBe(200);
    expect(tiny.headers['content-encoding']).toBeUndefined();
    expect(tiny.body).toBe('1');
  });

  it('sends index.html compressed and never cached, at / and for every app path of the hash router', async () => {
    for (const url of ['/', '/index.html', '/pages/services/index']) {
      const page = await get(url, 'br');
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-encoding']).toBe('br');
      expect(page.headers['content-type']).toMatch(/text\/html/);
      expect(page.headers['cache-control']).toBe('no-cache');
      expect(page.headers.vary).toBe('Accept-Encoding');
      expect(brotliDecompressSync(page.rawPayload).toString('utf8')).toBe(INDEX);
    }
  });

  it('keeps the app CSP of the built index.html on compressed answers, and the API its own', async () => {
    const inline = /<script>([^<]*)<\/script>/.exec(INDEX)![1];
    const hash = createHash('sha256').update(inline, 'utf8').digest('base64');
    const policies = new Set<string>();
    for (const url of ['/', '/js/app.0123abcd.js', '/pages/me/index']) {
      const answer = await get(url, 'br');
      policies.add(answer.headers['content-security-policy'] as string);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    expect([...policies]).toHaveLength(1);
    expect([...policies][0]).toContain(`script-src 'self' 'sha256-${hash}'`);
    const missing = await get('/api/nothing-here', 'br');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-encoding']).toBeUndefined();
    expect(missing.headers['cache-control']).toBe('no-store');
    expect(missing.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口，请检查地址' } });
  });
});
