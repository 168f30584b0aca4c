import type { ReactNode } from 'react';
import type { Role } from '@contract/auth';
import { ME_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { EmptyState } from '@/lib/ui/EmptyState';

/** 好差评 staff pages open for workers and providers only (the server refuses anyone else anyway). */
export function StaffGate({ roles = ['worker', 'provider'], children }: { roles?: Role[]; children: ReactNode }) {
  const user = useSession((s) => s.user);
  if (user && roles.includes(user.role)) return <>{children}</>;
  return (
    <EmptyState
      title='这个页面只给社区和服务点的工作人员使用'
      description='如果您是工作人员，请用工作账号登录。'
      actionText='回到我的'
      actionId='ratings-gate-me'
      onAction={() => void openPath(ME_PATH)}
    />
  );
}
