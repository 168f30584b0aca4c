import { View } from '@tarojs/components';
import { useCallback } from 'react';
import type { BookingPage, BookingSummary } from '@contract/care';
import { bookingDetailUrl, careBookingUrl } from '@/lib/carePaths';
import { openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { BookingStatusWord } from '@/lib/ui/BookingStatusWord';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { fetchBookings } from '../../api';
import { mealModeNames } from '@contract/care-words';
import { slotTimeText, yuan } from '../../format';
import '../../care.scss';

const bookingKey = (booking: BookingSummary) => booking.id;

function BookingCard({ booking }: { booking: BookingSummary }) {
  return (
    <View id={`booking-${booking.id}`} className='card booking-card' role='button' onClick={() => void openPath(bookingDetailUrl(booking.id))}>
      <View className='booking-card__head'>
        <View className='text-title'>
          {booking.service.kindName} · {booking.service.name}
        </View>
        <BookingStatusWord status={booking.status} statusName={booking.statusName} />
      </View>
      <View>
        {slotTimeText(booking.slot)}
        {booking.mealMode ? ` · ${mealModeNames[booking.mealMode]}` : ''}
      </View>
      <View className='text-secondary'>
        为 {booking.elder.name} · {booking.servicePoint.name} · {booking.payableFen === 0 ? '免费' : yuan(booking.payableFen)}
      </View>
    </View>
  );
}

/** 我的预约: the bookings the user made or that were made for them, newest first, each with its state in words. */
export default function MyBookingsPage() {
  const load = useCallback((cursor: string | null) => fetchBookings(cursor), []);
  const list = useCursorList<BookingSummary, BookingPage>(load, bookingKey);
  // Coming back from a booking that was cancelled there: show its new state.
  useListPage(list, { onReturn: true });
  return (
    <PageRoot className='bookings'>
      <BackLink id='bookings-back' />
      <View className='text-heading book__heading'>我的预约</View>
      <CursorListBody
        id='booking-list'
        list={list}
        empty={
          <EmptyState
            title='还没有预约'
            description='可以为自己或绑定的家人预约助餐、助浴和上门服务。'
            actionText='预约助餐'
            actionId='bookings-book'
            onAction={() => void openPath(careBookingUrl({ group: 'meal' }))}
          />
        }
        renderItem={(booking) => <BookingCard key={booking.id} booking={booking} />}
        endText={(n) => `已显示全部 ${n} 个预约`}
      />
    </PageRoot>
  );
}
