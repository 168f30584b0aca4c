export default definePageConfig({ navigationBarTitleText: '建立档案' });
