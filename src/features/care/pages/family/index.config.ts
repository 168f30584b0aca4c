export default definePageConfig({ navigationBarTitleText: '家人', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
