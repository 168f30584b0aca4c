/**
 * The content check of public comments: WeChat's msgSecCheck when WeChat is configured (a fake WeChat on
 * 127.0.0.1 here), the local word list otherwise or when WeChat fails.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { MyRating, PointRatings } from '@contract/ratings';
import { createTestApp, type TestApp } from '../../testing/app';
import { blockedWordIn } from './content-check';
import { requester, signInNewUser } from './test-helpers';

const POINT = 'sp-220681002-photo-print-0113';

describe('the local word list', () => {
  it('finds listed words whatever the case and spacing, and nothing in ordinary text', () => {
    expect(blockedWordIn('这家店老板是 王 八 蛋')).toBe('王八蛋');
    expect(blockedWordIn('加 微信 领红包')).toBe('加微信');
    expect(blockedWordIn('复印很清楚，价格公道，USB 插上就能打印。')).toBeNull();
  });
});

describe('msgSecCheck through a fake WeChat', () => {
  let wechat: Server;
  let t: TestApp;
  const calls: Array<{ path: string; body: Record<string, unknown> }> = [];

  beforeAll(async () => {
    wechat = createServer((request, response) => {
      let raw = '';
      request.on('data', (chunk) => (raw += chunk));
      request.on('end', () => {
        const url = new URL(request.url ?? '/', 'http://127.0.0.1');
        const body = JSON.parse(raw || '{}') as Record<string, unknown>;
        calls.push({ path: url.pathname, body });
        response.setHeader('content-type', 'text/plain');
        if (url.pathname === '/cgi-bin/stable_token') return response.end(JSON.stringify({ access_token: 'token-1', expires_in: 7200 }));
        if (url.pathname !== '/wxa/msg_sec_check' || url.searchParams.get('access_token') !== 'token-1') return response.end('{"errcode":40001}');
        const content = String(body.content);
        if (content.includes('微信说不行')) return response.end(JSON.stringify({ errcode: 87014, errmsg: 'risky content' }));
        if (content.includes('微信出错')) return response.end(JSON.stringify({ errcode: -1, errmsg: 'system error' }));
        response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
      });
    });
    await new Promise<void>((resolve) => wechat.listen(0, '127.0.0.1', resolve));
    const { port } = wechat.address() as AddressInfo;
    t = await createTestApp({ env: { WECHAT_APPID: 'wx-ratings-test', WECHAT_SECRET: 'secret', WECHAT_API_BASE: `http://127.0.0.1:${port}` } });
  });
  afterAll(async () => {
    await t.close();
    await new Promise((resolve) => wechat.close(resolve));
  });

  async function rateWith(comment: string): Promise<MyRating> {
    const req = requester(t.app);
    const user = await signInNewUser(t.app, { name: '林芳', role: 'resident' });
    const visit = (await req.post(`/api/services/${POINT}/visits`, user.headers)).json();
    const response = await req.post('/api/ratings', user.headers, { interaction: { kind: 'visit', id: visit.id }, level: 4, tags: [], comment });
    expect(response.statusCode).toBe(201);
    return response.json();
  }

  it('publishes a comment WeChat passes, and asks WeChat about the comment itself', async () => {
    const rating = await rateWith('打印很快，老板人很好。');
    expect(rating).toMatchObject({ commentStatus: 'public', commentNote: null });
    expect(calls.find((c) => c.path === '/wxa/msg_sec_check')?.body).toEqual({ content: '打印很快，老板人很好。' });
  });

  it('keeps a comment WeChat refuses private and tells the rater why', async () => {
    const rating = await rateWith('微信说不行的话');
    expect(rating.commentStatus).toBe('private');
    expect(rating.commentNote).toMatch(/未通过微信的内容安全检查，只有您自己能看到/);
    const summary: PointRatings = (await requester(t.app).get(`/api/services/${POINT}/ratings`)).json();
    expect(summary.items.find((c) => c.id === rating.id)?.comment).toBeNull();
  });

  it('falls back to the local word list when WeChat answers with an error', async () => {
    expect((await rateWith('微信出错，但内容正常')).commentStatus).toBe('public');
    expect((await rateWith('微信出错，老板是混蛋')).commentStatus).toBe('private');
  });
});
