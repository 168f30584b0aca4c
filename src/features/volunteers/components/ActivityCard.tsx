import { View } from '@tarojs/components';
import type { ActivitySummary } from '@contract/volunteers';
import { formatDay, formatTimeRange } from '@/lib/date';

/** The state in words, with a border (never colour alone). */
export function StateBadge({ state, label }: { state: string; label: string }) {
  return <View className={`vol-state vol-state--${state}`}>{label}</View>;
}

/** 还剩 3 个名额 / 已满员，候补 2 人: the fact that decides, in bold. */
export function placesText(a: Pick<ActivitySummary, 'placesLeft' | 'waitlisted' | 'capacity'>): string {
  if (a.placesLeft > 0) return `还剩 ${a.placesLeft} 个名额（共 ${a.capacity} 个）`;
  return a.waitlisted > 0 ? `名额已满，候补 ${a.waitlisted} 人` : '名额已满';
}

export function ActivityCard({ activity, onOpen }: { activity: ActivitySummary; onOpen: () => void }) {
  return (
    <View id={`activity-${activity.id}`} className='card vol-card' role='link' onClick={onOpen}>
      <StateBadge state={activity.state} label={activity.stateLabel} />
      <View className='text-title'>{activity.title}</View>
      <View className='vol-row'>
        {formatDay(activity.startsAt)} {formatTimeRange(activity.startsAt, activity.endsAt)} · 计 {activity.hours} 小时
      </View>
      <View className='vol-row text-secondary'>
        {activity.communityName} · {activity.placeName} · 服务{activity.targetGroup.name}
        {activity.isDemo ? ' · 演示数据' : ''}
      </View>
      {activity.state === 'recruiting' || activity.state === 'full' ? <View className='vol-card__places'>{placesText(activity)}</View> : null}
    </View>
  );
}
