import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useSettings } from '../stores/settings';
import { accessibleName, focusable } from './a11y';
import { TABS, useCurrentTab, type TabKey } from './tabBar';
import './tab-bar.scss';

/**
 * The tab bar, drawn by the app instead of WeChat so that 长辈版 reaches it: labels ≥ 20 px and items ≥ 60 px
 * high there, and the current tab marked by a bar and bold text as well as colour (and aria-current for screen
 * readers). The mini-program shows it as its custom tab bar (src/custom-tab-bar); the browser build, whose Taro
 * draws no tab bar when `custom` is set, inside each tab page (PageRoot's `tab`).
 */
export function AppTabBar({ current }: { current: TabKey }) {
  const elderMode = useSettings((s) => s.elderMode);
  const firstLaunchDone = useSettings((s) => s.firstLaunchDone);
  // The first-launch notice is answered first; its buttons must not sit under the bar.
  if (!firstLaunchDone) return null;
  return (
    <View className={`app-tab-bar ${elderMode ? 'app-tab-bar--elder' : ''}`} id='app-tab-bar' role='navigation' {...accessibleName('主菜单')}>
      {TABS.map((tab) => {
        const on = tab.key === current;
        return (
          <View
            key={tab.key}
            id={`tab-${tab.key}`}
            className={`app-tab-bar__item ${on ? 'app-tab-bar__item--on' : ''}`}
            role='link'
            aria-current={on ? 'page' : undefined}
            {...focusable()}
            onClick={() => {
              if (on) return;
              useCurrentTab.getState().show(tab.key);
              void Taro.switchTab({ url: tab.path });
            }}
          >
            <View className='app-tab-bar__icon'>
              <tab.icon />
            </View>
            <View className='app-tab-bar__label'>{tab.text}</View>
          </View>
        );
      })}
    </View>
  );
}
