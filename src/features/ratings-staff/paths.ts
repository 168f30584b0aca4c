/** Pages of this subpackage opened from inside it (the queue itself: ratingPagePaths.workOrders in contract/rules/rating-paths.ts). */
export const WORK_ORDER_PATH = '/features/ratings-staff/pages/order/index';
export const APPEALS_PATH = '/features/ratings-staff/pages/appeals/index';
export const STATS_PATH = '/features/ratings-staff/pages/stats/index';

export const workOrderUrl = (id: number) => `${WORK_ORDER_PATH}?id=${id}`;
