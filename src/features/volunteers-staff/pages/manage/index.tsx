import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useCallback, useState } from 'react';
import type { ActivityPage, ActivitySummary } from '@contract/volunteers';
import { toApiFailure } from '@/lib/api/failure';
import { chinaDate } from '@/lib/date';
import { formatDay, formatTimeRange } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { exportRecords, fetchManagedActivities } from '../../api';
import { editUrl, rosterUrl } from '../../paths';
import '../../staff.scss';

function ExportBox() {
  const [from, setFrom] = useState(() => `${chinaDate().slice(0, 8)}01`);
  const [to, setTo] = useState(() => chinaDate());
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await exportRecords(from.trim(), to.trim());
    } catch (e) {
      setError(toApiFailure(e).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card staff-card' id='export-box'>
      <View className='text-title'>导出已确认的服务记录</View>
      <View className='text-secondary'>按全国志愿服务信息系统的格式（CSV，Excel 可直接打开）。本社区志愿者显示完整证件号，导出会留痕。</View>
      <View className='field'>
        <View className='field__label'>开始日期</View>
        <Input id='export-from' placeholder='如：2026-12-01' className='field__input' value={from} maxlength={10} onInput={(e) => setFrom(e.detail.value)} />
      </View>
      <View className='field'>
        <View className='field__label'>结束日期</View>
        <Input id='export-to' placeholder='如：2026-12-31' className='field__input' value={to} maxlength={10} onInput={(e) => setTo(e.detail.value)} />
      </View>
      {error ? (
        <View className='field__error' role='alert'>
          {error}
        </View>
      ) : null}
      <Button id='export-submit' className='big-button' size='large' block loading={busy} disabled={busy} onClick={() => void run()}>
        导出
      </Button>
    </View>
  );
}

/** The worker's activities: publish, open one to manage it, export confirmed hours. */
export default function ManagePage() {
  const user = useSession((s) => s.user);
  const community = user?.scope.communityId ?? undefined;
  const load = useCallback((cursor: string | null) => fetchManagedActivities(community, cursor), [community]);
  const list = useCursorList<ActivitySummary, ActivityPage>(load, (a) => a.id);
  // Back from publishing or managing one: the list as it is now.
  useListPage(list, { onReturn: true });
  if (user?.role !== 'worker') {
    return (
      <PageRoot>
        <BackLink id='manage-back' />
        <EmptyState title='这里是社区工作人员的页面' description='请用社区工作人员的账号登录。' />
      </PageRoot>
    );
  }
  return (
    <PageRoot className='volunteers-staff'>
      <BackLink id='manage-back' />
      <View className='text-heading'>志愿活动管理</View>
      <Button id='manage-publish' className='big-button' type='primary' size='large' block onClick={() => void openPath(editUrl())}>
        发布活动
      </Button>
      <View className='text-title section-title'>未结束的活动</View>
      <CursorListBody
        id='manage-list'
        list={list}
        empty={<EmptyState title='还没有未结束的活动' description='点上面的“发布活动”招募志愿者。' />}
        renderItem={(a) => (
          <View key={a.id} id={`manage-${a.id}`} className='card staff-card' role='link' onClick={() => void openPath(rosterUrl(a.id))}>
            <View className='text-title'>{a.title}</View>
            <View className='staff-row'>
              {a.stateLabel} · {formatDay(a.startsAt)} {formatTimeRange(a.startsAt, a.endsAt)}
            </View>
            <View className='staff-row'>
              {a.communityName} · 已报名 {a.taken}/{a.capacity}
              {a.waitlisted ? `，候补 ${a.waitlisted}` : ''}
            </View>
          </View>
        )}
        endText={(n) => `共 ${n} 个活动`}
      />
      <ExportBox />
    </PageRoot>
  );
}
