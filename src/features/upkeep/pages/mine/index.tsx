import { View } from '@tarojs/components';
import { SERVICES_PATH, goToLogin, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { fetchMyCorrections } from '../../api';
import { CorrectionItem } from '../../components/CorrectionItem';
import { usePulledRequest } from '../../usePulledRequest';
import '../../upkeep.scss';

function MyReports() {
  const { data, failure, loading, reload } = usePulledRequest(fetchMyCorrections);
  if (loading && !data) return <LoadingState rows={3} />;
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!data?.length)
    return (
      <EmptyState
        title='您还没有反馈过服务点信息'
        description='看到服务点关门了、电话打不通，可以在服务点页面点“信息有误？去反馈”。'
        actionText='去找服务'
        actionId='mine-find'
        onAction={() => void openPath(SERVICES_PATH)}
      />
    );
  return <View id='mine-list'>{data.map((c) => <CorrectionItem key={c.id} correction={c} />)}</View>;
}

/** 我的反馈: the user's own 信息有误 reports and how each was handled. */
export default function MyReportsPage() {
  const user = useSession((s) => s.user);
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>我的反馈</View>
      {user ? <MyReports /> : <EmptyState title='请先登录' actionText='去登录' actionId='mine-login' onAction={() => void goToLogin()} />}
    </PageRoot>
  );
}
