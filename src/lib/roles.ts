import type { User } from '@contract/auth';

/** How a user's role reads to them (no internal terms). */
export function roleLabel(user: User): string {
  switch (user.role) {
    case 'worker':
      return user.scope.communityId ? '社区工作人员' : '街道工作人员';
    case 'provider':
      return '服务点工作人员';
    case 'city':
      return '市民政局工作人员';
    default:
      return user.isVolunteer ? '居民 · 志愿者' : '居民';
  }
}
