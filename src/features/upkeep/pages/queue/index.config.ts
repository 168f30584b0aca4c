export default definePageConfig({ navigationBarTitleText: '纠错待办', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
