export default definePageConfig({
  navigationBarTitleText: '找服务',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
