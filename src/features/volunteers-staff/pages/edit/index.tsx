import { Input, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import volunteersConfig from '../../../../../config/domain/volunteers.json';
import { fetchTowns } from '@/lib/api/endpoints';
import { toApiFailure } from '@/lib/api/failure';
import { openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { useRequest } from '@/lib/useRequest';
import { createActivity, fetchActivity, fetchTeams, updateActivity } from '../../api';
import { draftFromActivity, emptyActivityDraft, toActivityBody, type ActivityDraft } from '../../activity-form';
import { rosterUrl } from '../../paths';
import '../../staff.scss';

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** Which request fields each form row shows errors for. */
const FIELD_ERRORS: Record<string, string[]> = {
  date: ['startsAt'],
  times: ['startsAt', 'endsAt'],
  deadline: ['signupDeadline'],
  address: ['address', 'pointId'],
};

/** 发布活动 / 修改活动: one field per row; a refused form keeps what was typed, the error under its row. */
export default function EditActivityPage() {
  const idParam = useRouter().params.id;
  const id = idParam ? Number(idParam) : null;
  const user = useSession((s) => s.user);
  const [draft, setDraft] = useState<ActivityDraft>(() => emptyActivityDraft(user?.scope.communityId ?? ''));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [sending, setSending] = useState(false);
  const towns = useRequest(useCallback(() => fetchTowns(), []));
  const teams = useRequest(useCallback(() => (draft.communityId ? fetchTeams(draft.communityId) : Promise.resolve([])), [draft.communityId]));

  useEffect(() => {
    if (id) void fetchActivity(id).then((a) => setDraft(draftFromActivity(a)), (e: unknown) => setSummary(toApiFailure(e).message));
  }, [id]);

  const set = <K extends keyof ActivityDraft>(key: K, value: ActivityDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const errorOf = (row: string) => (FIELD_ERRORS[row] ?? [row]).map((f) => errors[f]).filter(Boolean).join('；');

  const submit = async () => {
    setSending(true);
    setSummary(undefined);
    setErrors({});
    try {
      const { communityId: _community, ...changes } = toActivityBody(draft);
      const saved = id ? await updateActivity(id, changes) : await createActivity({ communityId: draft.communityId, ...changes });
      void Taro.showToast({ title: id ? '已保存' : '已发布', icon: 'success' });
      await openPath(rosterUrl(saved.id), 'replace');
    } catch (e) {
      const failure = toApiFailure(e);
      setErrors(failure.fields ?? {});
      setSummary(failure.message);
    } finally {
      setSending(false);
    }
  };

  const myTown = (towns.data ?? []).find((t) => t.communities.some((c) => c.id === (user?.communityId ?? '')) || t.code === user?.scope.townCode);
  const text = (key: keyof ActivityDraft, label: string, max: number, row = key as string) => (
    <View className='field'>
      <View className='field__label'>{label}</View>
      <Input id={`edit-${row}`} placeholder={label} className='field__input' value={draft[key] as string} maxlength={max} onInput={(e) => set(key, e.detail.value as never)} />
      {errorOf(row) ? <View className='field__error' role='alert'>{errorOf(row)}</View> : null}
    </View>
  );

  return (
    <PageRoot className='volunteers-staff'>
      <BackLink id='edit-back' />
      <View className='text-heading'>{id ? '修改活动' : '发布活动'}</View>
      <View className='card staff-card'>
        {!user?.scope.communityId && !id ? (
          <View className='field'>
            <View className='field__label'>社区</View>
            <View className='staff-chips' role='radiogroup'>
              {(myTown?.communities ?? []).map((c) => (
                <ToggleChip key={c.id} radio id={`edit-community-${c.id}`} on={draft.communityId === c.id} label={c.name} onTap={() => setDraft((d) => ({ ...d, communityId: c.id, teamId: null }))} />
              ))}
            </View>
            {errors.communityId ? <View className='field__error'>{errors.communityId}</View> : null}
          </View>
        ) : null}
        {text('title', '活动名称', 40)}
        <View className='field'>
          <View className='field__label'>活动内容</View>
          <Textarea id='edit-description' placeholder='做什么、为谁服务' className='field__input field__input--multiline' value={draft.description} maxlength={1000} onInput={(e) => set('description', e.detail.value)} />
          {errors.description ? <View className='field__error'>{errors.description}</View> : null}
        </View>
        {text('notice', '注意事项（选填）', 500)}
        {text('address', '活动地点', 100)}
        <View className='field'>
          <View className='field__label'>志愿服务队</View>
          <View className='staff-chips' role='radiogroup'>
            {(teams.data ?? []).map((t) => (
              <ToggleChip key={t.id} radio id={`edit-team-${t.id}`} on={draft.teamId === t.id} label={t.name} onTap={() => set('teamId', t.id)} />
            ))}
          </View>
        </View>
      </View>
      <View className='card staff-card'>
        {text('date', '日期（如 2026-12-05）', 10)}
        {text('startTime', '开始时间（如 09:00）', 5, 'times')}
        {text('endTime', '结束时间（如 11:30）', 5, 'endsAt')}
        {text('deadlineDate', '报名截止日期', 10, 'deadline')}
        {text('deadlineTime', '报名截止时间', 5, 'deadlineTime')}
        {text('capacity', '名额', 3)}
        {text('minAge', '最低年龄（周岁）', 2)}
      </View>
      <View className='card staff-card'>
        <View className='field'>
          <View className='field__label'>服务对象</View>
          <View className='staff-chips' role='radiogroup'>
            {volunteersConfig.targetGroups.map((g) => (
              <ToggleChip key={g.id} radio id={`edit-target-${g.id}`} on={draft.targetGroup === g.id} label={g.name} onTap={() => set('targetGroup', g.id)} />
            ))}
          </View>
        </View>
        <View className='field'>
          <View className='field__label'>需要的技能（不选 = 人人可报）</View>
          <View className='staff-chips'>
            {volunteersConfig.skills.map((s) => (
              <ToggleChip key={s.id} id={`edit-skill-${s.id}`} on={draft.skills.includes(s.id)} label={s.name} onTap={() => set('skills', toggle(draft.skills, s.id))} />
            ))}
          </View>
        </View>
        <View className='field'>
          <View className='field__label'>保障</View>
          <View className='staff-chips'>
            {volunteersConfig.safeguards.map((s) => (
              <ToggleChip key={s.id} id={`edit-safeguard-${s.id}`} on={draft.safeguards.includes(s.id)} label={s.name} onTap={() => set('safeguards', toggle(draft.safeguards, s.id))} />
            ))}
          </View>
        </View>
      </View>
      {summary ? (
        <View className='field__error card' role='alert' id='edit-summary'>
          {summary}
        </View>
      ) : null}
      <Button id='edit-submit' className='big-button' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void submit()}>
        {id ? '保存修改' : '发布活动'}
      </Button>
    </PageRoot>
  );
}
