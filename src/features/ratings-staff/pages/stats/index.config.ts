export default definePageConfig({ navigationBarTitleText: '评价统计', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
