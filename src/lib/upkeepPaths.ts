/** Pages of the upkeep subpackage (信息有误 and staff editing): the directory's detail page and 我的 open them (no feature imports another). */
export const UPKEEP_PATHS = {
  edit: '/features/upkeep/pages/edit/index',
  create: '/features/upkeep/pages/create/index',
  queue: '/features/upkeep/pages/queue/index',
  stale: '/features/upkeep/pages/stale/index',
  report: '/features/upkeep/pages/report/index',
  mine: '/features/upkeep/pages/mine/index',
} as const;

export const upkeepEditUrl = (pointId: string) => `${UPKEEP_PATHS.edit}?id=${encodeURIComponent(pointId)}`;

export const upkeepReportUrl = (pointId: string, pointName: string) =>
  `${UPKEEP_PATHS.report}?id=${encodeURIComponent(pointId)}&name=${encodeURIComponent(pointName)}`;
