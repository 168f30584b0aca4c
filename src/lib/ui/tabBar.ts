import { Home, Store, User } from '@nutui/icons-react-taro';
import type { ComponentType } from 'react';
import { create } from 'zustand';
import { HOME_PATH, ME_PATH, SERVICES_PATH } from '../navigation';
import './iconTag';

export type TabKey = 'home' | 'services' | 'me';

export interface TabDefinition {
  key: TabKey;
  text: string;
  path: string;
  /** Its own three icons, not icons.tsx's map: every page carries the tab bar. */
  icon: ComponentType;
}

/** The tab bar's items, in the order of app.config.ts `tabBar.list` (which WeChat still requires). */
export const TABS: readonly TabDefinition[] = [
  { key: 'home', text: '首页', path: HOME_PATH, icon: Home },
  { key: 'services', text: '服务', path: SERVICES_PATH, icon: Store },
  { key: 'me', text: '我的', path: ME_PATH, icon: User },
];

/**
 * The tab shown now. WeChat gives every tab page its own instance of the custom tab bar, and none of them knows
 * its page: each tab page says which it is when it shows (PageRoot's `tab`), and every instance follows.
 */
export const useCurrentTab = create<{ current: TabKey; show: (tab: TabKey) => void }>()((set) => ({
  current: 'home',
  show: (tab) => set({ current: tab }),
}));
