export default definePageConfig({ navigationBarTitleText: '身边 15 分钟', enablePullDownRefresh: true });
