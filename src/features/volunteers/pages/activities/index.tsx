import { View } from '@tarojs/components';
import { useCallback, useState } from 'react';
import type { ActivityPage, ActivitySummary } from '@contract/volunteers';
import volunteersConfig from '../../../../../config/domain/volunteers.json';
import { addDays, chinaDate } from '@/lib/date';
import { openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { accessibleName } from '@/lib/ui/a11y';
import { BackLink } from '@/lib/ui/BackLink';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { CursorListBody } from '@/lib/ui/CursorListBody';
import { EmptyState } from '@/lib/ui/EmptyState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { useCursorList } from '@/lib/useCursorList';
import { useListPage } from '@/lib/usePageRefresh';
import { fetchActivities } from '../../api';
import { ActivityCard } from '../../components/ActivityCard';
import { MY_VOLUNTEERING_PATH, activityUrl } from '../../paths';
import '../../volunteers.scss';

/** Activities to volunteer for: 招募中 only / my 社区 / a skill; places left on every card. */
export default function ActivitiesPage() {
  const user = useSession((s) => s.user);
  const [recruiting, setRecruiting] = useState(true);
  const [mine, setMine] = useState(Boolean(user?.communityId));
  const [skill, setSkill] = useState<string | null>(null);
  const [day, setDay] = useState<'today' | 'tomorrow' | null>(null);
  const date = day ? addDays(chinaDate(), day === 'today' ? 0 : 1) : undefined;
  const community = mine ? (user?.communityId ?? undefined) : undefined;
  const load = useCallback(
    (cursor: string | null): Promise<ActivityPage> =>
      fetchActivities({ recruiting: recruiting || undefined, community, skill: skill ?? undefined, date, cursor: cursor ?? undefined }),
    [recruiting, community, skill, date],
  );
  const list = useCursorList<ActivitySummary, ActivityPage>(load, (a) => a.id);
  // Back from an activity after signing up: places left as they are now.
  useListPage(list, { onReturn: true });

  return (
    <PageRoot className='volunteers'>
      <BackLink id='activities-back' />
      <View className='text-heading'>志愿服务</View>
      <View id='activities-mine' className='vol-link' role='link' onClick={() => void openPath(MY_VOLUNTEERING_PATH)}>
        我的志愿（报名、时长、证明）›
      </View>
      <View className='vol-chips' role='group' {...accessibleName('筛选')}>
        <ToggleChip id='filter-recruiting' on={recruiting} label='只看招募中' onTap={() => setRecruiting(!recruiting)} />
        <ToggleChip id='filter-today' on={day === 'today'} label='今天' onTap={() => setDay(day === 'today' ? null : 'today')} />
        <ToggleChip id='filter-tomorrow' on={day === 'tomorrow'} label='明天' onTap={() => setDay(day === 'tomorrow' ? null : 'tomorrow')} />
        {user?.communityId ? <ToggleChip id='filter-community' on={mine} label={`只看${user.communityName ?? '本社区'}`} onTap={() => setMine(!mine)} /> : null}
      </View>
      <View className='vol-chips' role='group' {...accessibleName('按技能筛选')}>
        {volunteersConfig.skills.slice(0, 6).map((s) => (
          <ToggleChip key={s.id} id={`filter-skill-${s.id}`} on={skill === s.id} label={s.name} onTap={() => setSkill(skill === s.id ? null : s.id)} />
        ))}
      </View>
      <CursorListBody
        id='activity-list'
        list={list}
        empty={<EmptyState title='暂时没有符合条件的活动' description='可以去掉一些筛选条件再看看。' />}
        renderItem={(a) => <ActivityCard key={a.id} activity={a} onOpen={() => void openPath(activityUrl(a.id))} />}
        endText={(n) => `已显示全部 ${n} 个活动`}
      />
    </PageRoot>
  );
}
