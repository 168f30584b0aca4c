import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import type { VisitElder, VisitPage } from '@contract/care';
import { formatDay } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { fetchVisits } from '../../api';
import { ELDERS_PATH, visitFormUrl } from '../../paths';
import '../../staff.scss';

const elderKey = (item: VisitElder) => item.elder.id;
const METHOD_WORDS = { home: '上门', phone: '电话', video: '视频' } as const;

function RateCard({ page }: { page: VisitPage | undefined }) {
  if (!page) return null;
  return (
    <View id='visit-rates' className='card'>
      <View className='text-title'>{page.month.replace('-', ' 年 ')} 月探访率（目标 100%）</View>
      {page.communities.map((c) => (
        <View key={c.communityId} id={`visit-rate-${c.communityId}`} className={c.ratePercent < 100 ? 'rate-row rate-row--short' : 'rate-row'}>
          <View>{c.communityName}</View>
          <View>
            {c.visited}/{c.due} 人 · {c.ratePercent}%{c.ratePercent < 100 ? ' 未达标' : ' 已达标'}
          </View>
        </View>
      ))}
    </View>
  );
}

function ElderCard({ item }: { item: VisitElder }) {
  const { elder, lastVisit } = item;
  return (
    <View id={`visit-elder-${elder.id}`} className='card'>
      <View className='staff-booking__head'>
        <View className='text-title'>
          {elder.name}（{elder.age} 岁）
        </View>
        <View className={`status-word status-word--${item.visitedThisMonth ? 'done' : 'active'}`}>{item.visitedThisMonth ? '本月已探访' : '本月待探访'}</View>
      </View>
      <View className='text-secondary'>{elder.address}</View>
      <View className='text-secondary'>
        {lastVisit ? `上次：${formatDay(lastVisit.visitedOn + 'T12:00:00+08:00')} ${METHOD_WORDS[lastVisit.method]}（${lastVisit.workerName}）` : '还没有探访记录'}
      </View>
      <Button id={`visit-record-${elder.id}`} className='big-button field' type='primary' block onClick={() => void openPath(visitFormUrl(elder.id, elder.name))}>
        记录探访
      </Button>
    </View>
  );
}

function VisitList() {
  const [status, setStatus] = useState<'due' | 'visited' | undefined>('due');
  const load = useCallback((cursor: string | null) => fetchVisits({ status, cursor }), [status]);
  const list = useCursorList<VisitElder, VisitPage>(load, elderKey);
  // Back from recording a visit: the rate and the list have changed.
  useListPage(list, { onReturn: true });
  const tabs = [
    { id: 'due', label: '待探访', value: 'due' as const },
    { id: 'visited', label: '已探访', value: 'visited' as const },
    { id: 'all', label: '全部', value: undefined },
  ];
  return (
    <>
      <RateCard page={list.lastPage} />
      <View className='day-strip' role='radiogroup'>
        {tabs.map((t) => (
          <View key={t.id} id={`visits-${t.id}`} className={status === t.value ? 'day-chip day-chip--selected' : 'day-chip'} role='radio' aria-checked={status === t.value ? 'true' : 'false'} onClick={() => setStatus(t.value)}>
            {t.label}
          </View>
        ))}
      </View>
      <CursorListBody
        id='visit-list'
        list={list}
        empty={<EmptyState title={status === 'due' ? '本月需要探访的老人都已探访' : '没有符合条件的老人'} />}
        renderItem={(item) => <ElderCard key={item.elder.id} item={item} />}
        endText={(n) => `已显示全部 ${n} 位老人`}
      />
    </>
  );
}

/** 月探访: the elders of the eight classes due a visit this month, the visit rate per 社区, recording a visit. */
export default function VisitsPage() {
  return (
    <PageRoot className='visits'>
      <BackLink id='visits-back' />
      <View className='text-heading staff__heading'>月探访</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        <Button id='visits-elders' className='big-button field' block onClick={() => void openPath(ELDERS_PATH)}>
          老人档案 · 家属绑定审核
        </Button>
        <VisitList />
      </StaffGate>
    </PageRoot>
  );
}
