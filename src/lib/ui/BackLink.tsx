import { View } from '@tarojs/components';
import { goBack } from '../navigation';

/**
 * "‹ 返回" at the top of a page that is not a tab. The browser build draws no navigation bar, so without this a
 * page opened from 我的 or a shared link has no way back but the browser's own button.
 */
export function BackLink({ id }: { id: string }) {
  return (
    <View id={id} className='back-link' role='link' onClick={() => void goBack()}>
      ‹ 返回
    </View>
  );
}
