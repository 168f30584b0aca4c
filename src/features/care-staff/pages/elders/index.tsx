import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import type { ElderPage, ElderSummary } from '@contract/care';
import { openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { accessibleName } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { fetchElders } from '../../api';
import { classNamesText } from '@contract/care-words';
import { elderUrl } from '../../paths';
import '../../staff.scss';

const elderKey = (elder: ElderSummary) => elder.id;

function ElderCard({ elder }: { elder: ElderSummary }) {
  const waiting = elder.pendingBindings ?? 0;
  return (
    <View id={`staff-elder-${elder.id}`} className='card'>
      <View className='staff-booking__head'>
        <View className='text-title'>
          {elder.name}（{elder.age} 岁）
        </View>
        {waiting > 0 ? <View className='status-word status-word--active'>{waiting} 位家属待批准</View> : null}
      </View>
      <View className='text-secondary'>
        {elder.communityName} · {elder.maskedIdNumber}
      </View>
      <View className='text-secondary'>类别：{classNamesText(elder.classes)}{elder.dibao ? ' · 低保' : ''}</View>
      <Button id={`staff-elder-open-${elder.id}`} className='big-button field' type='primary' block onClick={() => void openPath(elderUrl(elder.id))}>
        {waiting > 0 ? '查看并批准' : '查看档案'}
      </Button>
    </View>
  );
}

function ElderList() {
  const [pending, setPending] = useState(true);
  const load = useCallback((cursor: string | null) => fetchElders({ pending, cursor }), [pending]);
  const list = useCursorList<ElderSummary, ElderPage>(load, elderKey);
  // Back from an elder's page: a request approved there leaves the 待批准 list.
  useListPage(list, { onReturn: true });
  return (
    <>
      <View className='day-strip' role='radiogroup' {...accessibleName('显示哪些老人')}>
        <ToggleChip id='staff-elders-pending' radio on={pending} label='待批准的绑定' onTap={() => setPending(true)} />
        <ToggleChip id='staff-elders-all' radio on={!pending} label='全部老人' onTap={() => setPending(false)} />
      </View>
      <CursorListBody
        id='staff-elder-list'
        list={list}
        empty={
          pending ? (
            <EmptyState title='没有等待批准的家属绑定' description='家属申请绑定本社区的老人后，会出现在这里。' />
          ) : (
            <EmptyState title='本社区还没有老人档案' />
          )
        }
        renderItem={(elder) => <ElderCard key={elder.id} elder={elder} />}
        endText={(n) => `已显示全部 ${n} 位老人`}
      />
    </>
  );
}

/** 老人档案 for workers: the elders of their 社区 with family binding requests waiting for approval, or all of them. */
export default function EldersPage() {
  return (
    <PageRoot className='staff-elders'>
      <BackLink id='staff-elders-back' />
      <View className='text-heading staff__heading'>老人档案</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        <ElderList />
      </StaffGate>
    </PageRoot>
  );
}
