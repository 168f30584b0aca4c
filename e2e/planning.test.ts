/**
 * Browser journey of 规划监测 (issue 19). Server and phone clocks start on Tuesday 2026-12-01, 09:00 China time.
 *   1. 刘建华 (`street`, 新市街道) opens 规划监测 from 我的, steps back to November, reads the street's figures
 *      beside their targets and the coloured grid, and finds the 社区 furthest behind at the top of the ranking;
 *   2. he opens its 12-month trend, switches to 月探访率 and exports the month's table as CSV;
 *   3. the same in 长辈版: text ≥ 20 px and targets ≥ 60 px, the grid as one card per 社区.
 * The trend's chart (uCharts on a 2d canvas) is checked drawn by its pixels, in both modes; its numbers are text.
 * Every page visited passes axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import type { PlanningResult } from '@contract/planning';
import { apiToken, signInAs } from './accounts';
import { assertElderSizes } from './steps';
import { startApp, type App } from './harness';

const CLOCK_START = '2026-12-01T01:00:00.000Z';

describe('规划监测 in the browser', () => {
  let app: App;
  let furthest = '';

  before(async () => {
    app = await startApp({ serverEnv: { CLOCK_START } });
    await app.context.clock.install({ time: new Date(CLOCK_START) });
    const token = await apiToken(app, 'street');
    const { body } = await app.api<PlanningResult>('GET', '/api/planning/communities?month=2026-11', undefined, token);
    furthest = body.streets[0].communities[0].name;
  });
  after(() => app?.close());

  /** How many pixels of the visible trend canvas are neither blank nor white: > 0 once uCharts has drawn. */
  async function drawnPixels(): Promise<number> {
    return app.page.evaluate(() => {
      const canvas = [...document.querySelectorAll<HTMLCanvasElement>('#trend-canvas canvas')].find((c) => c.getBoundingClientRect().width > 0);
      const context = canvas?.getContext('2d');
      if (!canvas || !context || canvas.width === 0) return 0;
      const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
      let inked = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 0 && (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240)) inked += 1;
      return inked;
    });
  }

  async function assertChartDrawn(what: string): Promise<void> {
    let inked = 0;
    for (let tries = 0; tries < 40 && inked < 500; tries += 1) {
      inked = await drawnPixels();
      if (inked < 500) await app.page.waitForTimeout(100);
    }
    assert.ok(inked >= 500, `${what}: the chart canvas is drawn (${inked} inked pixels)`);
    // Hidden from 读屏: the list of months is its text alternative.
    assert.equal(await app.page.locator('.trend-canvas-wrap:visible').first().getAttribute('aria-hidden'), 'true');
  }

  async function openNovember(elder: boolean): Promise<void> {
    await app.openApp('/pages/me/index');
    await app.tap('me-planning');
    await app.waitForVisible('#planning-total');
    assert.match(await app.visible('#month-shown').innerText(), /2026年12月/);
    await app.tap('month-previous');
    await app.page.locator('#month-shown:visible', { hasText: '2026年11月' }).waitFor();
    await app.waitForVisible('#planning-ranking');
    if (elder) await assertElderSizes(app, '规划监测', ['#month-previous', '#rank-1', '#planning-export', '#planning-back']);
    await app.assertAccessible(elder ? '规划监测 in 长辈版' : '规划监测');
  }

  it('the street officer finds the 社区 furthest behind, each figure beside its target in words', () =>
    app.step('planning-street-ranking', async () => {
      await app.openApp('/pages/home/index');
      await app.tap('consent-agree');
      await signInAs(app, 'street');
      await openNovember(false);
      const total = await app.visible('#planning-total').innerText();
      assert.match(total, /新市街道（全街道）/);
      assert.match(total, /月探访率[\s\S]*目标 100%/);
      assert.match(total, /党员志愿服务队[\s\S]*(达标|落后)/);
      const rank = await app.visible('#rank-1').innerText();
      assert.match(rank, new RegExp(`第 1 名 · ${furthest}`));
      assert.match(rank, /落后/);
      // The grid: every cell says its value and its word, not colour alone.
      const cell = await app.visible('#grid-xinshi-xinghua-volunteers').innerText();
      assert.match(cell, /0 支 落后/);
      // 15 分钟生活圈 from the grid cells too: 新市社区's cells carry populations, 沿江社区's do not.
      assert.match(await app.visible('#grid-xinshi-coverage').innerText(), /网格居民 [\d.]+%/);
      assert.match(await app.visible('#details-xinshi').innerText(), /按人口加权（4 个网格，共 6870 人）/);
      assert.match(await app.visible('#details-yanjiang').innerText(), /按网格数平均计/);
      await app.screenshot('planning-ranking');
    }));

  it('opens the furthest-behind 社区’s 12 months, switches figure, and exports the table', () =>
    app.step('planning-trend-export', async () => {
      await app.tap('rank-1');
      await app.waitForVisible('#trend-chart');
      assert.equal(await app.page.locator('[id^="trend-20"]:visible').count(), 12, 'a line of text for each of 12 months');
      await assertChartDrawn('近 12 个月');
      await app.tap('indicator-visits');
      await app.page.locator('#trend-title:visible', { hasText: '月探访率' }).waitFor();
      await assertChartDrawn('近 12 个月, 月探访率');
      assert.match(await app.visible('#trend-2026-11').innerText(), /2026年11月[\s\S]*%/);
      assert.match(await app.visible('#trend-summary').innerText(), /比2025年12月|没有变化|数据不足/);
      await app.assertAccessible('近 12 个月');
      await app.screenshot('planning-trend');
      await app.tap('trend-back');
      await app.waitForVisible('#planning-export');
      const download = app.page.waitForEvent('download');
      await app.tap('planning-export');
      const file = await download;
      assert.equal(file.suggestedFilename(), '规划监测-2026-11.csv');
      const text = readFileSync((await file.path())!, 'utf8');
      assert.ok(text.startsWith('\uFEFF'), 'UTF-8 with a BOM for Excel');
      assert.match(text, /"新市街道","（全街道）"/);
    }));

  it('the same in 长辈版: big text, big targets, the grid one card per 社区', () =>
    app.step('planning-elder', async () => {
      await app.openApp('/pages/me/index');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      await openNovember(true);
      await assertElderSizes(app, '规划监测 grid', ['#grid-xinshi-visits']);
      assert.match(await app.visible('#grid-xinshi-visits').innerText(), /月探访率/);
      await app.tap('rank-1');
      await app.waitForVisible('#trend-chart');
      await assertElderSizes(app, '近 12 个月', ['#indicator-coverage', '#trend-back']);
      await assertChartDrawn('近 12 个月 in 长辈版');
      await app.assertAccessible('近 12 个月 in 长辈版');
      await app.screenshot('planning-elder-trend');
    }));
});
