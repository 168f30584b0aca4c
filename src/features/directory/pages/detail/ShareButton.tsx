import { Button as TaroButton, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { focusable } from '@/lib/ui/a11y';
import { detailUrl } from '../../paths';

/** The address of a point's page in the browser build (hash router): what 分享 copies there. */
function browserLink(id: string): string {
  return `${window.location.origin}${window.location.pathname}#${detailUrl(id)}`;
}

/**
 * 分享 as a visible button: in WeChat it opens WeChat's own share sheet (open-type="share", answered by the page's
 * useShareAppMessage); in a browser, which has no such sheet, it copies the page's link and says so.
 */
export function ShareButton({ pointId }: { pointId: string }) {
  if (process.env.TARO_ENV === 'h5') {
    return (
      <View
        id='detail-share'
        className='detail__share'
        role='button'
        {...focusable()}
        onClick={() =>
          void Taro.setClipboardData({ data: browserLink(pointId) }).then(
            () => Taro.showToast({ title: '链接已复制，可以粘贴发给别人', icon: 'none' }),
            () => Taro.showToast({ title: '没能复制链接，请稍后重试', icon: 'none' }),
          )
        }
      >
        分享（复制链接）
      </View>
    );
  }
  return (
    <TaroButton id='detail-share' className='detail__share detail__share--weapp' openType='share'>
      分享给家人朋友
    </TaroButton>
  );
}
