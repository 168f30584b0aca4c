/** The month's planner table as CSV: one line per street total and per 社区, each figure with its target and word. */
import type { PlanningResult, PlanningRow } from '@contract/planning';
import { cellWeightingWords, formatIndicator, indicatorIds, indicatorNames, statusWords } from '@contract/rules/planning';
import { csvDocument } from '../../lib/csv';

const HEADER = [
  '月份',
  '街道',
  '社区',
  '落后程度（各项差距之和）',
  ...indicatorIds.flatMap((id) => [`${indicatorNames[id]}`, `${indicatorNames[id]}目标`, `${indicatorNames[id]}情况`]),
  '15 分钟生活圈（网格居民）',
  '网格数',
  '网格人口',
  '网格计算方式',
  '应探访老人',
  '已探访',
  '逾期未探访',
  '评价数',
  '差评数',
  '未办结工单',
  '逾期工单',
  '志愿服务队',
  '注册志愿者',
  '服务时长（小时）',
  '开展活动',
];

function line(month: string, street: string, row: PlanningRow, communityName: string): Array<string | number> {
  const d = row.details;
  return [
    month,
    street,
    communityName,
    row.score,
    ...row.indicators.flatMap((i) => [formatIndicator(i.value, i.unit), formatIndicator(i.target, i.unit), statusWords[i.status]]),
    formatIndicator(d.coverage.cells.share, '%'),
    d.coverage.cells.count,
    d.coverage.cells.population ?? '',
    cellWeightingWords(d.coverage.cells),
    d.visits.due,
    d.visits.visited,
    d.visits.overdue,
    d.ratings.n,
    d.ratings.badCount,
    d.ratings.openOrders,
    d.ratings.overdueOrders,
    d.volunteers.teams,
    d.volunteers.volunteers,
    d.volunteers.hours,
    d.volunteers.activities,
  ];
}

export function planningCsv(result: PlanningResult): string {
  const rows = result.streets.flatMap((street) => [
    line(result.month, street.name, street.total, '（全街道）'),
    ...street.communities.map((c) => line(result.month, street.name, c, c.isDemo ? `${c.name}（演示）` : c.name)),
  ]);
  return csvDocument(HEADER, rows);
}
