import { View } from '@tarojs/components';
import { HOME_ENTRIES } from '@/lib/homeEntries';
import { COMMUNITY_PICKER_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useSettings } from '@/lib/stores/settings';
import { chinaHour } from '@/lib/date';
import { BigEntry, BigEntryGrid } from '@/lib/ui/BigEntry';
import { AppIcon } from '@/lib/ui/icons';
import { PageRoot } from '@/lib/ui/PageRoot';
import { HelpCallBar } from './HelpCallBar';
import './index.scss';

function greeting(hour: number): string {
  if (hour < 5) return '您好';
  if (hour < 11) return '早上好';
  if (hour < 13) return '中午好';
  if (hour < 18) return '下午好';
  return '晚上好';
}

export default function HomePage() {
  const user = useSession((s) => s.user);
  const chosen = useSettings((s) => s.community);
  const elderMode = useSettings((s) => s.elderMode);
  const communityName = user?.communityName ?? chosen?.name ?? null;

  return (
    <PageRoot className={elderMode ? 'home home--with-help-bar' : 'home'} tab='home'>
      <View className='text-heading home__greeting'>
        {user ? `${user.displayName}，` : ''}
        {greeting(chinaHour())}
      </View>
      <View className='home__community'>
        <View className='text-secondary'>{communityName ? `您的社区：${communityName}` : '您还没有选择社区'}</View>
        {user?.communityId ? null : (
          <View id='home-choose-community' className='home__link' role='button' onClick={() => openPath(COMMUNITY_PICKER_PATH)}>
            {communityName ? '更换' : '选择社区'}
          </View>
        )}
      </View>
      <BigEntryGrid>
        {HOME_ENTRIES.map((entry) => (
          <BigEntry
            key={entry.id}
            id={entry.id}
            icon={<AppIcon name={entry.icon} />}
            label={entry.label}
            description={entry.description}
            tone={entry.tone}
            onTap={() => openPath(entry.path)}
          />
        ))}
      </BigEntryGrid>
      {elderMode ? <HelpCallBar /> : null}
    </PageRoot>
  );
}
