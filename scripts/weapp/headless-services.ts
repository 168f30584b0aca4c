/**
 * The 服务 tab on the weapp bundle against the real API (mini-runtime.ts + the real server in-process):
 * every wx.request is answered by `app.inject` of a fresh app on a temp SQLite file (seeded demo directory, fixed
 * clock 10:00 China time on a working day), and wx.getLocation answers a GCJ-02 position at the demo origin near
 * 新市社区. A user agrees to the notice, allows the location, filters to 长者食堂, taps the nearest card and
 * reaches the detail page in the subpackage. Usage: tsx scripts/weapp/headless-services.ts [distDir].
 */
import path from 'node:path';
import servicePoints from '../../seeds/service-points.json';
import { createTestApp } from '../../server/testing/app';
import { createChecklist, createMiniRuntime, findAllByIdPrefix, injectInto, runAsProcess, textOf } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
/** The mini-program build's default API base (config/index.ts, TARO_APP_API_BASE). */
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const SERVICES_ROUTE = 'pages/services/index';
const DETAIL_ROUTE = 'features/directory/pages/detail/index';
/** The nearest elder canteen to the demo origin (seeds/service-points.json). */
const CANTEEN = servicePoints.points.find((p) => p.id === 'sp-xinshi-elder-canteen')!;
const CARD_PREFIX = 'service-card-';

async function main(): Promise<number> {
  const server = await createTestApp();
  const answered: Array<{ url: string; status: number }> = [];
  const forward = injectInto(server.app, API_BASE);
  const runtime = createMiniRuntime({
    distDir,
    location: { latitude: servicePoints.demoOrigin.lat, longitude: servicePoints.demoOrigin.lng },
    request: async (options) => {
      const result = await forward(options);
      answered.push({ url: options.url, status: result.statusCode });
      return result;
    },
  });
  const { check, finish } = createChecklist();
  try {
    runtime.launch(SERVICES_ROUTE);
    const page = await runtime.openPage(SERVICES_ROUTE);
    // First launch: the privacy notice comes first, on any page.
    if (page.find('consent-agree')) await page.tap('consent-agree');
    check('服务 tab asks before locating 先说明再定位', Boolean(page.find('location-allow')) && !runtime.calls.some((c) => c.api === 'getLocation'), page.text());

    await page.tap('location-allow');
    const asked = runtime.calls.find((c) => c.api === 'getLocation');
    check('wx.getLocation asked for GCJ-02 定位用 GCJ-02', asked?.options.type === 'gcj02', JSON.stringify(asked?.options.type));
    check('distances from 您的位置 距离从您的位置', textOf(page.find('origin-bar')).includes('您的位置'), textOf(page.find('origin-bar')) || page.text());

    const nearest = findAllByIdPrefix(page.root(), CARD_PREFIX);
    const cardTexts = nearest.map(textOf);
    check(
      `nearest-first cards with walking time and open state 卡片有步行时间和营业状态 (${nearest.length})`,
      nearest.length > 0 && cardTexts.every((t) => t.includes('步行约') && /营业中|已打烊/.test(t)),
      cardTexts.slice(0, 2).join(' | ') || page.text(),
    );
    const listRequest = runtime.calls.filter((c) => c.api === 'request' && String(c.options.url).includes('/api/services?')).pop();
    const listUrl = new URL(String(listRequest?.options.url ?? API_BASE));
    check(
      'the list request carries the position 列表请求带位置',
      Number(listUrl.searchParams.get('lat')) === servicePoints.demoOrigin.lat && Number(listUrl.searchParams.get('lng')) === servicePoints.demoOrigin.lng,
      listUrl.search,
    );

    // WeChat's custom tab bar (src/custom-tab-bar), placed under the tab page: 服务 marked, 我的 one tap away.
    const tabBar = await runtime.openComponent('custom-tab-bar/index');
    const servicesTab = tabBar.find('tab-services');
    check('the custom tab bar shows 首页 服务 我的 自定义底栏', tabBar.text() === '首页 服务 我的', tabBar.text() || 'empty');
    check(
      'the custom tab bar marks 服务 as current 底栏标出当前页',
      JSON.stringify(servicesTab ?? {}).includes('app-tab-bar__item--on') && !JSON.stringify(tabBar.find('tab-home') ?? {}).includes('app-tab-bar__item--on'),
      JSON.stringify(servicesTab ?? 'no #tab-services').slice(0, 160),
    );
    await tabBar.tap('tab-me');
    const switched = runtime.calls.filter((c) => c.api === 'switchTab').pop();
    check('tapping 我的 in the tab bar switches tab 底栏切换', switched?.options.url === '/pages/me/index', String(switched?.options.url ?? 'no wx.switchTab'));

    await page.tap('category-elderly');
    await page.tap('subcategory-elder-canteen');
    const canteens = findAllByIdPrefix(page.root(), CARD_PREFIX);
    const firstIds = canteens.slice(0, 3).map((n) => n.uid!.slice(CARD_PREFIX.length));
    check(`${CANTEEN.name} among the first 长者食堂 cards 最近的长者食堂`, firstIds.includes(CANTEEN.id), firstIds.join(', ') || page.text());
    check(
      'every card is a 长者食堂 and open at 10:00 or says closed 都是长者食堂',
      canteens.length > 0 && canteens.every((n) => textOf(n).includes('长者食堂/助餐点') && /营业中|已打烊/.test(textOf(n))),
      canteens.map(textOf).find((t) => !t.includes('长者食堂/助餐点')) ?? `${canteens.length} cards`,
    );
    const canteenCard = textOf(page.find(`${CARD_PREFIX}${CANTEEN.id}`));
    check(`${CANTEEN.name} card says 营业中 (06:30–18:30, server clock 10:00)`, canteenCard.includes('营业中'), canteenCard);

    await page.tap(`${CARD_PREFIX}${CANTEEN.id}`);
    const navigation = runtime.calls.filter((c) => c.api === 'navigateTo').pop();
    const target = String(navigation?.options.url ?? '');
    check('tapping the card opens the detail page 点卡片打开详情', target === `/${DETAIL_ROUTE}?id=${CANTEEN.id}`, target || 'no wx.navigateTo');

    page.hide();
    const detail = await runtime.openPage(DETAIL_ROUTE, { id: CANTEEN.id });
    check(`detail page shows ${CANTEEN.name} 详情页名称`, textOf(detail.find('detail-name')) === CANTEEN.name, detail.text());
    check('detail page shows 营业时间', textOf(detail.find('detail-hours')).includes('营业时间'), textOf(detail.find('detail-hours')) || detail.text());
    check('detail page shows the distance 详情页有距离', textOf(detail.find('detail-distance')).includes('步行约'), textOf(detail.find('detail-distance')) || 'no #detail-distance');
    check('detail page offers 打电话', textOf(detail.find('detail-call')).includes('打电话'), textOf(detail.find('detail-call')) || 'no #detail-call');
    await detail.tap('detail-call');
    const call = runtime.calls.filter((c) => c.api === 'makePhoneCall').pop();
    check('打电话 dials the point’s number 拨打服务点电话', call?.options.phoneNumber === CANTEEN.phone, String(call?.options.phoneNumber ?? 'no wx.makePhoneCall'));
  } finally {
    await server.close();
  }
  return finish(answered, runtime.errors);
}

runAsProcess(main, 'the services run threw 服务页运行失败');
