export default definePageConfig({
  navigationBarTitleText: '老人档案',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
