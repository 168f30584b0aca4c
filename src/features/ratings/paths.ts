import { ratingPagePaths } from '@contract/rules/rating-paths';

export function rateUrl(pointId: string, pointName?: string): string {
  return `${ratingPagePaths.rate}?point=${encodeURIComponent(pointId)}${pointName ? `&name=${encodeURIComponent(pointName)}` : ''}`;
}

export function pointRatingsUrl(pointId: string): string {
  return `${ratingPagePaths.point}?id=${encodeURIComponent(pointId)}`;
}
