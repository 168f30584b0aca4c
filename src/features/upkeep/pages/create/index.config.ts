export default definePageConfig({ navigationBarTitleText: '新增服务点' });
