import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import type { CursorList, CursorPage } from '../useCursorList';
import { ErrorState } from './ErrorState';
import { LoadingState } from './LoadingState';

interface CursorListBodyProps<T, P extends CursorPage<T>> {
  id: string;
  list: CursorList<T, P>;
  /** Shown when the list is empty (an EmptyState saying why, with the next step). */
  empty: ReactNode;
  renderItem: (item: T) => ReactNode;
  /** "共 N 条" wording of the end of the list, e.g. (n) => `已显示全部 ${n} 条预约`. */
  endText: (count: number) => string;
}

/**
 * The states of a paged list in one place: skeleton, error with 重试, empty, then the items with a footer that
 * loads more (also by reaching the bottom), offers 重试 when a page failed, or says the list is complete.
 */
export function CursorListBody<T, P extends CursorPage<T>>({ id, list, empty, renderItem, endText }: CursorListBodyProps<T, P>) {
  if (list.loading && list.items.length === 0) return <LoadingState rows={3} />;
  if (list.failure && list.items.length === 0) return <ErrorState message={list.failure.message} onRetry={() => void list.refresh()} />;
  if (list.items.length === 0) return <>{empty}</>;
  const failure = list.failure ?? list.moreFailure;
  return (
    <View id={id} aria-busy={list.refreshing ? 'true' : 'false'}>
      {list.items.map(renderItem)}
      <View className='list-footer' role='status'>
        {failure ? (
          <>
            <View className='state-panel__error'>{failure.message}</View>
            <Button
              id={`${id}-retry`}
              className='big-button'
              type='primary'
              onClick={() => (list.failure ? void list.refresh() : list.loadMore())}
            >
              重试
            </Button>
          </>
        ) : list.loadingMore || list.refreshing ? (
          <View className='text-secondary'>正在加载…</View>
        ) : list.hasMore ? (
          <Button id={`${id}-more`} className='big-button' onClick={list.loadMore}>
            加载更多
          </Button>
        ) : (
          <View className='text-secondary' id={`${id}-end`}>
            {endText(list.items.length)}
          </View>
        )}
      </View>
    </View>
  );
}
