/**
 * One elderly-care booking on the weapp bundle against the real API (mini-runtime.ts + the real server in-process,
 * every wx.request answered by `app.inject`): 王秀兰 signs in with the demo account, opens 助餐 for her mother,
 * picks lunch, the first slot with places, 送餐, sees the price after subsidy, confirms, and lands on the booking's
 * page in the care subpackage. The server's clock is the real time, as the phone's is (the page offers days from
 * the phone's today). Usage: tsx scripts/weapp/headless-care.ts [distDir].
 */
import path from 'node:path';
import type { BookingPage } from '../../contract/care';
import { fixedClock } from '../../server/lib/clock';
import { createTestApp } from '../../server/testing/app';
import { createChecklist, createMiniRuntime, findAllByIdPrefix, injectInto, runAsProcess, textOf } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const LOGIN_ROUTE = 'features/account/pages/login/index';
const BOOK_ROUTE = 'features/care/pages/book/index';
const LUNCH = 'cs-xinshi-lunch';

async function main(): Promise<number> {
  const server = await createTestApp({ clock: fixedClock(new Date()) });
  const answered: Array<{ method: string; url: string; status: number; key?: string }> = [];
  const forward = injectInto(server.app, API_BASE);
  const runtime = createMiniRuntime({
    distDir,
    request: async (options) => {
      const result = await forward(options);
      answered.push({ method: options.method ?? 'GET', url: options.url, status: result.statusCode, key: options.header?.['Idempotency-Key'] });
      return result;
    },
  });
  const { check, finish } = createChecklist();
  try {
    runtime.launch(LOGIN_ROUTE);
    const login = await runtime.openPage(LOGIN_ROUTE);
    if (login.find('consent-agree')) await login.tap('consent-agree');
    await login.tap('login-demo-resident');
    check('signed in as 王秀兰 登录', answered.some((a) => a.url.endsWith('/api/auth/demo') && a.status === 200), answered.map((a) => `${a.status} ${a.url}`).join(', '));
    login.hide();

    const book = await runtime.openPage(BOOK_ROUTE, { group: 'meal' });
    check('her mother is chosen already 已选好老人', /已选[\s\S]*张桂芝/.test(textOf(book.find('book-elder'))), textOf(book.find('book-elder')) || book.text());
    await book.tap(`service-${LUNCH}`);
    const open = findAllByIdPrefix(book.root(), `slot-${LUNCH}:`).find((n) => textOf(n).includes('个名额'));
    check('a lunch slot with places left 有名额的时段', Boolean(open), textOf(book.find('book-slot')) || book.text());
    if (!open) return 1;
    await book.tap(open.uid!);
    await book.tap('meal-delivery');
    const price = textOf(book.find('book-price'));
    check('price after subsidy shown before confirming 先显示补贴后价格', /¥13\.00（已补贴 ¥5\.00）/.test(price), price || book.text());
    await book.tap('book-next');
    check('confirmation step 核对预约', textOf(book.find('book-confirm')).includes('请核对预约'), book.text());
    await book.tap('book-submit');

    const posts = answered.filter((a) => a.method === 'POST' && a.url === `${API_BASE}/api/bookings`);
    check('one POST /api/bookings answered 201 with an Idempotency-Key 一次预约', posts.length === 1 && posts[0].status === 201 && /^[A-Za-z0-9_-]{8,64}$/.test(posts[0].key ?? ''), JSON.stringify(posts));
    const to = String(runtime.calls.filter((c) => c.api === 'redirectTo').pop()?.options.url ?? '');
    check('the result is the booking’s page 结果页', /^\/features\/care\/pages\/booking\/index\?id=\d+&booked=1$/.test(to), to || 'no wx.redirectTo');

    const headers = await server.signIn('resident');
    const mine = (await server.app.inject({ method: 'GET', url: '/api/bookings', headers })).json() as BookingPage;
    const lunches = mine.items.filter((b) => b.service.id === LUNCH && b.mealMode === 'delivery');
    check('the server has exactly one such booking 服务器上正好一份', lunches.length === 1, JSON.stringify(mine.items.map((b) => b.slot.id)));
  } finally {
    await server.close();
  }
  return finish(answered, runtime.errors);
}

runAsProcess(main, 'the care run threw 助老预约运行失败');
