/**
 * App paths of the 好差评 pages, for whoever opens them from outside their subpackages (the directory's detail
 * page, 我的, 消息 links written by the server). Kept apart from the rules so the main package takes only these.
 */
export const ratingPagePaths = {
  rate: '/features/ratings/pages/rate/index',
  mine: '/features/ratings/pages/mine/index',
  point: '/features/ratings/pages/point/index',
  workOrders: '/features/ratings-staff/pages/orders/index',
} as const;
