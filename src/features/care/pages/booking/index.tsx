import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { Booking } from '@contract/care';
import { ratingPagePaths } from '@contract/rules/rating-paths';
import { toApiFailure } from '@/lib/api/failure';
import { MY_BOOKINGS_PATH } from '@/lib/carePaths';
import { formatDayTime } from '@/lib/date';
import { HOME_PATH, openPath } from '@/lib/navigation';
import { useRequest } from '@/lib/useRequest';
import { BackLink } from '@/lib/ui/BackLink';
import { BookingStatusWord } from '@/lib/ui/BookingStatusWord';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { cancelBooking, fetchBooking } from '../../api';
import { mealModeNames } from '@contract/care-words';
import { nextStepText, payableText, slotTimeText } from '../../format';
import '../../care.scss';
import { SummaryRow } from '../../components/SummaryRow';

function BookingView({ booking, justBooked, onCancel, cancelling }: { booking: Booking; justBooked: boolean; onCancel: () => void; cancelling: boolean }) {
  return (
    <View>
      {justBooked ? (
        <View id='booking-result' className='card booked-banner' role='status'>
          <View className='text-heading booked-banner__title'>✓ 预约成功</View>
          <View id='booking-next-step'>{nextStepText(booking)}</View>
        </View>
      ) : null}
      <View className='card'>
        <View className='booking-card__head'>
          <View className='text-title' id='booking-title'>
            {booking.service.kindName} · {booking.service.name}
          </View>
          <BookingStatusWord id='booking-status' status={booking.status} statusName={booking.statusName} />
        </View>
        <SummaryRow id='booking-elder' label='为谁'>{booking.elder.name}</SummaryRow>
        <SummaryRow id='booking-time' label='时间'>{slotTimeText(booking.slot)}</SummaryRow>
        <SummaryRow id='booking-point' label='服务点'>{`${booking.servicePoint.name} ${booking.servicePoint.phone}`}</SummaryRow>
        {booking.mealMode ? <SummaryRow id='booking-mode' label='方式'>{mealModeNames[booking.mealMode]}</SummaryRow> : null}
        {booking.address ? <SummaryRow id='booking-address' label={booking.mealMode === 'delivery' ? '送到' : '地址'}>{booking.address}</SummaryRow> : null}
        {booking.menu ? <SummaryRow id='booking-menu' label='菜单'>{booking.menu}</SummaryRow> : null}
        {booking.note ? <SummaryRow id='booking-note' label='备注'>{booking.note}</SummaryRow> : null}
        <SummaryRow id='booking-price' label='价格'>{payableText(booking.price)}</SummaryRow>
        <SummaryRow id='booking-by' label='预约人'>{`${booking.bookedBy.name}（${booking.bookedBy.relation}）`}</SummaryRow>
      </View>
      {justBooked ? null : (
        <View id='booking-next' className='card'>
          <View className='text-title'>接下来</View>
          <View>{nextStepText(booking)}</View>
        </View>
      )}
      <View id='booking-timeline' className='card'>
        <View className='text-title choice-section__title'>进度</View>
        {booking.timeline.map((entry, i) => (
          <View key={`${entry.status}-${i}`} className='timeline__entry'>
            <View className='choice__title'>{entry.label}</View>
            <View className='text-secondary'>
              {formatDayTime(entry.at)} · {entry.by}
            </View>
            {entry.note ? <View className='text-secondary'>{entry.note}</View> : null}
          </View>
        ))}
      </View>
      {booking.status === 'completed' ? (
        <Button
          id='booking-rate'
          className='big-button'
          type='primary'
          size='large'
          block
          onClick={() => void openPath(`${ratingPagePaths.rate}?booking=${booking.id}&name=${encodeURIComponent(booking.service.name)}`)}
        >
          评价这次服务
        </Button>
      ) : null}
      {booking.canCancel ? (
        <Button id='booking-cancel' className='big-button' size='large' block loading={cancelling} disabled={cancelling} onClick={onCancel}>
          取消预约
        </Button>
      ) : null}
      {justBooked ? (
        <View className='card'>
          <View id='booking-to-list' className='text-link' role='button' onClick={() => void openPath(MY_BOOKINGS_PATH, 'replace')}>
            查看我的全部预约
          </View>
          <View id='booking-to-home' className='text-link' role='button' onClick={() => void openPath(HOME_PATH)}>
            回首页
          </View>
        </View>
      ) : null}
    </View>
  );
}

/** One booking: state, details, what happens next, the timeline, and 取消预约 until the cut-off (asked first). */
export default function BookingPage() {
  const params = useRouter().params;
  const id = Number(params.id);
  const justBooked = params.booked === '1';
  const load = useCallback(() => fetchBooking(id), [id]);
  const { data, failure, loading, reload } = useRequest(load);
  const [booking, setBooking] = useState<Booking>();
  const [cancelling, setCancelling] = useState(false);
  useEffect(() => setBooking(data), [data]);

  const cancel = async () => {
    if (!booking) return;
    const { confirm } = await Taro.showModal({
      title: '取消预约',
      content: `确定取消${booking.elder.name} ${slotTimeText(booking.slot)}的${booking.service.name}吗？取消后名额会让给别人。`,
      confirmText: '取消预约',
      cancelText: '不取消',
    });
    if (!confirm) return;
    setCancelling(true);
    try {
      setBooking(await cancelBooking(booking.id));
      void Taro.showToast({ title: '已取消预约', icon: 'none' });
    } catch (error) {
      void Taro.showModal({ title: '没有取消成功', content: toApiFailure(error).message, showCancel: false, confirmText: '知道了' });
    } finally {
      setCancelling(false);
    }
  };

  let body;
  if (!Number.isInteger(id) || id <= 0) {
    body = <EmptyState title='没有指明要看哪个预约' actionText='查看我的预约' actionId='booking-list-link' onAction={() => void openPath(MY_BOOKINGS_PATH)} />;
  } else if (loading && !booking) {
    body = <LoadingState rows={3} />;
  } else if (failure && !booking) {
    body =
      failure.status === 404 ? (
        <EmptyState title={failure.message} actionText='查看我的预约' actionId='booking-list-link' onAction={() => void openPath(MY_BOOKINGS_PATH)} />
      ) : (
        <ErrorState message={failure.message} onRetry={reload} />
      );
  } else if (booking) {
    body = <BookingView booking={booking} justBooked={justBooked} onCancel={() => void cancel()} cancelling={cancelling} />;
  }
  return (
    <PageRoot className='booking'>
      <BackLink id='booking-back' />
      {body}
    </PageRoot>
  );
}
