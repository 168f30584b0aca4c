import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { useRequest } from '@/lib/useRequest';
import { fetchEditable } from '../../api';
import { EditPoint } from '../../components/EditPoint';
import '../../upkeep.scss';

function Editor({ id }: { id: string }) {
  const load = useCallback(() => fetchEditable(id), [id]);
  const { data, failure, loading, reload } = useRequest(load);
  if (loading && !data) return <LoadingState rows={5} />;
  if (failure?.status === 403 || failure?.status === 404) return <EmptyState title={failure.message} description='只能编辑您负责的服务点。' />;
  if (failure || !data) return <ErrorState message={failure?.message ?? '没有读到这个服务点'} onRetry={reload} />;
  return <EditPoint key={data.id} point={data} />;
}

/** 编辑服务点: staff of the point, or the 社区 / 街道 worker responsible for it. */
export default function EditPointPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>编辑服务点</View>
      <StaffGate roles={['provider', 'worker']} who='社区和服务点的工作人员'>{id ? <Editor id={id} /> : <EmptyState title='没有指明要编辑哪个服务点' />}</StaffGate>
    </PageRoot>
  );
}
