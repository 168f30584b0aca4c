/** The part of uCharts (@qiun/ucharts, plain JS) the planner's charts use. */
declare module '@qiun/ucharts/u-charts.min.js' {
  export interface UChartsOptions {
    type: 'column' | 'mix' | 'line';
    context: unknown;
    canvas2d?: boolean;
    width: number;
    height: number;
    pixelRatio: number;
    animation?: boolean;
    background?: string;
    fontSize?: number;
    fontColor?: string;
    padding?: number[];
    dataLabel?: boolean;
    legend?: { show?: boolean };
    categories: string[];
    series: Array<{ name: string; data: Array<number | null | { value: number; color: string }>; color?: string }>;
    xAxis?: Record<string, unknown>;
    yAxis?: Record<string, unknown>;
    extra?: Record<string, unknown>;
  }
  export default class UCharts {
    constructor(options: UChartsOptions);
  }
}
