import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { BookingStatusBody, Schedule, ScheduleBooking } from '@contract/care';
import { toApiFailure } from '@/lib/api/failure';
import { addDays, chinaDate, formatDay } from '@/lib/date';
import { useRequest } from '@/lib/useRequest';
import { BackLink } from '@/lib/ui/BackLink';
import { BookingStatusWord } from '@/lib/ui/BookingStatusWord';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { fetchSchedule, setBookingStatus } from '../../api';
import '../../staff.scss';

/** Today and the next six days: what a provider plans its kitchen and deliveries by. */
const DAYS_AHEAD = 7;

type NextStatus = BookingStatusBody['status'];

const ACTIONS: Record<NextStatus, { label: string; ask?: string; done: string }> = {
  confirmed: { label: '确认', done: '已确认' },
  completed: { label: '已完成', ask: '确定这次服务已经完成了吗？完成后不能再改。', done: '已记为完成' },
  no_show: { label: '未到', ask: '确定记为未到吗？老人和家属会收到消息，记下后不能再改。', done: '已记为未到' },
};

function BookingRow({ booking, onChanged }: { booking: ScheduleBooking; onChanged: () => void }) {
  const [busy, setBusy] = useState(false);
  const change = async (status: NextStatus) => {
    const action = ACTIONS[status];
    if (action.ask) {
      const { confirm } = await Taro.showModal({ title: `${booking.elderName}：${action.label}`, content: action.ask, confirmText: action.label, cancelText: '不了' });
      if (!confirm) return;
    }
    setBusy(true);
    try {
      await setBookingStatus(booking.id, { status });
      void Taro.showToast({ title: action.done, icon: 'none' });
      onChanged();
    } catch (error) {
      void Taro.showModal({ title: '没有改成功', content: toApiFailure(error).message, showCancel: false, confirmText: '知道了' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View id={`staff-booking-${booking.id}`} className='staff-booking'>
      <View className='staff-booking__head'>
        <View className='text-title'>
          {booking.elderName}
          {booking.mealMode === 'delivery' ? ' · 送餐' : booking.mealMode === 'dine-in' ? ' · 堂食' : ''}
        </View>
        <BookingStatusWord status={booking.status} statusName={booking.statusName} />
      </View>
      {booking.address ? <View>地址：{booking.address}</View> : null}
      {booking.elderPhone ? <View className='text-secondary'>电话：{booking.elderPhone}</View> : null}
      {booking.note ? <View className='text-secondary'>备注：{booking.note}</View> : null}
      {booking.nextStatuses.length > 0 ? (
        <View className='staff-actions'>
          {booking.nextStatuses.map((status) => (
            <Button
              key={status}
              id={`staff-${status}-${booking.id}`}
              className='big-button'
              type={status === 'no_show' ? 'default' : 'primary'}
              disabled={busy}
              onClick={() => void change(status)}
            >
              {ACTIONS[status].label}
            </Button>
          ))}
        </View>
      ) : null}
    </View>
  );
}

function ScheduleView({ schedule, onChanged }: { schedule: Schedule; onChanged: () => void }) {
  if (schedule.slots.length === 0) {
    return <EmptyState title={`${formatDay(`${schedule.date}T12:00:00+08:00`)}没有开放的时段`} description='可以看看其他日子。' />;
  }
  return (
    <>
      {schedule.slots.map(({ slot, service, bookedCount, deliveryCount, bookings }) => {
        const deliveries = bookings.filter((b) => b.mealMode === 'delivery' && b.status !== 'cancelled');
        return (
          <View key={slot.id} id={`staff-slot-${slot.id}`} className='card'>
            <View className='slot-head'>
              <View className='text-title'>
                {service.name} {slot.start}–{slot.end}
              </View>
              <View className='slot-counts'>
                已约 {bookedCount}/{slot.capacity}
                {service.kind === 'meal' ? ` · 送餐 ${deliveryCount} 份` : ''}
              </View>
            </View>
            {slot.menu ? <View className='text-secondary'>菜单：{slot.menu}</View> : null}
            {deliveries.length > 0 ? (
              <View id={`staff-deliveries-${slot.id}`} className='text-secondary'>
                送餐地址：{deliveries.map((b) => `${b.elderName} ${b.address ?? ''}`).join('；')}
              </View>
            ) : null}
            {bookings.length === 0 ? <View className='text-secondary'>还没有人预约</View> : null}
            {bookings.map((b) => (
              <BookingRow key={b.id} booking={b} onChanged={onChanged} />
            ))}
          </View>
        );
      })}
    </>
  );
}

function ProviderDay() {
  const today = chinaDate();
  const days = Array.from({ length: DAYS_AHEAD }, (_, i) => addDays(today, i));
  const [date, setDate] = useState(days[0]);
  const load = useCallback(() => fetchSchedule(date), [date]);
  const { data, failure, loading, reload } = useRequest(load);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  return (
    <>
      {data ? <View className='text-secondary staff__heading'>{data.servicePoint.name}</View> : null}
      <View className='day-strip' role='radiogroup'>
        {days.map((d) => (
          <View key={d} id={`staff-day-${d}`} className={d === date ? 'day-chip day-chip--selected' : 'day-chip'} role='radio' aria-checked={d === date ? 'true' : 'false'} onClick={() => setDate(d)}>
            {d === date ? '✓ ' : ''}
            {formatDay(`${d}T12:00:00+08:00`)}
          </View>
        ))}
      </View>
      {loading && (!data || data.date !== date) ? (
        <LoadingState rows={2} />
      ) : failure ? (
        <ErrorState message={failure.message} onRetry={reload} />
      ) : data ? (
        <ScheduleView schedule={data} onChanged={reload} />
      ) : null}
    </>
  );
}

/** The provider's day: bookings of its own point by slot, the 送餐 count and addresses, confirm / complete / 未到. */
export default function ProviderPage() {
  return (
    <PageRoot className='provider'>
      <BackLink id='provider-back' />
      <View className='text-heading staff__heading'>服务点预约</View>
      <StaffGate roles={['provider']} who='服务点工作人员'>
        <ProviderDay />
      </StaffGate>
    </PageRoot>
  );
}
