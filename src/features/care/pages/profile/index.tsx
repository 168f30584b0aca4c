import { Input, Picker, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useCallback, useState } from 'react';
import type { CreateElderBody, LivingSituation, Relation } from '@contract/care';
import { fetchTowns } from '@/lib/api/endpoints';
import { type ApiFailure, toApiFailure } from '@/lib/api/failure';
import { goBack } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useRequest } from '@/lib/useRequest';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import { createElder } from '../../api';
import { Choice } from '../../components/Choice';
import { livingSituationNames, livingSituations, relations } from '@contract/care-words';
import '../../care.scss';

type Field = 'name' | 'idNumber' | 'phone' | 'address' | 'diet' | 'healthNotes' | 'contactName' | 'contactRelation' | 'contactPhone';

function TextField({ id, label, value, onChange, error, placeholder, type }: { id: string; label: string; value: string; onChange: (v: string) => void; error?: string; placeholder?: string; type?: 'idcard' | 'number' | 'text' }) {
  return (
    <View className='field'>
      <View className='field__label'>{label}</View>
      <Input id={id} className='field__input' type={type ?? 'text'} value={value} placeholder={placeholder} onInput={(e) => onChange(e.detail.value)} />
      {error ? <View className='field__error'>{error}</View> : null}
    </View>
  );
}

/** The body the form sends: optional parts only when filled in. */
function profileBody(relation: CreateElderBody['relation'], values: Record<Field, string>, communityId: string, livingSituation: LivingSituation): CreateElderBody {
  const contact = values.contactName.trim() || values.contactPhone.trim();
  return {
    relation,
    name: values.name.trim(),
    idNumber: values.idNumber.trim(),
    phone: values.phone.trim() || null,
    address: values.address.trim(),
    communityId,
    livingSituation,
    healthNotes: values.healthNotes.trim(),
    diet: values.diet.trim(),
    emergencyContacts: contact ? [{ name: values.contactName.trim(), relation: values.contactRelation.trim(), phone: values.contactPhone.trim() }] : [],
  };
}

/**
 * 建立档案 (电子档案): the user's own (`?for=self`, in effect at once) or an elder's who has no phone
 * (`?for=relative`, bound to the user once a worker of the elder's 社区 approves). Classes and 低保 are not asked:
 * only workers set them. What was typed stays when saving fails.
 */
export default function ProfilePage() {
  const forSelf = useRouter().params.for !== 'relative';
  const user = useSession((s) => s.user);
  const [values, setValues] = useState<Record<Field, string>>({ name: '', idNumber: '', phone: '', address: '', diet: '', healthNotes: '', contactName: '', contactRelation: '', contactPhone: '' });
  const [relation, setRelation] = useState<Relation>('子女');
  const [situation, setSituation] = useState<LivingSituation>('alone');
  const [communityId, setCommunityId] = useState(user?.communityId ?? '');
  const [failure, setFailure] = useState<ApiFailure>();
  const [saving, setSaving] = useState(false);
  const loadCommunities = useCallback(async () => (await fetchTowns()).flatMap((t) => t.communities.map((c) => ({ id: c.id, name: `${t.name} ${c.name}` }))), []);
  const communities = useRequest(loadCommunities);
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const fieldError = (key: string) => failure?.fields?.[key];
  const contactError = ['name', 'relation', 'phone'].map((k) => fieldError(`emergencyContacts.0.${k}`)).filter(Boolean).join('；');
  const communityIndex = communities.data?.findIndex((c) => c.id === communityId) ?? -1;

  const save = async () => {
    setSaving(true);
    setFailure(undefined);
    try {
      await createElder(profileBody(forSelf ? 'self' : relation, values, communityId, situation));
      void Taro.showToast({ title: forSelf ? '档案已建立' : '已提交，社区确认后生效', icon: 'none' });
      void goBack();
    } catch (error) {
      setFailure(toApiFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <PageRoot className='profile'>
      <BackLink id='profile-back' />
      <View className='text-heading book__heading'>{forSelf ? '建立我的档案' : '为长辈建档'}</View>
      <View className='card'>
        <View className='text-secondary'>
          {forSelf ? '建档后可以为自己预约助餐、助浴和上门服务。' : '长辈不用手机时，由您代为建档；社区工作人员核实后，您就可以为TA预约。'}
          身份证号只用于核实身份，加密保存，页面上只显示部分数字。
        </View>
        {forSelf ? null : (
          <View className='field'>
            <View className='field__label'>您是长辈的</View>
            <View role='radiogroup' className='choice-row'>
              {relations.map((r) => (
                <Choice key={r} id={`profile-relation-${r}`} selected={relation === r} onSelect={() => setRelation(r)} title={r} />
              ))}
            </View>
          </View>
        )}
        <TextField id='profile-name' label='姓名' value={values.name} onChange={set('name')} error={fieldError('name')} />
        <TextField id='profile-id-number' label='身份证号' type='idcard' value={values.idNumber} onChange={set('idNumber')} error={fieldError('idNumber')} placeholder='18 位' />
        <TextField id='profile-phone' label='手机号（可不填）' type='number' value={values.phone} onChange={set('phone')} error={fieldError('phone')} />
        <TextField id='profile-address' label='住址' value={values.address} onChange={set('address')} error={fieldError('address')} placeholder='如：新市街道幸福小区 3 号楼 2 单元 101 室' />
        <View className='field'>
          <View className='field__label'>所在社区</View>
          {communities.failure ? (
            <View id='profile-community-retry' className='field__input' role='button' onClick={communities.reload}>
              社区列表没有加载出来，点这里重试
            </View>
          ) : (
            <Picker mode='selector' range={(communities.data ?? []).map((c) => c.name)} value={Math.max(communityIndex, 0)} onChange={(e) => setCommunityId(communities.data?.[Number(e.detail.value)]?.id ?? '')}>
              <View id='profile-community' className='field__input' role='button'>
                {communityIndex >= 0 ? communities.data![communityIndex].name : '请选择社区'}
              </View>
            </Picker>
          )}
          {fieldError('communityId') ? <View className='field__error'>{fieldError('communityId')}</View> : null}
        </View>
        <View className='field'>
          <View className='field__label'>居住情况</View>
          <View role='radiogroup' className='choice-row'>
            {livingSituations.map((s) => (
              <Choice key={s} id={`profile-living-${s}`} selected={situation === s} onSelect={() => setSituation(s)} title={livingSituationNames[s]} />
            ))}
          </View>
        </View>
        <View className='field'>
          <View className='field__label'>健康情况（可不填）</View>
          <Textarea id='profile-health' className='field__input field__input--multiline' value={values.healthNotes} maxlength={500} placeholder='慢性病、过敏等' onInput={(e) => set('healthNotes')(e.detail.value)} />
        </View>
        <TextField id='profile-diet' label='饮食（可不填）' value={values.diet} onChange={set('diet')} error={fieldError('diet')} placeholder='如：少盐、不吃辣' />
        <View className='field__label field'>紧急联系人（可不填）</View>
        <TextField id='profile-contact-name' label='姓名' value={values.contactName} onChange={set('contactName')} />
        <TextField id='profile-contact-relation' label='关系' value={values.contactRelation} onChange={set('contactRelation')} placeholder='如：女儿' />
        <TextField id='profile-contact-phone' label='手机号' type='number' value={values.contactPhone} onChange={set('contactPhone')} error={contactError || undefined} />
        {failure && !failure.fields ? (
          <View className='field__error' role='alert' id='profile-failure'>
            {failure.message}
          </View>
        ) : null}
        {failure?.fields ? (
          <View className='field__error' role='alert'>
            请按红字提示改一下再保存，填好的内容都还在。
          </View>
        ) : null}
        <Button id='profile-save' className='big-button field' type='primary' size='large' block loading={saving} disabled={saving} onClick={() => void save()}>
          保存档案
        </Button>
      </View>
    </PageRoot>
  );
}
