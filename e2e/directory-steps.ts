/** Steps the directory's browser journeys share (e2e/directory.test.ts, e2e/directory-residents.test.ts). */
import assert from 'node:assert/strict';
import servicePointSeed from '../seeds/service-points.json';
import { gcj02ToWgs84 } from '../src/features/directory/geo';
import type { App } from './harness';

/** Where the resident stands (GCJ-02, as our data); the phone's GPS reports WGS-84, ≈ 500 m away on the map. */
export const STANDING_AT = servicePointSeed.demoOrigin;
export const GPS = gcj02ToWgs84(STANDING_AT);

/** The first-launch notice: 长辈版 or not, then agree (or 不同意，仅浏览). Ends on 首页. */
export async function firstLaunch(app: App, elder: boolean, answer: 'agree' | 'decline' = 'agree'): Promise<void> {
  await app.openApp('/pages/home/index');
  if (elder) await app.tap('first-launch-elder-switch');
  await app.tap(answer === 'agree' ? 'consent-agree' : 'consent-decline');
  await app.page.locator('#entry-find-service').waitFor();
}

/**
 * Records the 服务 list's requests (GET /api/services, not a point's detail nor the ratings) from now on: the
 * query string of each, e.g. to count a returning user's list requests and see whether they carried the position.
 */
export function recordListRequests(app: App): URLSearchParams[] {
  const seen: URLSearchParams[] = [];
  app.page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/services') seen.push(url.searchParams);
  });
  return seen;
}

export async function useMyLocation(app: App): Promise<void> {
  await app.tap('entry-find-service');
  await app.page.getByText('用您的位置计算距离和步行时间').waitFor();
  await app.tap('location-allow');
  await app.page.getByText('距离从：您的位置').waitFor();
}

/** Waits until the page's slide-in animation has ended (the element stops moving), so screenshots are whole. */
export async function settled(app: App, selector: string): Promise<void> {
  let previous = -1;
  for (let i = 0; i < 40; i += 1) {
    const box = await app.page.locator(`${selector}:visible`).first().boundingBox();
    if (box && Math.abs(box.x - previous) < 0.5) return;
    previous = box?.x ?? -1;
    await app.page.waitForTimeout(100);
  }
}

/** Width and height in CSS px of the first visible element matching the selector. */
export async function boxOf(app: App, selector: string): Promise<{ width: number; height: number }> {
  await app.waitForVisible(selector);
  const box = await app.visible(selector).boundingBox();
  assert.ok(box, `${selector} is on screen`);
  return box;
}

/**
 * The tab bar of the page on screen, as DOMAIN §5 wants it in 长辈版 (labels ≥ 20 px, items ≥ 60 px high) or
 * normally (≥ 44 px): three items, the current one marked by aria-current and a bold label, not colour alone.
 */
export async function checkTabBar(app: App, current: '首页' | '服务' | '我的', elder: boolean): Promise<void> {
  // Right after a tab tap the previous tab's page (and bar) may still be the one shown, or sliding: measure the bar
  // of the page asked for, once it stands still.
  await app.page.locator('#app-tab-bar:visible .app-tab-bar__item[aria-current="page"]').filter({ hasText: current }).waitFor();
  await app.settle();
  const bar = app.visible('#app-tab-bar');
  await bar.waitFor();
  const items = await bar.locator('.app-tab-bar__item').evaluateAll((els) =>
    els.map((el) => {
      const label = el.querySelector('.app-tab-bar__label')!;
      const style = getComputedStyle(label);
      return {
        text: label.textContent,
        current: el.getAttribute('aria-current'),
        fontSize: parseFloat(style.fontSize),
        fontWeight: Number(style.fontWeight),
        height: el.getBoundingClientRect().height,
      };
    }),
  );
  assert.deepEqual(items.map((i) => i.text), ['首页', '服务', '我的']);
  for (const item of items) {
    assert.ok(item.height >= (elder ? 60 : 44), `tab ${item.text} is ${item.height} px high`);
    if (elder) assert.ok(item.fontSize >= 20, `tab ${item.text} label is ${item.fontSize} px`);
    assert.equal(item.current, item.text === current ? 'page' : null, `aria-current of ${item.text}`);
    if (item.text === current) assert.ok(item.fontWeight >= 600, 'the current tab label is bold');
  }
}
