import { View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useCallback } from 'react';
import type { MyRating, MyRatingPage } from '@contract/ratings';
import { SERVICES_PATH, openPath } from '@/lib/navigation';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { fetchMyRatings } from '../../api';
import { RatingCard } from '../../components/RatingCard';
import '../../ratings.scss';

const ratingKey = (rating: MyRating) => rating.id;

/** 我的评价: every rating with its state; a 差评 with its 处理进度 and, after feedback, one 追评. */
export default function MyRatingsPage() {
  const highlighted = Number(useRouter().params.id);
  const load = useCallback((cursor: string | null) => fetchMyRatings(cursor), []);
  const list = useCursorList<MyRating, MyRatingPage>(load, ratingKey);
  useListPage(list);
  const replace = (updated: MyRating) => list.update((items) => items.map((r) => (r.id === updated.id ? updated : r)));
  return (
    <PageRoot className='ratings'>
      <BackLink id='ratings-back' />
      <View className='text-heading ratings__heading'>我的评价</View>
      <CursorListBody
        id='rating-list'
        list={list}
        empty={
          <EmptyState
            title='您还没有评价过服务'
            description='去过服务点或用过助老服务后，可以在服务点页面点“我去过，评价”。'
            actionText='去找服务'
            actionId='ratings-find'
            onAction={() => void openPath(SERVICES_PATH)}
          />
        }
        renderItem={(rating) => <RatingCard key={rating.id} rating={rating} highlighted={rating.id === highlighted} onChange={replace} />}
        endText={(n) => `已显示全部 ${n} 条评价`}
      />
    </PageRoot>
  );
}
