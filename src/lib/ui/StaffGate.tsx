import type { ReactNode } from 'react';
import type { Role } from '@contract/auth';
import { ME_PATH, goToLogin, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { EmptyState } from './EmptyState';

interface StaffGateProps {
  roles: Role[];
  /** Whose page it is, as told to anyone else: 这个页面只给{who}使用. */
  who: string;
  children: ReactNode;
}

/**
 * Staff pages open only for the roles that may use them (the server refuses anyone else anyway): a guest is asked
 * to sign in, anyone else is told whose page it is and taken back to 我的 — never a blank page.
 */
export function StaffGate({ roles, who, children }: StaffGateProps) {
  const user = useSession((s) => s.user);
  if (!user) return <EmptyState title='请先登录' description='这个页面需要用工作账号登录后使用。' actionText='去登录' actionId='gate-login' onAction={() => void goToLogin()} />;
  if (roles.includes(user.role)) return <>{children}</>;
  return <EmptyState title={`这个页面只给${who}使用`} description='如果您是工作人员，请用工作账号登录。' actionText='回到我的' actionId='gate-me' onAction={() => void openPath(ME_PATH)} />;
}
