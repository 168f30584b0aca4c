import { Canvas, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef, useState } from 'react';
import type { TrendResult } from '@contract/planning';
import { formatIndicator, indicatorNames, type IndicatorStatus } from '@contract/rules/planning';
import { useSettings } from '@/lib/stores/settings';

/** The status colours of DESIGN.md; the words beside every bar (the list below the chart) say the same. */
const STATUS_COLOURS: Record<IndicatorStatus, string> = { met: '#15803D', slightlyBehind: '#B45309', behind: '#B91C1C', noData: '#E5E6EB' };
const CANVAS_ID = 'trend-canvas';

interface CanvasElement {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasContext | null;
}
/** What the page itself uses of a 2d context (the browser's and WeChat's alike); uCharts uses the rest. */
interface CanvasContext {
  font: string;
  measureText(text: string): { width: number };
}
interface FoundCanvas {
  node: CanvasElement | null;
  width: number;
  height: number;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/**
 * The 2d canvas and its size in CSS pixels. Weapp: the node through the selector query. H5: Taro's Canvas is a
 * <taro-canvas-core> element that renders a real <canvas> a frame or two after React mounts it, and sizes that
 * canvas when it does (which would wipe a drawing made earlier) — so wait for it, then one frame more.
 */
async function findCanvas(h5Host: HTMLElement | null): Promise<FoundCanvas | null> {
  if (process.env.TARO_ENV === 'h5') {
    let canvas = h5Host?.querySelector('canvas');
    for (let frame = 0; !canvas && h5Host?.isConnected && frame < 120; frame += 1) {
      await nextFrame();
      canvas = h5Host.querySelector('canvas');
    }
    if (!canvas) return null;
    await nextFrame();
    const rect = canvas.getBoundingClientRect();
    return { node: canvas, width: rect.width, height: rect.height };
  }
  return new Promise((resolve) => {
    Taro.nextTick(() =>
      Taro.createSelectorQuery()
        .select(`#${CANVAS_ID}`)
        .fields({ node: true, size: true })
        .exec((results: Array<FoundCanvas | null> | null) => resolve(results?.[0] ?? null)),
    );
  });
}

const pixelRatio = () => (process.env.TARO_ENV === 'h5' ? window.devicePixelRatio || 1 : Taro.getWindowInfo().pixelRatio || 2);

async function draw(trend: TrendResult, elder: boolean, h5Host: HTMLElement | null): Promise<void> {
  const found = await findCanvas(h5Host);
  const context = found?.node?.getContext('2d');
  if (!found?.node || !context || found.width === 0) return;
  const ratio = pixelRatio();
  found.node.width = Math.round(found.width * ratio);
  found.node.height = Math.round(found.height * ratio);
  // uCharts (~145 KB) is read only here: on h5 a chunk of its own, fetched when a trend is drawn; on weapp Taro
  // turns import() into require(), and the module lives in the planning subpackage (its only user).
  const { default: UCharts } = await import('@qiun/ucharts/u-charts.min.js');
  const target = trend.months[0].indicator.target;
  const top = Math.max(target, ...trend.months.map((m) => m.indicator.value ?? 0)) || 1;
  // The target's label sits just above the dashed line at the plot's right end, inside the canvas: uCharts starts a
  // right-aligned label where the plot ends, so it is moved back by its own width (offsets are in canvas pixels).
  const labelText = `目标 ${formatIndicator(target, trend.months[0].indicator.unit)}`;
  const labelFontSize = elder ? 15 : 12;
  const labelPadding = 4;
  context.font = `${labelFontSize * ratio}px sans-serif`;
  const labelWidth = context.measureText(labelText).width + 2 * labelPadding * ratio;
  new UCharts({
    type: 'column',
    context,
    canvas2d: true,
    width: found.node.width,
    height: found.node.height,
    pixelRatio: ratio,
    animation: false,
    background: '#FFFFFF',
    fontSize: elder ? 15 : 11,
    fontColor: '#1F2329',
    // Room above the plot for the target's label.
    padding: [labelFontSize + 2 * labelPadding + 6, 12, 4, 4],
    dataLabel: false,
    legend: { show: false },
    categories: trend.months.map((m) => `${Number(m.month.slice(5))}月`),
    series: [
      {
        name: indicatorNames[trend.indicator],
        data: trend.months.map(({ indicator }) => (indicator.value === null ? null : { value: indicator.value, color: STATUS_COLOURS[indicator.status] })),
      },
    ],
    // About six months named under the axis (twelve do not fit a phone's width, least of all in 长辈版); the list
    // below names every month.
    xAxis: { disableGrid: true, fontColor: '#4E5969', labelCount: 6 },
    yAxis: { gridType: 'dash', data: [{ min: 0, max: top, fontColor: '#4E5969' }] },
    extra: {
      column: { width: elder ? 14 : 12 },
      markLine: {
        type: 'dash',
        data: [
          {
            value: target,
            lineColor: '#1762C8',
            showLabel: true,
            labelText,
            labelFontSize,
            labelPadding,
            labelAlign: 'right',
            labelOffsetX: -labelWidth,
            labelOffsetY: -(labelFontSize / 2 + labelPadding + 2) * ratio,
            labelBgColor: '#1762C8',
            labelBgOpacity: 1,
            labelFontColor: '#FFFFFF',
          },
        ],
      },
    },
  });
}

/**
 * One figure over the 12 months as a column chart (uCharts on a 2d canvas, weapp and h5 alike), coloured by
 * status, the target as a dashed line. The canvas is hidden from 读屏: the list under it carries every number
 * and word as text, which is also what 长辈版 reads. When the canvas cannot be drawn, the list still stands.
 */
export function TrendChart({ trend }: { trend: TrendResult }) {
  const elder = useSettings((s) => s.elderMode);
  const [failed, setFailed] = useState(false);
  const host = useRef<HTMLElement>(null);
  useEffect(() => {
    draw(trend, elder, host.current).then(
      () => setFailed(false),
      () => setFailed(true),
    );
  }, [trend, elder]);
  return (
    <>
      <View className={`trend-canvas-wrap${elder ? ' trend-canvas-wrap--elder' : ''}`} aria-hidden='true'>
        <Canvas ref={host} type='2d' id={CANVAS_ID} canvasId={CANVAS_ID} className='trend-canvas' />
      </View>
      {failed ? <View className='text-secondary'>图表没有画出来，每个月的数字见下面。</View> : null}
    </>
  );
}
