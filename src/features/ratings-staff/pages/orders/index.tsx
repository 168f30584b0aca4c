import { Text, View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { WorkOrderPage, WorkOrderSummary } from '@contract/ratings';
import { openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { fetchWorkOrders } from '../../api';
import { DueLine } from '../../components/DueLine';
import { APPEALS_PATH, STATS_PATH, workOrderUrl } from '../../paths';
import '../../staff.scss';

const orderKey = (order: WorkOrderSummary) => order.id;

function OrderCard({ order }: { order: WorkOrderSummary }) {
  return (
    <View id={`order-${order.id}`} className={`card order-card${order.overdue ? ' order-card--overdue' : ''}`} role='button' onClick={() => void openPath(workOrderUrl(order.id))}>
      <View className='order-card__head'>
        <View className='text-title'>{order.servicePointName}</View>
        <View className='order-card__status'>{order.statusWord}</View>
      </View>
      <View className='order-card__row'>
        <Text className='level-word--bad'>{order.levelWord}</Text>
        {order.tags.length ? `：${order.tags.join('、')}` : ''}
      </View>
      <DueLine order={order} />
      <View className='order-card__row text-secondary'>
        {order.communityName ?? ''}
        {order.handlerName ? ` · ${order.handledByMe ? '我' : order.handlerName}处理` : ' · 待接单'}
        {order.appealPending ? ' · 服务点申诉中' : ''}
      </View>
    </View>
  );
}

function Queue() {
  const [state, setState] = useState<'open' | 'done'>('open');
  const load = useCallback((cursor: string | null) => fetchWorkOrders(state, cursor), [state]);
  const list = useCursorList<WorkOrderSummary, WorkOrderPage>(load, orderKey);
  // Back from an order that moved on: show the queue as it is now.
  useListPage(list, { onReturn: true });
  const role = useSession((s) => s.user?.role);
  return (
    <>
      <View className='chip-row' role='radiogroup'>
        <ToggleChip id='orders-open' radio on={state === 'open'} label='待处理（逾期的在前）' onTap={() => setState('open')} />
        <ToggleChip id='orders-done' radio on={state === 'done'} label='已反馈、已办结' onTap={() => setState('done')} />
      </View>
      <CursorListBody
        id='order-list'
        list={list}
        empty={<EmptyState title={state === 'open' ? '没有待处理的差评' : '还没有处理完的差评'} description='居民给出“不满意”“非常不满意”时，会出现在这里。' />}
        renderItem={(order) => <OrderCard key={order.id} order={order} />}
        endText={(n) => `已显示全部 ${n} 张工单`}
      />
      <View className='card'>
        <View className='staff-link' id='orders-appeals' role='button' onClick={() => void openPath(APPEALS_PATH)}>
          {role === 'provider' ? '本服务点的申诉' : '申诉复核'}
        </View>
        <View className='staff-link' id='orders-stats' role='button' onClick={() => void openPath(STATS_PATH)}>
          评价统计
        </View>
      </View>
    </>
  );
}

/** 差评处理: the work orders of the worker's 社区 (a 街道 worker: the street; a provider: its point), overdue first. */
export default function WorkOrdersPage() {
  return (
    <PageRoot className='staff'>
      <BackLink id='orders-back' />
      <View className='text-heading staff__heading'>差评处理</View>
      <StaffGate roles={['worker', 'provider']} who='社区和服务点的工作人员'>
        <Queue />
      </StaffGate>
    </PageRoot>
  );
}
