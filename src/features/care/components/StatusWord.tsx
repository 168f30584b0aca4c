import { View } from '@tarojs/components';
import type { BookingSummary } from '@contract/care';
import { statusTone } from '../format';

/** 已预约 / 已确认 / 已完成 / 已取消 / 未到: a word on a coloured ground (the word carries it, not the colour). */
export function StatusWord({ id, booking }: { id?: string; booking: Pick<BookingSummary, 'status' | 'statusName'> }) {
  return (
    <View id={id} className={`status-word status-word--${statusTone(booking.status)}`}>
      {booking.statusName}
    </View>
  );
}
