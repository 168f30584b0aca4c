export default definePageConfig({ navigationBarTitleText: '近 12 个月', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
