import { View } from '@tarojs/components';
import { accessibleName } from './a11y';

/** Skeleton blocks while data loads (never a blank screen). */
export function LoadingState({ rows = 3 }: { rows?: number }) {
  return (
    <View className='loading-state' aria-busy='true' {...accessibleName('正在加载')}>
      {Array.from({ length: rows }, (_, i) => (
        <View key={i} className='loading-state__card'>
          <View className='loading-state__line loading-state__line--title' />
          <View className='loading-state__line' />
          <View className='loading-state__line loading-state__line--short' />
        </View>
      ))}
      <View className='loading-state__text text-secondary'>正在加载…</View>
    </View>
  );
}
