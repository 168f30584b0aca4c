import type { AuthUser } from './auth';
import { canSeeCommunity, canServePoint } from './auth';

/** What decides who may look after a point: the point itself, its 社区 and its 街道. */
export interface ScopedPoint {
  id: string;
  community_id: string | null;
  town_code: string;
}

/**
 * Who keeps a point's details right (issue 20): its own staff (provider), a worker of its 社区, a worker of its
 * 街道 (also for a point that belongs to the street rather than one 社区). The directory's edits and the
 * corrections queue both ask this.
 */
export function canKeepPoint(user: AuthUser, point: ScopedPoint): boolean {
  if (canServePoint(user, point.id)) return true;
  if (user.role !== 'worker') return false;
  if (point.community_id !== null && canSeeCommunity(user, point.community_id)) return true;
  return user.scope.townCode !== null && user.scope.townCode === point.town_code;
}

/** The points a worker looks after, for a query: a 街道 worker's whole town, else its 社区. */
export function workerPointScope(user: AuthUser): { townCode: string } | { communityIds: string[] } {
  return user.scope.townCode !== null ? { townCode: user.scope.townCode } : { communityIds: user.scopeCommunityIds };
}
