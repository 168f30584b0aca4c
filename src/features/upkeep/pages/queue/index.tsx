import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import { accessibleName } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { fetchCorrections } from '../../api';
import { CorrectionItem } from '../../components/CorrectionItem';
import type { CorrectionView } from '../../types';
import { usePulledRequest } from '../../usePulledRequest';
import '../../upkeep.scss';

function Queue() {
  const [state, setState] = useState<'open' | 'handled'>('open');
  const [handled, setHandled] = useState<number[]>([]);
  const load = useCallback(() => fetchCorrections(state), [state]);
  const { data, failure, loading, reload } = usePulledRequest(load);
  // A handled report leaves the open tab at once; the next load has it under 已处理.
  const onHandled = (c: CorrectionView) => setHandled((ids) => [...ids, c.id]);
  const items = (data ?? []).filter((c) => state === 'handled' || !handled.includes(c.id));
  let body;
  if (loading && !data) body = <LoadingState rows={3} />;
  else if (failure) body = <ErrorState message={failure.message} onRetry={reload} />;
  else if (items.length === 0)
    body = <EmptyState title={state === 'open' ? '没有待处理的居民反馈' : '还没有处理过的反馈'} description='居民在服务点页面点“信息有误？去反馈”后，会出现在这里。' />;
  else body = items.map((c) => <CorrectionItem key={c.id} correction={c} onHandled={state === 'open' ? onHandled : undefined} />);
  return (
    <>
      <View className='chip-row upkeep__tabs' role='radiogroup' {...accessibleName('待处理或已处理')}>
        <ToggleChip id='queue-open' radio on={state === 'open'} label='待处理' onTap={() => setState('open')} />
        <ToggleChip id='queue-handled' radio on={state === 'handled'} label='已处理' onTap={() => setState('handled')} />
      </View>
      <View id='queue-list'>{body}</View>
    </>
  );
}

/** 纠错待办: residents' 信息有误 reports on the worker's points, earliest due first. */
export default function CorrectionQueuePage() {
  return (
    <PageRoot className='upkeep'>
      <BackLink id='upkeep-back' />
      <View className='text-heading upkeep__heading'>纠错待办</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        <Queue />
      </StaffGate>
    </PageRoot>
  );
}
