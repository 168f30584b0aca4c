/** Pages of the planning subpackage: 我的 opens them for 街道 and city officers (no feature imports another). */
export const PLANNING_PATH = '/features/planning/pages/overview/index';
export const PLANNING_TREND_PATH = '/features/planning/pages/trend/index';

export const planningTrendUrl = (community: string, indicator: string, month: string) =>
  `${PLANNING_TREND_PATH}?community=${encodeURIComponent(community)}&indicator=${encodeURIComponent(indicator)}&month=${month}`;

/** Who the planner's view is for: a 街道-level worker (a town, no single 社区) or a city officer. */
export function seesPlanning(user: { role: string; scope: { communityId: string | null; townCode: string | null } }): boolean {
  return user.role === 'city' || (user.role === 'worker' && user.scope.communityId === null && user.scope.townCode !== null);
}
