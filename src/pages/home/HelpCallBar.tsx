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

/** The signed-in user's community is looked up in GET /api/towns; a community picked on this phone has its number. */
function useHelpTarget(): { target: Target | null; loading: boolean; failed: boolean; reload: () => void } {
  const communityId = useSession((s) => s.user?.communityId ?? null);
  const chosen = useSettings((s) => s.community);
  const lookUp = useCallback(async (): Promise<Community | null> => {
    if (!communityId) return null;
    const towns = await fetchTowns();
    return towns.flatMap((town) => town.communities).find((c) => c.id === communityId) ?? null;
  }, [communityId]);
  const { data, failure, loading, reload } = useRequest(lookUp);
  if (!communityId) return { target: chosen, loading: false, failed: false, reload };
  return { target: data ?? null, loading, failed: Boolean(failure), reload };
}

/** 长辈版 only: one tap calls the community's service phone. Fixed to the bottom, above the tab bar. */
export function HelpCallBar() {
  const { target, loading, failed, reload } = useHelpTarget();

  if (loading) {
    return (
      <View className='help-bar help-bar--muted' id='help-call' aria-busy='true'>
        正在查找社区电话…
      </View>
    );
  }
  if (failed) {
    return (
      <View className='help-bar help-bar--muted' id='help-call' role='button' onClick={reload}>
        没查到社区电话，点这里重试
      </View>
    );
  }
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
