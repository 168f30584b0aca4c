import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { WorkOrderDetail } from '@contract/ratings';
import { formatDay, formatDayTime } from '@/lib/date';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { useRequest } from '@/lib/useRequest';
import { fetchWorkOrder } from '../../api';
import { ActionForm } from '../../components/ActionForm';
import { DueLine } from '../../components/DueLine';
import '../../staff.scss';

const dayOf = (date: string) => formatDay(`${date}T12:00:00+08:00`);

function Contact({ order }: { order: WorkOrderDetail }) {
  if (order.rater) {
    return (
      <View className='card' id='order-contact'>
        <View className='field__label'>评价人（只有您能看到，查看会被记录）</View>
        <View className='order-card__row'>
          {order.rater.name} · {order.rater.phone ?? '未留电话'}
        </View>
        {order.rater.phone ? (
          <Button id='order-call' className='big-button field' size='large' block onClick={() => void Taro.makePhoneCall({ phoneNumber: order.rater!.phone! }).catch(() => undefined)}>
            打电话回访
          </Button>
        ) : null}
      </View>
    );
  }
  return (
    <View className='card text-secondary' id='order-contact'>
      评价人：{order.maskedName}
      {order.handlerName ? `（由${order.handlerName}处理，只有处理人能看到联系方式）` : '（接单后可以看到联系方式）'}
    </View>
  );
}

function OrderView({ order, onChange }: { order: WorkOrderDetail; onChange: (order: WorkOrderDetail | null) => void }) {
  const action = order.allowedActions[0];
  return (
    <>
      <View className={`card order-card${order.overdue ? ' order-card--overdue' : ''}`} id='order-summary'>
        <View className='order-card__head'>
          <View className='text-title'>{order.servicePointName}</View>
          <View id='order-status'>{order.statusWord}</View>
        </View>
        <View className='order-card__row'>
          <Text className='level-word--bad'>{order.levelWord}</Text>
          {order.tags.length ? `：${order.tags.join('、')}` : ''}
        </View>
        {order.comment ? (
          <View className='order-card__row'>
            “{order.comment}”{order.commentStatus === 'private' ? '（未通过内容检查，未公开）' : ''}
          </View>
        ) : null}
        <DueLine order={order} />
        <View className='order-card__row text-secondary'>
          收到于 {formatDayTime(order.openedAt)} · 回访期限 {dayOf(order.callbackDue)} · 反馈期限 {dayOf(order.feedbackDue)}
          {order.rectifyBy ? ` · 整改期限 ${dayOf(order.rectifyBy)}` : ''}
        </View>
        {order.followUp ? <View className='order-card__row'>居民追评：{order.followUp.word}{order.followUp.comment ? `（${order.followUp.comment}）` : ''}</View> : null}
        {order.appeal ? <View className='order-card__row'>服务点申诉（{order.appeal.statusWord}）：{order.appeal.reason}</View> : null}
      </View>
      <Contact order={order} />
      {action ? <ActionForm key={`${order.status}-${action}`} order={order} action={action} onDone={onChange} /> : null}
      <View className='card'>
        <View className='field__label'>处理经过</View>
        <View className='timeline' id='order-timeline'>
          {order.events.map((e, index) => (
            <View key={index} className='timeline__entry'>
              <View>{e.title}</View>
              <View className='text-secondary'>{formatDayTime(e.at)}</View>
              {e.text ? <View>{e.text}</View> : null}
            </View>
          ))}
        </View>
      </View>
    </>
  );
}

function OrderBody({ id }: { id: number }) {
  const load = useCallback(() => fetchWorkOrder(id), [id]);
  const { data, failure, loading, reload } = useRequest(load);
  const [order, setOrder] = useState<WorkOrderDetail>();
  useEffect(() => setOrder(data), [data]);
  if (loading && !order) return <LoadingState rows={4} />;
  if (failure && !order) return failure.status === 404 ? <EmptyState title={failure.message} /> : <ErrorState message={failure.message} onRetry={reload} />;
  if (!order) return null;
  // An appeal answers nothing to show here: load the order again to see it.
  return <OrderView order={order} onChange={(next) => (next ? setOrder(next) : reload())} />;
}

/** One 差评 work order: the rating, its deadlines, the rater's contact for the handling worker only, the next step. */
export default function WorkOrderPage() {
  const id = Number(useRouter().params.id);
  return (
    <PageRoot className='staff'>
      <BackLink id='order-back' />
      <StaffGate roles={['worker', 'provider']} who='社区和服务点的工作人员'>{Number.isInteger(id) && id > 0 ? <OrderBody id={id} /> : <EmptyState title='没有指明要看哪张工单' />}</StaffGate>
    </PageRoot>
  );
}
