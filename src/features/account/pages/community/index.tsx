import { View } from '@tarojs/components';
import { useState } from 'react';
import type { Town } from '@contract/places';
import { fetchTowns } from '@/lib/api/endpoints';
import { goBack } from '@/lib/navigation';
import { useSettings } from '@/lib/stores/settings';
import { useRequest } from '@/lib/useRequest';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import '../account.scss';

/** Pick 街道/乡镇, then the community; remembered on this phone (used by 首页 and 电话求助). */
export default function CommunityPickerPage() {
  const { data, failure, loading, reload } = useRequest(fetchTowns);
  const [town, setTown] = useState<Town | null>(null);
  const chooseCommunity = useSettings((s) => s.chooseCommunity);

  let body;
  if (loading) body = <LoadingState />;
  else if (failure) body = <ErrorState message={failure.message} onRetry={reload} />;
  else if (!data || data.length === 0) body = <EmptyState title='暂时没有社区名单' description='请稍后再来看看。' />;
  else if (!town) {
    body = (
      <View className='card'>
        <View className='text-title account__section'>您住在哪个街道或乡镇？</View>
        {data.map((t) => (
          <View key={t.code} id={`town-${t.code}`} className='account__link' role='button' onClick={() => setTown(t)}>
            {t.name}
          </View>
        ))}
      </View>
    );
  } else {
    body = (
      <View className='card'>
        <View className='text-title account__section'>{town.name}的哪个社区？</View>
        {town.communities.map((c) => (
          <View
            key={c.id}
            id={`community-${c.id}`}
            className='account__link'
            role='button'
            onClick={() => {
              chooseCommunity({ id: c.id, name: c.name, phone: c.phone });
              void goBack();
            }}
          >
            {c.name}
          </View>
        ))}
        <View id='town-back' className='account__link' role='button' onClick={() => setTown(null)}>
          换一个街道或乡镇
        </View>
      </View>
    );
  }
  return (
    <PageRoot>
      <BackLink id='community-back' />
      {body}
    </PageRoot>
  );
}
