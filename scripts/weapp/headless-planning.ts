/**
 * The planner's trend on the weapp bundle against the real API (mini-runtime.ts + the real server in-process):
 * 刘建华 (`street`) signs in with the demo account and opens 新市社区's 月探访率 over 12 months in the planning
 * subpackage. The page must write every month's figure as text, and uCharts (required from the subpackage) must
 * draw on the 2d canvas node WeChat's selector query hands out — here a recording stand-in with the size a
 * 390 px phone gives it. Usage: tsx scripts/weapp/headless-planning.ts [distDir].
 */
import path from 'node:path';
import { fixedClock } from '../../server/lib/clock';
import { createTestApp } from '../../server/testing/app';
import { createChecklist, createMiniRuntime, injectNoting, type AnsweredRequest, findAllByIdPrefix, runAsProcess, textOf } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
const LOGIN_ROUTE = 'features/account/pages/login/index';
const TREND_ROUTE = 'features/planning/pages/trend/index';
const CANVAS = { id: '#trend-canvas', width: 358, height: 220 };

/** A 2d canvas node whose context records what is drawn on it (every method a no-op that counts its call). */
function recordingCanvas() {
  const drawn: string[] = [];
  const gradient = { addColorStop() {} };
  const context: Record<string, unknown> = new Proxy(
    {},
    {
      get(target: Record<string, unknown>, key: string) {
        if (key in target) return target[key];
        return (...args: unknown[]) => {
          drawn.push(key === 'fillText' ? `fillText:${String(args[0])}` : key);
          return key === 'measureText' ? { width: String(args[0]).length * 10 } : gradient;
        };
      },
      set(target: Record<string, unknown>, key: string, value: unknown) {
        target[key] = value;
        return true;
      },
    },
  );
  return { node: { width: 0, height: 0, getContext: () => context }, drawn };
}

/** WeChat's selector query, answering the trend canvas with its node and size, and null for anything else. */
function selectorQueryWith(canvas: ReturnType<typeof recordingCanvas>['node']) {
  return () => {
    const answers: unknown[] = [];
    const query = {
      in: () => query,
      select: (selector: string) => {
        const answer = selector === CANVAS.id ? { node: canvas, width: CANVAS.width, height: CANVAS.height } : null;
        const push = (cb?: (a: unknown) => void) => (answers.push([answer, cb]), query);
        return { fields: (_f: unknown, cb?: (a: unknown) => void) => push(cb), boundingClientRect: push, scrollOffset: push, node: push };
      },
      exec: (cb?: (results: unknown[]) => void) =>
        setTimeout(() => {
          const pairs = answers as Array<[unknown, ((a: unknown) => void) | undefined]>;
          pairs.forEach(([answer, each]) => each?.(answer));
          cb?.(pairs.map(([answer]) => answer));
        }, 0),
    };
    return query;
  };
}

async function main(): Promise<number> {
  const server = await createTestApp({ clock: fixedClock(new Date()) });
  const { check, finish } = createChecklist();
  const answered: AnsweredRequest[] = [];
  const runtime = createMiniRuntime({ distDir, request: injectNoting(server.app, API_BASE, answered) });
  const canvas = recordingCanvas();
  (globalThis as unknown as { wx: Record<string, unknown> }).wx.createSelectorQuery = selectorQueryWith(canvas.node);
  try {
    runtime.launch(LOGIN_ROUTE);
    const login = await runtime.openPage(LOGIN_ROUTE);
    if (login.find('consent-agree')) await login.tap('consent-agree');
    await login.tap('login-demo-street');
    login.hide();

    const page = await runtime.openPage(TREND_ROUTE, { community: 'xinshi', indicator: 'visits' });
    await runtime.settle();
    check('the trend of 新市社区 · 月探访率 近 12 个月', textOf(page.find('trend-title')).includes('新市社区 · 月探访率'), page.text());
    const months = findAllByIdPrefix(page.root(), 'trend-20');
    check('every month as text 每月数字为文字', months.length === 12 && months.every((m) => /\d+(\.\d)?% (达标|略落后|落后)|— 暂无数据/.test(textOf(m))), months.map(textOf).join(' | '));
    check('the canvas sized by pixel ratio 画布按像素比放大', canvas.node.width === CANVAS.width * 3 && canvas.node.height === CANVAS.height * 3, `${canvas.node.width}×${canvas.node.height}`);
    const fills = canvas.drawn.filter((d) => d === 'fill').length;
    const labels = canvas.drawn.filter((d) => d.startsWith('fillText:'));
    // About six of the twelve months are named under the axis; which ones depends on the month the run is in.
    const monthLabels = labels.filter((l) => /^fillText:\d{1,2}月$/.test(l));
    check('uCharts drew columns, month labels and the target 图表已绘制', fills >= 12 && monthLabels.length >= 4 && labels.some((l) => l.startsWith('fillText:目标')), `${canvas.drawn.length} calls, ${fills} fills, ${labels.join(' ')}`);
  } finally {
    await server.close();
  }
  return finish(answered, runtime.errors);
}

runAsProcess(main, 'the planning run threw 规划监测运行失败');
