import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CheckInCode, RosterEntry } from '@contract/volunteers';
import { toApiFailure } from '@/lib/api/failure';
import { formatDay, formatTime, formatTimeRange } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useRefreshOnReturn } from '@/lib/usePageRefresh';
import { useRequest } from '@/lib/useRequest';
import { cancelActivity, fetchActivity, fetchCheckInCode, fetchRoster, markAttendance } from '../../api';
import { QrCode } from '../../components/QrCode';
import { editUrl, volunteerActivityUrl } from '../../paths';
import '../../staff.scss';

function statusText(e: RosterEntry): string {
  if (e.status === 'waitlisted') return `候补第 ${e.waitlistPosition} 位`;
  if (e.confirmedAt) return `已确认 ${e.hours} 小时`;
  if (e.checkedOutAt) return `${formatTime(e.checkedInAt!)} 签到，${formatTime(e.checkedOutAt)} 签退，${e.hours} 小时，待确认`;
  if (e.checkedInAt) return `${formatTime(e.checkedInAt)} 已签到`;
  return '未签到';
}

function CodeBox({ activityId }: { activityId: number }) {
  const [code, setCode] = useState<CheckInCode>();
  const [error, setError] = useState<string>();
  const show = async () => {
    setError(undefined);
    try {
      setCode(await fetchCheckInCode(activityId));
    } catch (e) {
      setError(toApiFailure(e).message);
    }
  };
  return (
    <View className='card staff-card' id='code-box'>
      <View className='text-title'>签到码</View>
      <View className='text-secondary'>请志愿者在活动页用微信扫码，或输入这 6 位数字签到、签退。每 5 分钟更换，过期请刷新。</View>
      {code ? (
        <>
          <QrCode text={code.scanText} label={`签到二维码，签到码 ${code.code}`} />
          <View className='staff-code' id='checkin-code-shown'>
            {code.code}
          </View>
          <View className='text-secondary'>有效至 {formatTime(code.expiresAt)}</View>
        </>
      ) : null}
      {error ? (
        <View className='field__error' role='alert' id='code-error'>
          {error}
        </View>
      ) : null}
      <Button id='code-show' className='big-button' type='primary' size='large' block onClick={() => void show()}>
        {code ? '刷新签到码' : '显示签到码'}
      </Button>
    </View>
  );
}

/** One activity for its workers: the check-in code, who signed up, marking attendance, confirming hours, cancelling. */
export default function RosterPage() {
  const id = Number(useRouter().params.id);
  const load = useCallback(async () => ({ activity: await fetchActivity(id), roster: await fetchRoster(id) }), [id]);
  const { data, failure, loading, reload } = useRequest(load);
  const [busy, setBusy] = useState<string>();
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  useRefreshOnReturn(reload);

  const act = async (key: string, work: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await work();
    } catch (e) {
      await Taro.showModal({ title: '没有办成', content: toApiFailure(e).message, showCancel: false, confirmText: '知道了' });
    } finally {
      setBusy(undefined);
      reload();
    }
  };

  const cancel = async () => {
    if (reason.trim().length < 2) {
      setReasonError('请写明取消原因（至少 2 个字），会发给报名的志愿者');
      return;
    }
    const { confirm } = await Taro.showModal({ title: '取消活动', content: '取消后会通知所有报名和候补的志愿者，不能恢复。确定取消吗？', confirmText: '取消活动', cancelText: '不取消' });
    if (confirm) await act('cancel', () => cancelActivity(id, reason.trim()));
  };

  if (loading && !data) return <PageRoot><BackLink id='roster-back' /><LoadingState rows={4} /></PageRoot>;
  if (failure || !data) return <PageRoot><BackLink id='roster-back' /><ErrorState message={failure?.message ?? '没有找到这个活动'} onRetry={reload} /></PageRoot>;
  const { activity: a, roster } = data;
  const open = a.state !== 'cancelled' && a.state !== 'ended';
  return (
    <PageRoot className='volunteers-staff'>
      <BackLink id='roster-back' />
      <View className='card staff-card'>
        <View className='text-heading'>{a.title}</View>
        <View className='staff-row'>
          {a.stateLabel} · {formatDay(a.startsAt)} {formatTimeRange(a.startsAt, a.endsAt)}
        </View>
        <View className='staff-row'>
          已报名 {a.taken}/{a.capacity}
          {a.waitlisted ? `，候补 ${a.waitlisted}` : ''} · {a.place.name}
        </View>
        <View className='staff-link' role='link' onClick={() => void openPath(volunteerActivityUrl(a.id))}>
          看志愿者看到的页面 ›
        </View>
      </View>
      {open ? <CodeBox activityId={a.id} /> : null}
      <View className='text-title section-title'>报名名单（{roster.items.length} 人）</View>
      {roster.items.length === 0 ? <View className='staff-row text-secondary'>还没有人报名。</View> : null}
      {roster.items.map((e) => (
        <View key={e.signupId} className='card staff-card' id={`roster-${e.signupId}`}>
          <View className='text-title'>
            {e.volunteerName}
            {e.accompanied ? '（须监护人陪同）' : ''}
          </View>
          <View className='staff-row'>{e.maskedPhone}</View>
          <View className='staff-row' id={`roster-${e.signupId}-status`}>
            {statusText(e)}
          </View>
          {e.status === 'signedUp' && !e.confirmedAt ? (
            <View className='staff-buttons'>
              {!e.checkedInAt ? (
                <Button id={`roster-${e.signupId}-check-in`} className='big-button' loading={busy === `in-${e.signupId}`} onClick={() => void act(`in-${e.signupId}`, () => markAttendance(a.id, 'checkIn', e.signupId))}>
                  签到
                </Button>
              ) : null}
              {e.checkedInAt && !e.checkedOutAt ? (
                <Button id={`roster-${e.signupId}-check-out`} className='big-button' loading={busy === `out-${e.signupId}`} onClick={() => void act(`out-${e.signupId}`, () => markAttendance(a.id, 'checkOut', e.signupId))}>
                  签退
                </Button>
              ) : null}
              {e.checkedOutAt ? (
                <Button
                  id={`roster-${e.signupId}-confirm`}
                  className='big-button'
                  type='primary'
                  loading={busy === `confirm-${e.signupId}`}
                  onClick={async () => {
                    const { confirm } = await Taro.showModal({ title: '确认时长', content: `确认 ${e.volunteerName} 服务 ${e.hours} 小时？确认后不能再改。`, confirmText: '确认', cancelText: '再看看' });
                    if (confirm) void act(`confirm-${e.signupId}`, () => markAttendance(a.id, 'confirm', e.signupId));
                  }}
                >
                  确认 {e.hours} 小时
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
      {open ? (
        <View className='card staff-card' id='roster-manage'>
          <Button id='roster-edit' className='big-button' size='large' block onClick={() => void openPath(editUrl(a.id))}>
            修改活动
          </Button>
          <View className='field'>
            <View className='field__label'>取消原因（取消活动时填写）</View>
            <Input id='roster-cancel-reason' placeholder='如：暴雪天气，改期举行' className='field__input' value={reason} maxlength={200} onInput={(e) => { setReason(e.detail.value); setReasonError(undefined); }} />
            {reasonError ? <View className='field__error' role='alert'>{reasonError}</View> : null}
          </View>
          <Button id='roster-cancel' className='big-button' size='large' block loading={busy === 'cancel'} onClick={() => void cancel()}>
            取消活动
          </Button>
        </View>
      ) : null}
    </PageRoot>
  );
}
