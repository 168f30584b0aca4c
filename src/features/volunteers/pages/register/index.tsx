import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useCallback, useState } from 'react';
import volunteersConfig from '../../../../../config/domain/volunteers.json';
import { idTypeLabels, idTypes } from '@contract/rules/id-number';
import { needsGuardian } from '@contract/rules/volunteer-age';
import { fetchTowns } from '@/lib/api/endpoints';
import { toApiFailure } from '@/lib/api/failure';
import { chinaDate } from '@/lib/date';
import { goBack } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import { ToggleChip } from '@/lib/ui/ToggleChip';
import { useRequest } from '@/lib/useRequest';
import { register } from '../../api';
import { Field } from '../../components/Field';
import { checkDraft, draftAgeBand, emptyDraft, toRegistration, type RegistrationDraft } from '../../registration-form';
import '../../volunteers.scss';

const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);

/** 登记志愿者 (《志愿服务条例》: real name and ID). A refused form keeps everything typed; the error sits under its field. */
export default function RegisterPage() {
  const user = useSession((s) => s.user);
  const [draft, setDraft] = useState<RegistrationDraft>(() => emptyDraft(user?.communityId ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [summary, setSummary] = useState<string>();
  const [sending, setSending] = useState(false);
  const towns = useRequest(useCallback(() => fetchTowns(), []));
  const today = chinaDate();
  const band = draftAgeBand(draft, today);
  const set = <K extends keyof RegistrationDraft>(key: K, value: RegistrationDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => {
      const { [key]: _dropped, ...rest } = e;
      return rest;
    });
  };

  const submit = async () => {
    const problems = checkDraft(draft, today);
    setErrors(problems);
    setSummary(undefined);
    if (Object.keys(problems).length > 0) {
      setSummary('请按红字提示修改后再提交，其他内容不用重填');
      return;
    }
    setSending(true);
    try {
      await register(toRegistration(draft, today));
      useSession.getState().setUser({ ...useSession.getState().user!, isVolunteer: true });
      await Taro.showModal({ title: '登记成功', content: '您已登记为志愿者，现在可以报名活动了。', showCancel: false, confirmText: '好的' });
      // Back to where the user came from: usually the activity they wanted to sign up for.
      await goBack();
    } catch (error) {
      const failure = toApiFailure(error);
      setErrors(failure.fields ?? {});
      setSummary(failure.message);
    } finally {
      setSending(false);
    }
  };

  const communities = (towns.data ?? []).flatMap((t) => t.communities.map((c) => ({ ...c, townName: t.name })));
  return (
    <PageRoot className='volunteers'>
      <BackLink id='register-back' />
      <View className='text-heading'>登记志愿者</View>
      <View className='text-secondary vol-row'>按《志愿服务条例》需要实名登记。证件号码加密保存，只显示为 2206**********1234。</View>
      <View className='card'>
        <Field id='reg-name' label='真实姓名' error={errors.realName}>
          <Input id='reg-name' placeholder='如：王秀兰' className='field__input' value={draft.realName} maxlength={30} onInput={(e) => set('realName', e.detail.value)} />
        </Field>
        <Field id='reg-id-type' label='证件类型'>
          <View className='vol-chips' role='radiogroup'>
            {idTypes.map((type) => (
              <ToggleChip key={type} radio id={`reg-id-type-${type}`} on={draft.idType === type} label={idTypeLabels[type]} onTap={() => set('idType', type)} />
            ))}
          </View>
        </Field>
        <Field id='reg-id-number' label={draft.idType === 'resident' ? '身份证号' : '证件号码'} error={errors.idNumber}>
          <Input id='reg-id-number' placeholder='证件上的号码' className='field__input' type='idcard' value={draft.idNumber} maxlength={20} onInput={(e) => set('idNumber', e.detail.value)} />
        </Field>
        {draft.idType !== 'resident' ? (
          <>
            <Field id='reg-birth-date' label='出生日期（如 1988-08-08）' error={errors.birthDate}>
              <Input id='reg-birth-date' placeholder='如：1988-08-08' className='field__input' value={draft.birthDate} maxlength={10} onInput={(e) => set('birthDate', e.detail.value)} />
            </Field>
            <Field id='reg-sex' label='性别' error={errors.sex}>
              <View className='vol-chips' role='radiogroup'>
                <ToggleChip radio id='reg-sex-male' on={draft.sex === 'male'} label='男' onTap={() => set('sex', 'male')} />
                <ToggleChip radio id='reg-sex-female' on={draft.sex === 'female'} label='女' onTap={() => set('sex', 'female')} />
              </View>
            </Field>
          </>
        ) : null}
        <Field id='reg-phone' label='手机号' error={errors.phone}>
          <Input id='reg-phone' placeholder='11 位手机号' className='field__input' type='number' value={draft.phone} maxlength={11} onInput={(e) => set('phone', e.detail.value)} />
        </Field>
        <Field id='reg-community' label='所在社区' error={errors.communityId}>
          <View className='vol-chips' role='radiogroup'>
            {communities
              .filter((c) => c.id === draft.communityId || c.townName.endsWith('街道'))
              .map((c) => (
                <ToggleChip key={c.id} radio id={`reg-community-${c.id}`} on={draft.communityId === c.id} label={c.name} onTap={() => set('communityId', c.id)} />
              ))}
          </View>
        </Field>
      </View>
      <View className='card'>
        <Field id='reg-skills' label='您的技能（可多选，可不选）' error={errors.skills}>
          <View className='vol-chips'>
            {volunteersConfig.skills.map((s) => (
              <ToggleChip key={s.id} id={`reg-skill-${s.id}`} on={draft.skills.includes(s.id)} label={s.name} onTap={() => set('skills', toggle(draft.skills, s.id))} />
            ))}
          </View>
        </Field>
        <Field id='reg-availability' label='什么时候有空（至少选一个）' error={errors.availability}>
          <View className='vol-chips'>
            {volunteersConfig.availability.map((s) => (
              <ToggleChip key={s.id} id={`reg-availability-${s.id}`} on={draft.availability.includes(s.id)} label={s.name} onTap={() => set('availability', toggle(draft.availability, s.id))} />
            ))}
          </View>
        </Field>
        <Field id='reg-party' label='在职党员（社区报到）'>
          <View className='vol-chips'>
            <ToggleChip id='reg-party-member' on={draft.isPartyMember} label='我是在职党员' onTap={() => set('isPartyMember', !draft.isPartyMember)} />
          </View>
        </Field>
        <Field id='reg-national' label='全国志愿服务信息系统编号（选填）' error={errors.nationalVolunteerNumber}>
          <Input id='reg-national' placeholder='没有可以不填' className='field__input' value={draft.nationalVolunteerNumber} maxlength={32} onInput={(e) => set('nationalVolunteerNumber', e.detail.value)} />
        </Field>
      </View>
      {band && needsGuardian(band) ? (
        <View className='card' id='reg-guardian'>
          <View className='text-title'>监护人</View>
          <View className='vol-row text-secondary'>
            {band === 'accompanied' ? '您未满 14 周岁：需要监护人同意，每次参加活动都须监护人陪同。' : '您未满 18 周岁：需要监护人同意。'}
          </View>
          <Field id='reg-guardian-name' label='监护人姓名' error={errors.guardianName}>
            <Input id='reg-guardian-name' placeholder='监护人的真实姓名' className='field__input' value={draft.guardianName} maxlength={30} onInput={(e) => set('guardianName', e.detail.value)} />
          </Field>
          <Field id='reg-guardian-phone' label='监护人手机号' error={errors.guardianPhone}>
            <Input id='reg-guardian-phone' placeholder='11 位手机号' className='field__input' type='number' value={draft.guardianPhone} maxlength={11} onInput={(e) => set('guardianPhone', e.detail.value)} />
          </Field>
          <Field id='reg-guardian-consent' label='监护人同意' error={errors.guardianConsent}>
            <View className='vol-chips'>
              <ToggleChip id='reg-guardian-agree' on={draft.guardianConsent} label='监护人已同意我参加志愿服务' onTap={() => set('guardianConsent', !draft.guardianConsent)} />
            </View>
          </Field>
        </View>
      ) : null}
      {summary ? (
        <View className='field__error card' role='alert' id='reg-summary'>
          {summary}
        </View>
      ) : null}
      <Button id='reg-submit' className='big-button' type='primary' size='large' block loading={sending} disabled={sending} onClick={() => void submit()}>
        提交登记
      </Button>
    </PageRoot>
  );
}
