export default definePageConfig({ navigationBarTitleText: '临江社区服务' });
