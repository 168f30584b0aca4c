import type { ReactNode } from 'react';
import { ME_PATH, openPath } from '@/lib/navigation';
import { seesPlanning } from '@/lib/planningPaths';
import { useSession } from '@/lib/stores/session';
import { EmptyState } from '@/lib/ui/EmptyState';

/** 规划监测 opens for 街道 and city officers only (the server refuses anyone else anyway). */
export function PlannerGate({ children }: { children: ReactNode }) {
  const user = useSession((s) => s.user);
  if (user && seesPlanning(user)) return <>{children}</>;
  return (
    <EmptyState
      title='规划监测给街道和市民政局的工作人员使用'
      description='社区工作人员请在 我的 里看月探访、差评处理和评价统计。'
      actionText='回到我的'
      actionId='planning-gate-me'
      onAction={() => void openPath(ME_PATH)}
    />
  );
}
