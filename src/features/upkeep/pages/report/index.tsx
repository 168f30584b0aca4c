import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { goToLogin } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ReportForm } from '../../components/ReportForm';
import '../../upkeep.scss';

/** 信息有误: a resident tells the 社区 that a point's details are wrong (opened from the point's page). */
export default function ReportPage() {
  const params = useRouter().params;
  const user = useSession((s) => s.user);
  const pointId = decodeURIComponent(params.id ?? '');
  const pointName = params.name ? decodeURIComponent(params.name) : '这个服务点';
  let body;
  if (!pointId) body = <EmptyState title='没有指明是哪个服务点' description='请从服务点页面的“信息有误？去反馈”进入。' />;
  else if (!user) body = <EmptyState title='反馈前请先登录' description='登录后，处理结果会发到您的“消息”里。' actionText='去登录' actionId='report-login' onAction={() => void goToLogin()} />;
  else body = <ReportForm pointId={pointId} pointName={pointName} />;
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>信息有误</View>
      {body}
    </PageRoot>
  );
}
