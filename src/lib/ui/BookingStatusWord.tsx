import { View } from '@tarojs/components';
import type { BookingStatus } from '@contract/care';

function tone(status: BookingStatus): 'active' | 'done' | 'off' {
  if (status === 'completed') return 'done';
  if (status === 'cancelled' || status === 'no_show') return 'off';
  return 'active';
}

/**
 * 已预约 / 已确认 / 已完成 / 已取消 / 未到 on a coloured ground: the word carries it, not the colour. Shared by the
 * booker's pages (care) and the provider's (care-staff).
 */
export function BookingStatusWord({ id, status, statusName }: { id?: string; status: BookingStatus; statusName: string }) {
  return (
    <View id={id} className={`status-word status-word--${tone(status)}`}>
      {statusName}
    </View>
  );
}
