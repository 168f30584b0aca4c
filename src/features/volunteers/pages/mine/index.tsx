import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { useCallback } from 'react';
import type { VolunteerRecord } from '@contract/volunteers';
import { formatDay, formatTimeRange } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { BackLink } from '@/lib/ui/BackLink';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRefreshOnReturn } from '@/lib/usePageRefresh';
import { useRequest } from '@/lib/useRequest';
import { fetchMyVolunteer, fetchRecords } from '../../api';
import { StateBadge } from '../../components/ActivityCard';
import { ACTIVITIES_PATH, REGISTER_PATH, activityUrl, certificateUrl } from '../../paths';
import '../../volunteers.scss';

function hoursText(record: VolunteerRecord): string {
  if (record.hours === null) return record.checkedInAt ? '已签到，等待签退' : '';
  return record.confirmedAt ? `服务 ${record.hours} 小时（已确认）` : `服务 ${record.hours} 小时（等待工作人员确认）`;
}

function RecordCard({ record }: { record: VolunteerRecord }) {
  const a = record.activity;
  return (
    <View className='card vol-card' id={`record-${record.signupId}`}>
      <StateBadge state={a.state} label={a.stateLabel} />
      <View className='text-title' role='link' onClick={() => void openPath(activityUrl(a.id))}>
        {a.title}
      </View>
      <View className='vol-row'>
        {formatDay(a.startsAt)} {formatTimeRange(a.startsAt, a.endsAt)} · {a.communityName}
      </View>
      {record.status === 'waitlisted' ? <View className='vol-row'>候补第 {record.waitlistPosition} 位</View> : null}
      {record.accompanied ? <View className='vol-row'>须监护人陪同</View> : null}
      {hoursText(record) ? <View className='vol-row'>{hoursText(record)}</View> : null}
      {record.confirmedAt ? (
        <View id={`record-${record.signupId}-certificate`} className='vol-link' role='link' onClick={() => void openPath(certificateUrl(record.signupId))}>
          查看志愿服务证明 ›
        </View>
      ) : null}
    </View>
  );
}

/** 我的志愿: total confirmed hours, upcoming sign-ups, past service with its 证明. */
export default function MyVolunteeringPage() {
  const load = useCallback(async () => {
    const { volunteer } = await fetchMyVolunteer();
    return { volunteer, records: volunteer ? await fetchRecords() : null };
  }, []);
  const { data, failure, loading, reload } = useRequest(load);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  useRefreshOnReturn(reload);

  let body;
  if (loading && !data) body = <LoadingState rows={3} />;
  else if (failure) body = <ErrorState message={failure.message} onRetry={reload} />;
  else if (!data?.volunteer) {
    body = <EmptyState title='您还没有登记为志愿者' description='登记后可以报名社区的志愿服务，服务时长可以开具证明。' actionText='登记志愿者' actionId='mine-register' onAction={() => void openPath(REGISTER_PATH)} />;
  } else {
    const now = new Date().toISOString();
    const items = data.records?.items ?? [];
    const upcoming = items.filter((r) => r.activity.endsAt > now && r.activity.state !== 'cancelled').reverse();
    const past = items.filter((r) => !upcoming.includes(r));
    body = (
      <>
        <View className='card' id='mine-summary'>
          <View className='vol-row'>
            {data.volunteer.realName} · {data.volunteer.communityName}
            {data.volunteer.isPartyMember ? ' · 在职党员' : ''}
          </View>
          <View className='vol-row text-secondary'>
            {data.volunteer.idTypeLabel} {data.volunteer.maskedIdNumber}
          </View>
          <View className='vol-row'>累计志愿服务时长（已确认）</View>
          <View className='vol-hours' id='mine-total-hours'>
            {data.records?.totalHours ?? 0} 小时
          </View>
        </View>
        <View className='text-title section-title'>即将参加</View>
        {upcoming.length === 0 ? (
          <EmptyState title='还没有报名的活动' actionText='去看看活动' actionId='mine-browse' onAction={() => void openPath(ACTIVITIES_PATH)} />
        ) : (
          upcoming.map((r) => <RecordCard key={r.signupId} record={r} />)
        )}
        <View className='text-title section-title'>参加过的</View>
        {past.length === 0 ? <View className='vol-row text-secondary'>还没有参加过的活动。</View> : past.map((r) => <RecordCard key={r.signupId} record={r} />)}
      </>
    );
  }
  return (
    <PageRoot className='volunteers'>
      <BackLink id='mine-back' />
      <View className='text-heading'>我的志愿</View>
      {body}
      <Button id='mine-activities' className='big-button vol-actions' size='large' block onClick={() => void openPath(ACTIVITIES_PATH)}>
        看看志愿活动
      </Button>
    </PageRoot>
  );
}
