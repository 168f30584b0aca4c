import holidays from '../../config/domain/holidays.json';
import { createCalendar, datesOfMonth, monthsEndingWith, shiftMonth, type CalendarData } from './calendar';
import { coverageDefinitions, coverageReach, nearestForDefinition } from './categories';
import { visitRatePercent } from './care';
import { openMinutes, type OpeningHours } from './opening-hours';
import { behindScore, cellWeighting, cellWeightingWords, checkFacilityHours, formatIndicator, judge, percent, rankByBehind, shortfallWords, weightedCellShare } from './planning';

const calendar = createCalendar(holidays as CalendarData);
const daysOf = (month: string) => datesOfMonth(month).map((d) => calendar.dayInfo(d));
const every = (open: string, close: string) => [{ open, close }];
const week = (hours: { open: string; close: string }[]): OpeningHours['weekly'] => ({ mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: hours, sun: hours });

describe('figures against the plan’s targets', () => {
  it('marks a figure met, slightly behind (< 10 % short) or behind, with the gap as a share of the target', () => {
    expect(judge('visits', 100)).toMatchObject({ status: 'met', gap: 0, unit: '%' });
    expect(judge('visits', 95)).toMatchObject({ status: 'slightlyBehind', gap: 0.05 });
    expect(judge('visits', 60)).toMatchObject({ status: 'behind', gap: 0.4 });
    expect(judge('visits', null)).toMatchObject({ status: 'noData', gap: 0 });
    expect(judge('volunteers', 0)).toMatchObject({ status: 'behind', gap: 1, unit: '支' });
    expect(judge('volunteers', 2)).toMatchObject({ status: 'met' });
    expect(judge('volunteers', 2, 3)).toMatchObject({ status: 'behind', target: 3 });
  });

  it('says the shortfall in words and formats values', () => {
    expect(shortfallWords(judge('coverage', 87.5))).toBe('差 12.5 个百分点');
    expect(shortfallWords(judge('volunteers', 0))).toBe('差 1 支');
    expect(shortfallWords(judge('coverage', 100))).toBe('');
    expect(formatIndicator(83.3, '%')).toBe('83.3%');
    expect(formatIndicator(null, '%')).toBe('—');
    expect(percent(1, 3)).toBe(33.3);
    expect(percent(0, 0)).toBeNull();
  });

  it('ranks the 社区 furthest behind first, ties in their own order', () => {
    const a = { name: 'a', score: behindScore([judge('visits', 50), judge('coverage', 100)]) };
    const b = { name: 'b', score: behindScore([judge('visits', 100), judge('volunteers', 0)]) };
    const c = { name: 'c', score: 0.5 };
    expect(a.score).toBe(0.5);
    expect(rankByBehind([a, c, b]).map((r) => r.name)).toEqual(['b', 'a', 'c']);
  });
});

describe('the rules the planner shares with the features that own them', () => {
  it('月探访率 rounds down and counts no elder due as 100 %', () => {
    expect(visitRatePercent(3, 1)).toBe(33);
    expect(visitRatePercent(200, 199)).toBe(99);
    expect(visitRatePercent(0, 0)).toBe(100);
  });

  it('coverage: the nearest of a service’s subcategories, its layer and target', () => {
    const fitness = coverageDefinitions.find((d) => d.id === 'fitness')!;
    const nearest = new Map([['ball-court', { distance: 900 }], ['fitness-square', { distance: 300 }]]);
    expect(nearestForDefinition(fitness, nearest)).toEqual({ distance: 300 });
    expect(coverageReach(fitness, 4)).toEqual({ walkingMinutes: 4, layer: 5, meetsTarget: true });
    const store = coverageDefinitions.find((d) => d.id === 'convenience-store')!;
    expect(coverageReach(store, 7)).toEqual({ walkingMinutes: 7, layer: 8, meetsTarget: false });
    expect(coverageReach(store, null)).toEqual({ walkingMinutes: null, layer: null, meetsTarget: false });
  });

  it('opening minutes of a day, past midnight included', () => {
    expect(openMinutes([{ open: '08:30', close: '11:30' }, { open: '13:00', close: '17:00' }])).toBe(420);
    expect(openMinutes(every('18:00', '02:00'))).toBe(480);
    expect(openMinutes(every('00:00', '24:00'))).toBe(1440);
    expect(openMinutes([])).toBe(0);
  });

  it('a facility meets 每天 8 小时 only when every ordinary day of the month does, and 节假日开放 by its holiday hours', () => {
    const long = { weekly: week(every('08:00', '18:00')), holiday: every('09:00', '17:00') };
    expect(checkFacilityHours(long, daysOf('2026-10'))).toEqual({ minDailyMinutes: 600, meetsDaily: true, opensOnHolidays: true });
    const closedSunday = { weekly: { ...week(every('08:00', '18:00')), sun: [] }, holiday: [] };
    expect(checkFacilityHours(closedSunday, daysOf('2026-11'))).toEqual({ minDailyMinutes: 0, meetsDaily: false, opensOnHolidays: false });
    // 2026-10-10 (Sat) is a 调休 working day and takes Monday's hours: a short Monday shows there too.
    const shortMonday = { weekly: { ...week(every('08:00', '18:00')), mon: every('08:00', '12:00') }, holiday: every('08:00', '18:00') };
    expect(checkFacilityHours(shortMonday, daysOf('2026-10')).minDailyMinutes).toBe(240);
  });

  it('months of a trend and days of a month', () => {
    expect(monthsEndingWith('2026-02', 3)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(shiftMonth('2026-12', 1)).toBe('2027-01');
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(datesOfMonth('2028-02')).toHaveLength(29);
    expect(datesOfMonth('2026-11')[29]).toBe('2026-11-30');
  });
});

describe('coverage of a 社区’s grid cells', () => {
  const reached = (cell: { reached: boolean }) => cell.reached;

  it('weighs the cells by population when every cell has one', () => {
    const cells = [
      { population: 3000, reached: true },
      { population: 1000, reached: false },
    ];
    expect(cellWeighting(cells)).toBe('population');
    expect(weightedCellShare(cells, reached)).toBe(75);
  });

  it('weighs the cells alike when a population is missing, and says so', () => {
    const cells = [
      { population: 3000, reached: true },
      { population: null, reached: false },
      { population: 500, reached: false },
    ];
    expect(cellWeighting(cells)).toBe('equal');
    expect(weightedCellShare(cells, reached)).toBe(33.3);
    expect(cellWeightingWords({ count: 3, population: null, weighting: 'equal' })).toContain('按网格数');
    expect(cellWeightingWords({ count: 2, population: 4000, weighting: 'population' })).toBe('按人口加权（2 个网格，共 4000 人）');
  });

  it('has no cell figure without cells: the centre only, in words', () => {
    expect(cellWeighting([])).toBe('none');
    expect(weightedCellShare([], reached)).toBeNull();
    expect(cellWeightingWords({ count: 0, population: null, weighting: 'none' })).toBe('没有网格数据，只按社区中心计算');
  });
});
