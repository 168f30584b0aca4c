import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import type { ElderDetail } from '@contract/care';
import { useRequest } from '@/lib/useRequest';
import { BackLink } from '@/lib/ui/BackLink';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { PageRoot } from '@/lib/ui/PageRoot';
import { StaffGate } from '@/lib/ui/StaffGate';
import { fetchElder } from '../../api';
import { ClassesForm } from '../../components/ClassesForm';
import { RelativesCard } from '../../components/RelativesCard';
import { classNamesText } from '@contract/care-words';
import '../../staff.scss';

function Row({ id, label, value }: { id: string; label: string; value: string }) {
  return (
    <View id={id} className='rate-row'>
      <View className='text-secondary'>{label}</View>
      <View>{value}</View>
    </View>
  );
}

/** The profile as the 社区 sees it: the ID number masked; the phone in full, as the handling worker needs it. */
function ProfileCard({ elder }: { elder: ElderDetail }) {
  return (
    <View id='staff-profile' className='card'>
      <View className='text-title'>
        {elder.name}（{elder.age} 岁）
      </View>
      <Row id='staff-profile-id' label='身份证号' value={elder.maskedIdNumber} />
      <Row id='staff-profile-phone' label='电话' value={elder.phone ?? '未留'} />
      <Row id='staff-profile-address' label='住址' value={elder.address} />
      <Row id='staff-profile-community' label='社区' value={elder.grid ? `${elder.communityName} ${elder.grid}` : elder.communityName} />
      <Row id='staff-profile-classes' label='类别' value={`${classNamesText(elder.classes)}${elder.dibao ? ' · 低保' : ''}`} />
      <Row id='staff-profile-bath' label='助浴评估' value={elder.bathAssessedOn ?? '未评估'} />
      {elder.healthNotes ? <Row id='staff-profile-health' label='健康情况' value={elder.healthNotes} /> : null}
      {elder.diet ? <Row id='staff-profile-diet' label='饮食' value={elder.diet} /> : null}
    </View>
  );
}

function ElderView({ elderId }: { elderId: number }) {
  const load = useCallback(() => fetchElder(elderId), [elderId]);
  const { data, failure, loading, reload } = useRequest(load);
  // A save answers with the whole profile: shown at once, without asking again.
  const [elder, setElder] = useState<ElderDetail>();
  useEffect(() => setElder(data), [data]);
  usePullDownRefresh(() => {
    reload();
    void Taro.stopPullDownRefresh();
  });
  if (loading && !elder) return <LoadingState rows={3} />;
  if (failure && !elder) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!elder) return null;
  return (
    <>
      <ProfileCard elder={elder} />
      <RelativesCard elder={elder} onChanged={reload} />
      <ClassesForm key={elder.id} elder={elder} onSaved={setElder} />
    </>
  );
}

/** One elder for a worker of the 社区: the profile, family binding requests to approve, classes and 低保 to set. */
export default function StaffElderPage() {
  const elderId = Number(useRouter().params.id);
  return (
    <PageRoot className='staff-elder'>
      <BackLink id='staff-elder-back' />
      <View className='text-heading staff__heading'>老人档案</View>
      <StaffGate roles={['worker']} who='社区工作人员'>
        {Number.isInteger(elderId) && elderId > 0 ? <ElderView elderId={elderId} /> : <View className='card'>没有指明是哪位老人，请从老人档案列表进入。</View>}
      </StaffGate>
    </PageRoot>
  );
}
