export default definePageConfig({
  navigationBarTitleText: '申诉复核',
  enablePullDownRefresh: true,
  backgroundTextStyle: 'dark',
  onReachBottomDistance: 200,
});
