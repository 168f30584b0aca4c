import { View } from '@tarojs/components';
import type { ServicePointSummary } from '@contract/directory';
import type { RatingSummary } from '@contract/ratings';
import { formatRate } from '@contract/rules/rating';
import { distanceText } from '../format';
import { openStateHolds } from '../lastAnswer';
import { DemoMark } from './DemoMark';
import { OpenStateLine } from './OpenStateLine';

interface ServiceCardProps {
  point: ServicePointSummary;
  onOpen: (point: ServicePointSummary) => void;
  /** For "明天 / 今天" in the next opening time (tests pass a fixed one). */
  now?: Date;
  /** 好差评 figures, once they have arrived. */
  rating?: RatingSummary;
  /** The card comes from the answer kept from an earlier visit (its open state may have changed since). */
  kept?: boolean;
}

/** "好评率 96% · 32 条评价", or only the count below 5 ratings (no percentage of a handful); nothing without any. */
export function ratingLine(rating: RatingSummary | undefined): string | null {
  if (!rating || rating.n === 0) return null;
  return rating.goodRate === null ? `${rating.n} 条评价` : `好评率 ${formatRate(rating.goodRate)} · ${rating.n} 条评价`;
}

/** One list card: the deciding facts first — distance and walking time in bold, and whether it is open, in words. */
export function ServiceCard({ point, onOpen, now, rating, kept = false }: ServiceCardProps) {
  const distance = distanceText(point);
  const ratingText = ratingLine(rating);
  const place = point.communityName ?? point.townName;
  return (
    <View id={`service-card-${point.id}`} className='service-card' role='link' onClick={() => onOpen(point)}>
      <View className='service-card__title'>
        <View className='service-card__name'>{point.name}</View>
        {point.isDemo ? <DemoMark /> : null}
      </View>
      <View className='service-card__kind text-secondary'>
        {point.subcategoryName} · {place}
      </View>
      {distance ? (
        <View className='service-card__distance'>
          {distance.distance} · {distance.walking}
        </View>
      ) : null}
      {kept && !openStateHolds(point, now ?? new Date()) ? (
        <View className='service-card__state service-card__state--unknown text-secondary'>营业状态更新中…</View>
      ) : (
        <OpenStateLine point={point} now={now} />
      )}
      {ratingText ? <View className='service-card__rating text-secondary'>{ratingText}</View> : null}
      <View className='service-card__address text-secondary'>{point.address}</View>
    </View>
  );
}
