export default definePageConfig({ navigationBarTitleText: '规划监测', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
