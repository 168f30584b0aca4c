import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useCallback } from 'react';
import type { Community } from '@contract/places';
import { fetchTowns } from '@/lib/api/endpoints';
import { COMMUNITY_PICKER_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useSettings } from '@/lib/stores/settings';
import { useRequest } from '@/lib/useRequest';
import { accessibleName } from '@/lib/ui/a11y';
import { AppIcon } from '@/lib/ui/icons';

interface Target {
  name: string;
  phone: string;
}

/** A signed-in user's community phone comes from GET /api/towns. */
function CommunityHelpBar({ communityId }: { communityId: string }) {
  const lookUp = useCallback(async (): Promise<Community | null> => {
    const towns = await fetchTowns();
    return towns.flatMap((town) => town.communities).find((c) => c.id === communityId) ?? null;
  }, [communityId]);
  const { data, failure, loading, reload } = useRequest(lookUp);
  if (loading) {
    return (
      <View className='help-bar help-bar--muted' id='help-call' aria-busy='true'>
        正在查找社区电话…
      </View>
    );
  }
  if (failure) {
    return (
      <View className='help-bar help-bar--muted' id='help-call' role='button' onClick={reload}>
        没查到社区电话，点这里重试
      </View>
    );
  }
  return <CallBar target={data ?? null} />;
}

function CallBar({ target }: { target: Target | null }) {
  if (!target) {
    return (
      <View className='help-bar' id='help-call' role='button' onClick={() => openPath(COMMUNITY_PICKER_PATH)}>
        <AppIcon name='phone' />
        <View>电话求助：先选择您的社区</View>
      </View>
    );
  }
  return (
    <View
      className='help-bar'
      id='help-call'
      role='button'
      {...accessibleName(`电话求助，拨打${target.name}电话 ${target.phone}`)}
      onClick={() => void Taro.makePhoneCall({ phoneNumber: target.phone }).catch(() => undefined)}
    >
      <AppIcon name='phone' />
      <View>
        <View className='help-bar__title'>电话求助</View>
        <View className='help-bar__detail'>
          {target.name} {target.phone}
        </View>
      </View>
    </View>
  );
}

/**
 * 长辈版 only: one tap calls the community's service phone, in a bar fixed above the tab bar. The signed-in
 * user's community first, else the one picked on this phone, else a way to pick one.
 */
export function HelpCallBar() {
  const communityId = useSession((s) => s.user?.communityId ?? null);
  const chosen = useSettings((s) => s.community);
  return communityId ? <CommunityHelpBar communityId={communityId} /> : <CallBar target={chosen} />;
}
