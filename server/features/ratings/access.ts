/**
 * Who may see which ratings' follow-up: a community worker its 社区, a 街道 worker every point of its street,
 * a provider its own point. Residents see only their own ratings (checked where they are read).
 */
import type { AuthUser } from '../../lib/auth';

export interface ScopedRow {
  community_id: string | null;
  town_code: string;
  service_point_id: string;
}

/** The column and values a list query is limited by; null: this user sees no work orders at all. */
export type ScopeFilter = { column: 'community_id' | 'town_code' | 'service_point_id'; values: string[] };

export function scopeFilter(user: AuthUser): ScopeFilter | null {
  if (user.role === 'worker' && user.scope.townCode) return { column: 'town_code', values: [user.scope.townCode] };
  if (user.role === 'worker' && user.scopeCommunityIds.length > 0) return { column: 'community_id', values: user.scopeCommunityIds };
  if (user.role === 'provider' && user.scope.servicePointId) return { column: 'service_point_id', values: [user.scope.servicePointId] };
  return null;
}

export function inScope(user: AuthUser, row: ScopedRow): boolean {
  const filter = scopeFilter(user);
  if (!filter) return false;
  const value = row[filter.column];
  return value !== null && filter.values.includes(value);
}

/** Appeals are decided by a worker of the 街道 the point belongs to. */
export function isStreetWorkerOf(user: AuthUser, townCode: string): boolean {
  return user.role === 'worker' && user.scope.townCode === townCode;
}
