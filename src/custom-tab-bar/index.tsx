import { AppTabBar } from '@/lib/ui/AppTabBar';
import { useCurrentTab } from '@/lib/ui/tabBar';

/**
 * WeChat's custom tab bar (app.config.ts `tabBar.custom`): Taro builds this folder as the component WeChat
 * places under every tab page. The browser build does not use it (Taro's h5 draws no custom tab bar): there,
 * PageRoot draws the same AppTabBar inside each tab page.
 */
export default function CustomTabBar() {
  const current = useCurrentTab((s) => s.current);
  return <AppTabBar current={current} />;
}
