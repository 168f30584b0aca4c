import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { Message, MessagePage } from '@contract/messages';
import { toApiFailure } from '@/lib/api/failure';
import { formatDayTime } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { fetchMessages, markMessagesRead } from '../../api';
import { formatAgo } from '../../ago';
import '../../messages.scss';

const messageKey = (message: Message) => message.id;

function MessageCard({ message, onOpen }: { message: Message; onOpen: (message: Message) => void }) {
  const unread = message.readAt === null;
  return (
    <View
      id={`message-${message.id}`}
      className={unread ? 'card message-card message-card--unread' : 'card message-card'}
      role='button'
      onClick={() => onOpen(message)}
    >
      <View className='message-card__head'>
        {/* A word beside the weight: colour or boldness alone would not say it. */}
        {unread ? <View className='message-card__badge'>未读</View> : null}
        <View className='text-title message-card__title'>{message.title}</View>
      </View>
      <View className='message-card__body'>{message.body}</View>
      <View className='text-secondary'>
        {formatAgo(message.createdAt)} · {formatDayTime(message.createdAt)}
        {message.link ? ' · 点按查看' : ''}
      </View>
    </View>
  );
}

/** 消息: everything the app told the user (bookings, ratings …), newest first; opening one marks it read. */
export default function MessagesPage() {
  const load = useCallback((cursor: string | null) => fetchMessages(cursor), []);
  const list = useCursorList<Message, MessagePage>(load, messageKey);
  const [unread, setUnread] = useState<number | null>(null);
  const unreadCount = unread ?? list.lastPage?.unreadCount ?? 0;

  usePullDownRefresh(() => {
    setUnread(null);
    void list.refresh().finally(() => void Taro.stopPullDownRefresh());
  });
  useReachBottom(() => list.loadMore());

  const markRead = async (which: { ids: number[] } | { all: true }) => {
    const now = new Date().toISOString();
    const ids = 'ids' in which ? new Set(which.ids) : null;
    try {
      const result = await markMessagesRead(which);
      setUnread(result.unreadCount);
      list.update((items) => items.map((m) => (m.readAt === null && (!ids || ids.has(m.id)) ? { ...m, readAt: now } : m)));
    } catch (error) {
      void Taro.showToast({ title: toApiFailure(error).message, icon: 'none' });
    }
  };

  const open = (message: Message) => {
    if (message.readAt === null) void markRead({ ids: [message.id] });
    if (message.link) void openPath(message.link);
  };

  return (
    <PageRoot className='messages'>
      <BackLink id='messages-back' />
      <View className='messages__head'>
        <View className='text-heading'>消息</View>
        {unreadCount > 0 ? (
          <View id='messages-read-all' className='messages__read-all' role='button' onClick={() => void markRead({ all: true })}>
            全部标为已读（{unreadCount}）
          </View>
        ) : null}
      </View>
      <CursorListBody
        id='message-list'
        list={list}
        empty={<EmptyState title='还没有消息' description='预约、评价有了新进展时，会在这里告诉您。' />}
        renderItem={(message) => <MessageCard key={message.id} message={message} onOpen={open} />}
        endText={(n) => `已显示全部 ${n} 条消息`}
      />
    </PageRoot>
  );
}
