import { View } from '@tarojs/components';
import type { WorkOrderSummary } from '@contract/ratings';
import { formatDay } from '@/lib/date';

const dayOf = (date: string) => formatDay(`${date}T12:00:00+08:00`);

/** The deadline being worked towards, in words and colour: 已逾期 in red, due today or tomorrow in amber. */
export function DueLine({ order }: { order: WorkOrderSummary }) {
  if (!order.due) return <View className='text-secondary'>反馈期限 {dayOf(order.feedbackDue)}</View>;
  const what = order.status === 'awaiting_callback' ? '回访' : '反馈整改结果';
  const day = dayOf(order.due);
  const soon = day === '今天' || day === '明天';
  return (
    <View className={`due-line${order.overdue ? ' due-line--overdue' : soon ? ' due-line--soon' : ''}`} id={`order-${order.id}-due`}>
      {order.overdue ? `已逾期：应在 ${day} 前${what}` : `${day}前${what}${soon ? '（即将到期）' : ''}`}
    </View>
  );
}
