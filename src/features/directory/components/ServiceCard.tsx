import { View } from '@tarojs/components';
import type { ServicePointSummary } from '@contract/directory';
import { distanceText } from '../format';
import { DemoMark } from './DemoMark';
import { OpenStateLine } from './OpenStateLine';

interface ServiceCardProps {
  point: ServicePointSummary;
  onOpen: (point: ServicePointSummary) => void;
  /** For "明天 / 今天" in the next opening time (tests pass a fixed one). */
  now?: Date;
}

/** One list card: the deciding facts first — distance and walking time in bold, and whether it is open, in words. */
export function ServiceCard({ point, onOpen, now }: ServiceCardProps) {
  const distance = distanceText(point);
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
      <OpenStateLine point={point} now={now} />
      <View className='service-card__address text-secondary'>{point.address}</View>
    </View>
  );
}
