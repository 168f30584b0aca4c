import { create } from 'zustand';
import { HOME_PATH, ME_PATH, SERVICES_PATH } from '../navigation';
import type { IconName } from './icons';

export type TabKey = 'home' | 'services' | 'me';

export interface TabDefinition {
  key: TabKey;
  text: string;
  path: string;
  icon: IconName;
}

/** The tab bar's items, in the order of app.config.ts `tabBar.list` (which WeChat still requires). */
export const TABS: readonly TabDefinition[] = [
  { key: 'home', text: '首页', path: HOME_PATH, icon: 'home' },
  { key: 'services', text: '服务', path: SERVICES_PATH, icon: 'store' },
  { key: 'me', text: '我的', path: ME_PATH, icon: 'user' },
];

/**
 * The tab shown now. WeChat gives every tab page its own instance of the custom tab bar, and none of them knows
 * its page: each tab page says which it is when it shows (PageRoot's `tab`), and every instance follows.
 */
export const useCurrentTab = create<{ current: TabKey; show: (tab: TabKey) => void }>()((set) => ({
  current: 'home',
  show: (tab) => set({ current: tab }),
}));
