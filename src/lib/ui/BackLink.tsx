import { View } from '@tarojs/components';
import { goBack } from '../navigation';
import { focusable } from './a11y';

/**
 * "‹ 返回" at the top of a page that is not a tab. The browser build draws no navigation bar, so without this a
 * page opened from 我的 or a shared link has no way back but the browser's own button.
 */
export function BackLink({ id }: { id: string }) {
  return (
    <View id={id} className='back-link' role='link' {...focusable()} onClick={() => void goBack()}>
      ‹ 返回
    </View>
  );
}
