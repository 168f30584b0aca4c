import { Text } from '@tarojs/components';

/** Invented demo data is always marked as such (DOMAIN.md "Places"). */
export function DemoMark() {
  return <Text className='demo-mark'>演示数据</Text>;
}
