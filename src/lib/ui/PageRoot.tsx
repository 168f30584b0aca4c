import { View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { useSettings } from '../stores/settings';
import { AppTabBar } from './AppTabBar';
import { LoadingState } from './LoadingState';
import { useCurrentTab, type TabKey } from './tabBar';
import { WechatPrivacyPrompt } from '../consent/WechatPrivacyPrompt';
import './ui.scss';

/**
 * The first-launch notice is answered once per phone: a returning user's pages never draw it, so it comes in its own
 * script when it is needed (on mini-programs Taro turns import() into require()).
 */
const FirstLaunch = lazy(() => import('../consent/FirstLaunch').then(({ FirstLaunch: notice }) => ({ default: notice })));

interface PageRootProps {
  children: ReactNode;
  className?: string;
  /** Set on the tab pages: which tab this is (the tab bar marks it; the browser build draws the bar here). */
  tab?: TabKey;
}

/** Tells the custom tab bar which tab is shown, and keeps room for the bar under the page's content. */
function TabBarPlace({ tab }: { tab: TabKey }) {
  useDidShow(() => useCurrentTab.getState().show(tab));
  // Also when it first appears after the first-launch notice (the page was already shown then).
  useEffect(() => useCurrentTab.getState().show(tab), [tab]);
  return (
    <>
      <View className='app-tab-bar-room' />
      {process.env.TARO_ENV === 'h5' ? <AppTabBar current={tab} /> : null}
    </>
  );
}

/**
 * Every page wraps itself in this. It applies 长辈版 (the `elder` class re-assigns the theme variables of
 * app.scss), shows the first-launch notice until it is answered, and WeChat's privacy prompt when WeChat asks.
 */
export function PageRoot({ children, className, tab }: PageRootProps) {
  const elderMode = useSettings((s) => s.elderMode);
  const firstLaunchDone = useSettings((s) => s.firstLaunchDone);
  const classes = ['page-root', elderMode ? 'elder' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <View className={classes} id='page-root' data-elder={elderMode ? 'on' : 'off'}>
      {firstLaunchDone ? (
        children
      ) : (
        <Suspense fallback={<LoadingState />}>
          <FirstLaunch />
        </Suspense>
      )}
      {tab && firstLaunchDone ? <TabBarPlace tab={tab} /> : null}
      <WechatPrivacyPrompt />
    </View>
  );
}
