/**
 * One volunteer sign-up on the weapp bundle against the real API (mini-runtime.ts + the real server in-process,
 * every wx.request answered by `app.inject`): a worker has published an activity three weeks ahead; 李志强
 * (`volunteer`, registered) signs in, opens it in the volunteers subpackage, taps 我要报名, confirms, and the
 * page says 您已报名 — and the server has exactly that one sign-up. Usage: tsx scripts/weapp/headless-volunteers.ts [distDir].
 */
import path from 'node:path';
import type { ActivityDetail, RecordPage } from '../../contract/volunteers';
import { fixedClock } from '../../server/lib/clock';
import { createTestApp } from '../../server/testing/app';
import { createChecklist, createMiniRuntime, injectNoting, type AnsweredRequest, runAsProcess, textOf } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const LOGIN_ROUTE = 'features/account/pages/login/index';
const ACTIVITY_ROUTE = 'features/volunteers/pages/activity/index';
const DAY = 86_400_000;

async function main(): Promise<number> {
  const now = new Date();
  const server = await createTestApp({ clock: fixedClock(now) });
  const { check, finish } = createChecklist();
  const answered: AnsweredRequest[] = [];
  const runtime = createMiniRuntime({ distDir, request: injectNoting(server.app, API_BASE, answered) });
  // The person taps 确定 on every question (wx.showModal answers confirm: true, as a tap on the confirm button does).
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.showModal = (o: { success?: (r: unknown) => void; complete?: (r: unknown) => void }) =>
    setTimeout(() => {
      o.success?.({ confirm: true, cancel: false, errMsg: 'showModal:ok' });
      o.complete?.({ confirm: true, cancel: false });
    }, 0);
  try {
    const worker = await server.signIn('worker');
    const start = Date.parse(now.toISOString().slice(0, 10)) + 21 * DAY + 2 * 3_600_000;
    const published = await server.app.inject({
      method: 'POST',
      url: '/api/activities',
      headers: worker,
      payload: {
        communityId: 'xinshi',
        title: '陪伴独居老人聊天',
        description: '陪独居老人聊天。',
        address: '新市社区党群服务中心',
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 2 * 3_600_000).toISOString(),
        signupDeadline: new Date(start - DAY).toISOString(),
        capacity: 5,
        targetGroup: 'left-behind-elders',
      },
    });
    const activity = published.json() as ActivityDetail;
    check('the worker published an activity 发布活动', published.statusCode === 201, published.body);

    runtime.launch(LOGIN_ROUTE);
    const login = await runtime.openPage(LOGIN_ROUTE);
    if (login.find('consent-agree')) await login.tap('consent-agree');
    await login.tap('login-demo-volunteer');
    login.hide();

    const page = await runtime.openPage(ACTIVITY_ROUTE, { id: String(activity.id) });
    check('the activity with places left 活动详情', /陪伴独居老人聊天[\s\S]*还剩 5 个名额/.test(page.text()), page.text());
    await page.tap('activity-signup');
    const posts = answered.filter((a) => a.method === 'POST' && a.url === `${API_BASE}/api/activities/${activity.id}/signups`);
    check('one POST …/signups answered 201 一次报名', posts.length === 1 && posts[0].status === 201, JSON.stringify(posts));
    check('the page says 您已报名', textOf(page.find('my-signup')).includes('您已报名'), page.text());

    const headers = await server.signIn('volunteer');
    const records = (await server.app.inject({ method: 'GET', url: '/api/volunteers/me/records', headers })).json() as RecordPage;
    const mine = records.items.filter((r) => r.activity.id === activity.id);
    check('the server has exactly this sign-up 服务器上正好一条', mine.length === 1 && mine[0].status === 'signedUp', JSON.stringify(mine));
  } finally {
    await server.close();
  }
  return finish(answered, runtime.errors);
}

runAsProcess(main, 'the volunteer run threw 志愿报名运行失败');
