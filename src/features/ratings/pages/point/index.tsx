import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { PointRatings, PublicComment } from '@contract/ratings';
import { isBadLevel } from '@contract/rules/rating';
import { formatDay } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { fetchPointRatings } from '../../api';
import { FigureSummary } from '../../components/FigureSummary';
import { rateUrl } from '../../paths';
import '../../ratings.scss';

const commentKey = (c: PublicComment) => c.id;

function CommentCard({ comment }: { comment: PublicComment }) {
  return (
    <View className='card' id={`comment-${comment.id}`}>
      <View className='rating-card__head'>
        <View>{comment.maskedName}</View>
        <View className={`level-word level-word--${isBadLevel(comment.level) ? 'bad' : 'good'}`}>{comment.levelWord}</View>
      </View>
      {comment.tags.length ? <View className='rating-card__row text-secondary'>{comment.tags.join('、')}</View> : null}
      {comment.comment ? <View className='rating-card__row'>{comment.comment}</View> : null}
      <View className='rating-card__row text-secondary'>{formatDay(comment.createdAt)}</View>
    </View>
  );
}

/** A point's ratings for everyone: figures, 整改情况 of past 差评 without names, recent comments under masked names. */
export default function PointRatingsPage() {
  const id = decodeURIComponent(useRouter().params.id ?? '');
  const load = useCallback((cursor: string | null) => fetchPointRatings(id, cursor), [id]);
  const list = useCursorList<PublicComment, PointRatings>(load, commentKey);
  // Back from rating this point: show the new figures.
  useListPage(list, { onReturn: true });
  const summary = list.lastPage;
  return (
    <PageRoot className='ratings'>
      <BackLink id='point-ratings-back' />
      <View className='text-heading ratings__heading'>{summary ? `${summary.servicePointName}的评价` : '服务评价'}</View>
      {summary ? <FigureSummary summary={summary} /> : null}
      {id ? (
        <Button id='point-rate' className='big-button' type='primary' size='large' block onClick={() => void openPath(rateUrl(id, summary?.servicePointName))}>
          我去过，评价
        </Button>
      ) : null}
      <CursorListBody
        id='comment-list'
        list={list}
        empty={<EmptyState title='还没有人评价这里' description='您去过的话，可以做第一个评价的人。' />}
        renderItem={(comment) => <CommentCard key={comment.id} comment={comment} />}
        endText={(n) => `已显示全部 ${n} 条评价`}
      />
    </PageRoot>
  );
}
