import { Text, View } from '@tarojs/components';
import type { MyRating } from '@contract/ratings';
import { isBadLevel } from '@contract/rules/rating';
import { formatDay, formatDayTime } from '@/lib/date';
import { FollowUpForm } from './FollowUpForm';

/** One of 我的评价: the rating, and for a 差评 its 处理进度 step by step, with 追评 once feedback has come. */
export function RatingCard({ rating, highlighted, onChange }: { rating: MyRating; highlighted: boolean; onChange: (updated: MyRating) => void }) {
  const bad = isBadLevel(rating.level);
  return (
    <View id={`rating-${rating.id}`} className={`card rating-card${highlighted ? ' rating-card--highlighted' : ''}`}>
      <View className='rating-card__head'>
        <View className='text-title'>{rating.servicePointName}</View>
        <View className={`level-word level-word--${bad ? 'bad' : 'good'}`}>{rating.levelWord}</View>
      </View>
      <View className='rating-card__row text-secondary'>
        {formatDay(rating.createdAt)}评价{rating.interactionKind === 'booking' ? ' · 助老预约' : ' · 到访'}
        {rating.tags.length ? ` · ${rating.tags.join('、')}` : ''}
      </View>
      {rating.comment ? <View className='rating-card__row'>“{rating.comment}”</View> : null}
      {rating.commentNote ? <View className='rating-card__row field__error'>{rating.commentNote}</View> : null}
      {rating.appeal ? <View className='rating-card__row'>服务点对这条评价提出了申诉：{rating.appeal.statusWord}</View> : null}
      {rating.progress ? (
        <>
          <View className='rating-card__row' id={`rating-${rating.id}-progress`}>
            处理进度：<Text className='level-word level-word--good rating-card__status'>{rating.progress.statusWord}</Text>
          </View>
          <View className='timeline' id={`rating-${rating.id}-timeline`}>
            {rating.progress.timeline.map((entry) => (
              <View key={`${entry.at}-${entry.title}`} className='timeline__entry'>
                <View>
                  <View className='rating-card__status'>{entry.title}</View>
                  <View className='text-secondary'>{formatDayTime(entry.at)}</View>
                </View>
                {entry.text ? <View>{entry.text}</View> : null}
              </View>
            ))}
          </View>
          {rating.progress.canFollowUp ? <FollowUpForm rating={rating} onDone={onChange} /> : null}
        </>
      ) : null}
      {rating.followUp ? (
        <View className='rating-card__row'>
          您的追评：{rating.followUp.word}
          {rating.followUp.comment ? `（${rating.followUp.comment}）` : ''}
        </View>
      ) : null}
    </View>
  );
}
