import { View } from '@tarojs/components';
import { upkeepEditUrl } from '@/lib/upkeepPaths';
import { openPath } from '@/lib/navigation';
import { focusable } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { fetchStalePoints } from '../../api';
import { usePulledRequest } from '../../usePulledRequest';
import '../../upkeep.scss';

function StaleList() {
  const { data, failure, loading, reload } = usePulledRequest(fetchStalePoints);
  if (loading && !data) return <LoadingState rows={3} />;
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!data?.length) return <EmptyState title='所有服务点都在近期核实过' description='超过半年没有核实的服务点会出现在这里。' />;
  return (
    <View id='stale-list'>
      {data.map((p) => (
        <View key={p.id} id={`stale-${p.id}`} className='card upkeep__link-card' role='link' {...focusable()} onClick={() => void openPath(upkeepEditUrl(p.id))}>
          <View className='text-title'>{p.name}</View>
          <View className='text-secondary'>
            上次核实：{p.verifiedAt}（{p.daysSince} 天前）
          </View>
          <View className='upkeep__go'>去核实 ›</View>
        </View>
      ))}
    </View>
  );
}

/** 待核实: the worker's points not checked for a long time, oldest first; each opens 编辑服务点. */
export default function StalePointsPage() {
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>待核实</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        <StaleList />
      </StaffGate>
    </PageRoot>
  );
}
