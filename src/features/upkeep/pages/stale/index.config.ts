export default definePageConfig({ navigationBarTitleText: '待核实', enablePullDownRefresh: true, backgroundTextStyle: 'dark' });
