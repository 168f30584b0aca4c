export default definePageConfig({ navigationBarTitleText: '服务点预约', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
