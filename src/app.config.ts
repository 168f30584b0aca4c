/**
 * The mini-program's app.json (and the h5 router). Main package = the three tab pages only; every feature is a
 * subpackage under features/<feature>/pages/** — add it to `subPackages` below (one entry per feature).
 */
/**
 * WeChat draws these only as the fallback of its custom tab bar; the browser build draws none (our AppTabBar), and
 * would otherwise carry the six PNGs, 5 KB that never show, in its first script.
 */
function tabIcons(name: string): { iconPath?: string; selectedIconPath?: string } {
  if (process.env.TARO_ENV === 'h5') return {};
  return { iconPath: `assets/tabbar/${name}.png`, selectedIconPath: `assets/tabbar/${name}-active.png` };
}

export default defineAppConfig({
  pages: ['pages/home/index', 'pages/services/index', 'pages/me/index'],
  subPackages: [
    {
      root: 'features/account',
      pages: ['pages/login/index', 'pages/settings/index', 'pages/privacy/index', 'pages/community/index', 'pages/personal/index'],
    },
    { root: 'features/directory', pages: ['pages/detail/index', 'pages/coverage/index'] },
    {
      root: 'features/care',
      pages: ['pages/book/index', 'pages/booking/index', 'pages/bookings/index', 'pages/family/index', 'pages/profile/index'],
    },
    { root: 'features/messages', pages: ['pages/list/index'] },
    {
      root: 'features/volunteers',
      pages: ['pages/activities/index', 'pages/activity/index', 'pages/register/index', 'pages/mine/index', 'pages/certificate/index'],
    },
    { root: 'features/volunteers-staff', pages: ['pages/manage/index', 'pages/roster/index', 'pages/edit/index'] },
    { root: 'features/care-staff', pages: ['pages/provider/index', 'pages/visits/index', 'pages/visit/index', 'pages/elders/index', 'pages/elder/index'] },
    { root: 'features/ratings', pages: ['pages/rate/index', 'pages/mine/index', 'pages/point/index'] },
    { root: 'features/ratings-staff', pages: ['pages/orders/index', 'pages/order/index', 'pages/appeals/index', 'pages/stats/index'] },
    { root: 'features/planning', pages: ['pages/overview/index', 'pages/trend/index'] },
    { root: 'features/upkeep', pages: ['pages/edit/index', 'pages/create/index', 'pages/queue/index', 'pages/stale/index', 'pages/report/index', 'pages/mine/index'] },
  ],
  window: {
    backgroundTextStyle: 'light',
    backgroundColor: '#F5F6F8',
    navigationBarBackgroundColor: '#FFFFFF',
    navigationBarTitleText: '临江社区服务',
    navigationBarTextStyle: 'black',
  },
  tabBar: {
    // Drawn by the app (src/custom-tab-bar, src/lib/ui/AppTabBar.tsx) so that 长辈版 reaches it; WeChat still needs the list.
    custom: true,
    color: '#4E5969',
    selectedColor: '#1762C8',
    backgroundColor: '#FFFFFF',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        ...tabIcons('home'),
      },
      {
        pagePath: 'pages/services/index',
        text: '服务',
        ...tabIcons('services'),
      },
      {
        pagePath: 'pages/me/index',
        text: '我的',
        ...tabIcons('me'),
      },
    ],
  },
  lazyCodeLoading: 'requiredComponents',
  // Only the private APIs the app really calls: the directory measures distance from the user's location.
  requiredPrivateInfos: ['getLocation'],
  permission: {
    'scope.userLocation': { desc: '用于计算您到服务点的距离和步行时间' },
  },
  __usePrivacyCheck__: true,
});
