export default definePageConfig({
  navigationBarTitleText: '月探访',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
