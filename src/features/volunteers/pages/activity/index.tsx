import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { ActivityDetail } from '@contract/volunteers';
import { attendanceWindow, CHECK_IN_OPENS_MINUTES } from '@contract/rules/volunteer-hours';
import { toApiFailure } from '@/lib/api/failure';
import { formatDay, formatDayTime, formatTimeRange } from '@/lib/date';
import { goToLogin, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRefreshOnReturn } from '@/lib/usePageRefresh';
import { useRequest } from '@/lib/useRequest';
import { cancelSignup, fetchActivity, fetchMyVolunteer, signUp } from '../../api';
import { StateBadge, placesText } from '../../components/ActivityCard';
import { CheckInBox } from '../../components/CheckInBox';
import { REGISTER_PATH } from '../../paths';
import '../../volunteers.scss';

const STAFF_ROSTER = (id: number) => `/features/volunteers-staff/pages/roster/index?id=${id}`;

async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  const { confirm: ok } = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' });
  return ok;
}

function MySignupRows({ activity }: { activity: ActivityDetail }) {
  const mine = activity.mySignup;
  if (!mine) return null;
  return (
    <View className='card' id='my-signup'>
      <View className='text-title'>
        {mine.status === 'signedUp' ? '您已报名' : `您在候补名单中，排第 ${mine.waitlistPosition} 位`}
      </View>
      {mine.accompanied ? <View className='vol-row'>须监护人陪同参加。</View> : null}
      {mine.status === 'waitlisted' ? <View className='vol-row text-secondary'>有人取消时按先后顺序递补，递补成功会通知您。</View> : null}
    </View>
  );
}

/** What the bottom button does for this user and this activity. */
function MainAction({ activity, onChanged }: { activity: ActivityDetail; onChanged: () => void }) {
  const user = useSession((s) => s.user);
  const [busy, setBusy] = useState(false);
  const volunteer = useRequest(useCallback(() => (user ? fetchMyVolunteer() : Promise.resolve({ volunteer: null })), [user]));
  const mine = activity.mySignup;
  const beforeDeadline = activity.state === 'recruiting' || activity.state === 'full';

  const run = async (work: () => Promise<{ message: string }>) => {
    setBusy(true);
    try {
      const { message } = await work();
      await Taro.showModal({ title: '好的', content: message, showCancel: false, confirmText: '知道了' });
      onChanged();
    } catch (error) {
      await Taro.showModal({ title: '没有办成', content: toApiFailure(error).message, showCancel: false, confirmText: '知道了' });
      onChanged();
    } finally {
      setBusy(false);
    }
  };

  if (!user) {
    return beforeDeadline ? (
      <Button id='activity-login' className='big-button' type='primary' size='large' block onClick={() => void goToLogin()}>
        登录后报名
      </Button>
    ) : null;
  }
  if (mine && beforeDeadline) {
    const words = mine.status === 'waitlisted' ? '退出候补' : '取消报名';
    return (
      <Button
        id='activity-cancel-signup'
        className='big-button'
        size='large'
        block
        loading={busy}
        disabled={busy}
        onClick={async () => {
          if (await confirm(words, `确定要${words}“${activity.title}”吗？名额会让给其他志愿者。`, words)) void run(() => cancelSignup(activity.id));
        }}
      >
        {words}
      </Button>
    );
  }
  if (mine || !beforeDeadline) return null;
  if (volunteer.loading) return null;
  if (!volunteer.data?.volunteer) {
    return (
      <Button id='activity-register' className='big-button' type='primary' size='large' block onClick={() => void openPath(REGISTER_PATH)}>
        先登记成为志愿者
      </Button>
    );
  }
  const waitlist = activity.state === 'full';
  const words = waitlist ? '加入候补' : '我要报名';
  return (
    <Button
      id='activity-signup'
      className='big-button'
      type='primary'
      size='large'
      block
      loading={busy}
      disabled={busy}
      onClick={async () => {
        const text = waitlist
          ? '名额已满。加入候补后，有人取消时按先后顺序递补，并通知您。'
          : `${formatDayTime(activity.startsAt)} 开始，请准时参加；如不能参加，请在 ${formatDayTime(activity.signupDeadline)} 前取消。`;
        if (await confirm(words, text, words)) void run(() => signUp(activity.id, waitlist));
      }}
    >
      {words}
    </Button>
  );
}

/** One activity: time, place, what to bring, places left; sign up, wait, cancel, check in and out. */
export default function ActivityPage() {
  const id = Number(useRouter().params.id);
  const { data, failure, loading, reload } = useRequest(useCallback(() => fetchActivity(id), [id]));
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  // Coming back from registering or from the worker's page: show the sign-up as it is now.
  useRefreshOnReturn(reload);
  if (loading && !data) return <PageRoot><BackLink id='activity-back' /><LoadingState rows={4} /></PageRoot>;
  if (failure || !data) return <PageRoot><BackLink id='activity-back' /><ErrorState message={failure?.message ?? '没有找到这个活动'} onRetry={reload} /></PageRoot>;
  const a = data;
  const attendanceTime = a.state !== 'cancelled' && attendanceWindow(a, new Date()) === 'open';
  return (
    <PageRoot className='volunteers'>
      <BackLink id='activity-back' />
      <View className='card' id='activity-detail'>
        <StateBadge state={a.state} label={a.stateLabel} />
        <View className='text-heading'>{a.title}</View>
        <View className='vol-row'>时间：{formatDay(a.startsAt)} {formatTimeRange(a.startsAt, a.endsAt)}</View>
        <View className='vol-row'>地点：{a.place.name}{a.place.address && a.place.address !== a.place.name ? `（${a.place.address}）` : ''}</View>
        <View className='vol-row'>服务对象：{a.targetGroup.name}</View>
        <View className='vol-row'>计志愿时长：{a.hours} 小时</View>
        <View className='vol-row'>组织：{a.teamName ?? a.communityName}</View>
        <View className='vol-row'>报名截止：{formatDayTime(a.signupDeadline)}</View>
        {a.skills.length > 0 ? <View className='vol-row'>需要技能：{a.skills.map((s) => s.name).join('、')}</View> : null}
        {a.minAge > 10 ? <View className='vol-row'>年龄要求：{a.minAge} 周岁以上</View> : null}
        {a.safeguards.length > 0 ? <View className='vol-row'>保障：{a.safeguards.map((s) => s.name).join('、')}</View> : null}
        <View className='vol-card__places' id='activity-places'>{placesText(a)}</View>
        {a.cancelReason ? <View className='vol-row'>取消原因：{a.cancelReason}</View> : null}
      </View>
      <View className='card'>
        <View className='text-title'>活动内容</View>
        <View className='vol-row'>{a.description}</View>
        {a.notice ? <View className='vol-row'>注意事项：{a.notice}</View> : null}
      </View>
      <MySignupRows activity={a} />
      {a.mySignup?.status === 'signedUp' && (attendanceTime || a.mySignup.checkedInAt) ? <CheckInBox activityId={a.id} signup={a.mySignup} onDone={reload} /> : null}
      {a.mySignup?.status === 'signedUp' && !attendanceTime && a.state !== 'ended' ? <View className='vol-row text-secondary'>开始前 {CHECK_IN_OPENS_MINUTES} 分钟可以签到。</View> : null}
      <View className='vol-actions'>
        <MainAction activity={a} onChanged={reload} />
        {a.canManage ? (
          <View id='activity-manage' className='vol-link' role='link' onClick={() => void openPath(STAFF_ROSTER(a.id))}>
            管理这个活动（签到码、考勤、确认时长）›
          </View>
        ) : null}
      </View>
    </PageRoot>
  );
}
