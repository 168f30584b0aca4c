/**
 * 规划监测: each figure of the planner's view beside its target in the city's plan (config/domain/planning.json),
 * whether it is behind and by how much, and the ranking of 社区 by how far behind they are. Pure and zod-free:
 * the server computes, the client only words and colours. The figures themselves come from the rules of the
 * features that own them (coverageReach, visitRatePercent, ratingFigures, openMinutes, creditedHours …).
 */
import planningConfig from '../../config/domain/planning.json';
import { hoursForDay, openMinutes, type OpeningHours } from './opening-hours';
import type { DayInfo } from './calendar';

export const planningSettings = planningConfig;

export const indicatorIds = ['coverage', 'hours', 'visits', 'ratings', 'volunteers', 'verification'] as const;
export type IndicatorId = (typeof indicatorIds)[number];

/** What each figure is called, and what its target reads as (the plan's words, shortened). */
export const indicatorNames: Record<IndicatorId, string> = {
  coverage: '15 分钟生活圈',
  hours: '设施开放时间',
  visits: '月探访率',
  ratings: '差评按期整改',
  volunteers: '党员志愿服务队',
  verification: '信息核实',
};

export const indicatorTargetWords: Record<IndicatorId, string> = {
  coverage: '基本服务 100% 在步行目标时间内',
  hours: '设施每天开放 ≥ 8 小时、节假日开放',
  visits: '特殊困难老年人月探访率 100%',
  ratings: '每个社区有评价、差评 100% 按期整改',
  volunteers: '每个社区至少 1 支以党员为骨干的志愿服务队',
  verification: `服务点信息 ${planningConfig.verifiedWithinDays} 天内核实过`,
};

export type IndicatorStatus = 'met' | 'slightlyBehind' | 'behind' | 'noData';

export const statusWords: Record<IndicatorStatus, string> = {
  met: '达标',
  slightlyBehind: '略落后',
  behind: '落后',
  noData: '暂无数据',
};

export interface IndicatorValue {
  id: IndicatorId;
  /** Percent (0–100), or a count for `volunteers`; null when there is nothing to count. */
  value: number | null;
  target: number;
  unit: '%' | '支';
  status: IndicatorStatus;
  /** How far behind, as a share of the target (0 when met or unknown): what the ranking adds up. */
  gap: number;
}

export function targetOf(id: IndicatorId): number {
  return planningConfig.targets[id];
}

/** Status and gap of a value against its target (a street's team count is judged against its number of 社区). */
export function judge(id: IndicatorId, value: number | null, target: number = targetOf(id)): IndicatorValue {
  const unit = id === 'volunteers' ? '支' : '%';
  if (value === null) return { id, value, target, unit, status: 'noData', gap: 0 };
  const gap = value >= target ? 0 : (target - value) / target;
  const status: IndicatorStatus = gap === 0 ? 'met' : gap < planningConfig.slightlyBehind ? 'slightlyBehind' : 'behind';
  return { id, value, target, unit, status, gap: Math.round(gap * 1000) / 1000 };
}

/** "差 12 个百分点" / "差 1 支", or "" when met or unknown. */
export function shortfallWords(indicator: IndicatorValue): string {
  if (indicator.value === null || indicator.value >= indicator.target) return '';
  const short = Math.round((indicator.target - indicator.value) * 10) / 10;
  return indicator.unit === '%' ? `差 ${short} 个百分点` : `差 ${short} ${indicator.unit}`;
}

/** "83.3%" / "2 支" / "—" */
export function formatIndicator(value: number | null, unit: IndicatorValue['unit']): string {
  if (value === null) return '—';
  return unit === '%' ? `${Math.round(value * 10) / 10}%` : `${value} ${unit}`;
}

/** Whole percent of part in whole, one decimal; null when there is no whole. */
export function percent(part: number, whole: number): number | null {
  return whole === 0 ? null : Math.round((part * 1000) / whole) / 10;
}

/** How far behind a 社区 is overall: the sum of its figures' gaps. */
export function behindScore(indicators: readonly IndicatorValue[]): number {
  return Math.round(indicators.reduce((sum, i) => sum + i.gap, 0) * 1000) / 1000;
}

/** Ranked furthest behind first; ties by the given order (the street's own order of its 社区). */
export function rankByBehind<T extends { score: number }>(rows: readonly T[]): T[] {
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => b.row.score - a.row.score || a.index - b.index)
    .map(({ row }) => row);
}

export interface FacilityHoursCheck {
  /** The fewest minutes open on a day of the month that is not a holiday. */
  minDailyMinutes: number;
  /** Open at least the minimum on every non-holiday day of the month. */
  meetsDaily: boolean;
  /** Open at least the minimum on holidays (its holiday hours, whether or not the month has one). */
  opensOnHolidays: boolean;
}

/**
 * The plan's 开放时间一般不少于每天8小时，节假日全天开放, for one facility over the days of a month: every
 * ordinary day (weekends and 调休 days included, by the calendar's choice of hours) at least the minimum, and its
 * holiday hours at least the minimum too (read as "open on holidays", not "24 hours").
 */
export function checkFacilityHours(hours: OpeningHours, days: readonly DayInfo[], minMinutes: number = planningConfig.minDailyOpenMinutes): FacilityHoursCheck {
  const ordinary = days.filter((d) => d.kind !== 'holiday').map((d) => openMinutes(hoursForDay(hours, d)));
  const minDailyMinutes = ordinary.length === 0 ? 0 : Math.min(...ordinary);
  return { minDailyMinutes, meetsDaily: minDailyMinutes >= minMinutes, opensOnHolidays: openMinutes(hours.holiday) >= minMinutes };
}

/** How a 社区's grid cells are counted together: by population when every cell has one, else each cell alike. */
export type CellWeighting = 'population' | 'equal' | 'none';

export interface WeightedCell {
  /** Residents of the cell, or null when the data does not say. */
  population: number | null;
}

export function cellWeighting(cells: readonly WeightedCell[]): CellWeighting {
  if (cells.length === 0) return 'none';
  return cells.every((c) => c.population !== null && c.population > 0) ? 'population' : 'equal';
}

/**
 * The share (percent, one decimal) of a 社区's people — of its grid cells, weighted by population where every cell
 * has one, equally otherwise (a head count cannot be mixed with a missing one) — for whom `reached` holds; null
 * without cells (the 社区 is then judged from its centre only).
 */
export function weightedCellShare<T extends WeightedCell>(cells: readonly T[], reached: (cell: T) => boolean): number | null {
  const weighting = cellWeighting(cells);
  if (weighting === 'none') return null;
  const weight = (cell: T) => (weighting === 'population' ? cell.population! : 1);
  const whole = cells.reduce((sum, c) => sum + weight(c), 0);
  const part = cells.filter(reached).reduce((sum, c) => sum + weight(c), 0);
  return percent(part, whole);
}

/** "按人口加权（4 个网格，共 5230 人）" / "4 个网格，部分缺人口数据，按网格数计" / "没有网格数据，只按社区中心计算" */
export function cellWeightingWords(cells: { count: number; population: number | null; weighting: CellWeighting }): string {
  if (cells.weighting === 'none') return '没有网格数据，只按社区中心计算';
  if (cells.weighting === 'population') return `按人口加权（${cells.count} 个网格，共 ${cells.population} 人）`;
  return `${cells.count} 个网格，缺人口数据，按网格数平均计`;
}
