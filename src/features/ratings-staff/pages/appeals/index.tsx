import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { Appeal, AppealPage } from '@contract/ratings';
import { useSession } from '@/lib/stores/session';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { fetchAppeals } from '../../api';
import { AppealCard } from '../../components/AppealCard';
import '../../staff.scss';

const appealKey = (appeal: Appeal) => appeal.id;

function Appeals() {
  const user = useSession((s) => s.user);
  const canDecide = user?.role === 'worker' && Boolean(user.scope.townCode);
  const [status, setStatus] = useState<'pending' | 'decided'>('pending');
  const load = useCallback((cursor: string | null) => fetchAppeals(status, cursor), [status]);
  const list = useCursorList<Appeal, AppealPage>(load, appealKey);
  useListPage(list);
  const replace = (updated: Appeal) => list.update((items) => items.map((a) => (a.id === updated.id ? updated : a)));
  return (
    <>
      {canDecide ? null : <View className='card text-secondary'>申诉由街道工作人员复核；这里可以看到进展和结果。</View>}
      <View className='chip-row' role='radiogroup'>
        <ToggleChip id='appeals-pending' radio on={status === 'pending'} label='待复核' onTap={() => setStatus('pending')} />
        <ToggleChip id='appeals-decided' radio on={status === 'decided'} label='已复核' onTap={() => setStatus('decided')} />
      </View>
      <CursorListBody
        id='appeal-list'
        list={list}
        empty={<EmptyState title={status === 'pending' ? '没有待复核的申诉' : '还没有复核过的申诉'} description='服务点认为评价是误评或恶意评价时，可以在工单里申诉。' />}
        renderItem={(appeal) => <AppealCard key={appeal.id} appeal={appeal} canDecide={canDecide} onChange={replace} />}
        endText={(n) => `已显示全部 ${n} 条申诉`}
      />
    </>
  );
}

/** 申诉复核: appeals of providers against ratings, decided by the 街道; providers and community workers follow them. */
export default function AppealsPage() {
  return (
    <PageRoot className='staff'>
      <BackLink id='appeals-back' />
      <View className='text-heading staff__heading'>申诉复核</View>
      <StaffGate roles={['worker', 'provider']} who='社区和服务点的工作人员'>
        <Appeals />
      </StaffGate>
    </PageRoot>
  );
}
