import type { ReactNode } from 'react';
import type { Role } from '@contract/auth';
import { ME_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { EmptyState } from '@/lib/ui/EmptyState';

/** Staff pages open only for their role; anyone else is told whose page it is (the server refuses them anyway). */
export function RoleGate({ role, who, children }: { role: Role; who: string; children: ReactNode }) {
  const user = useSession((s) => s.user);
  if (user?.role === role) return <>{children}</>;
  return <EmptyState title={`这个页面只给${who}使用`} description='如果您是工作人员，请用工作账号登录。' actionText='回到我的' actionId='gate-me' onAction={() => void openPath(ME_PATH)} />;
}
