import type { ReactNode } from 'react';
import type { Role } from '@contract/auth';
import { ME_PATH, goToLogin, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { EmptyState } from '@/lib/ui/EmptyState';

/** Staff pages open for the roles that may use them (the server refuses anyone else anyway); a guest is asked to sign in. */
export function RoleGate({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useSession((s) => s.user);
  if (!user) return <EmptyState title='请先登录' description='这个页面需要用工作账号登录后使用。' actionText='去登录' actionId='upkeep-login' onAction={() => void goToLogin()} />;
  if (roles.includes(user.role)) return <>{children}</>;
  return (
    <EmptyState
      title='这个页面只给社区和服务点的工作人员使用'
      description='如果您是工作人员，请用工作账号登录。'
      actionText='回到我的'
      actionId='upkeep-gate-me'
      onAction={() => void openPath(ME_PATH)}
    />
  );
}
