import { Button, View } from '@tarojs/components';
import { AGREE_PRIVACY_BUTTON_ID, useWechatPrivacy } from './wechatPrivacy';

/**
 * WeChat's own privacy check (weapp only): it pauses e.g. getLocation until the user agrees on a button with
 * open-type="agreePrivacyAuthorization". A bar at the bottom rather than a pop-up over the page.
 */
export function WechatPrivacyPrompt() {
  const pending = useWechatPrivacy((s) => s.pending);
  const agree = useWechatPrivacy((s) => s.agree);
  const disagree = useWechatPrivacy((s) => s.disagree);
  if (!pending) return null;
  return (
    <View className='privacy-prompt'>
      <View className='text-title'>需要您同意隐私说明</View>
      <View>位置只用来算您到服务点的距离和步行时间，算完不保存。</View>
      <Button
        id={AGREE_PRIVACY_BUTTON_ID}
        className='big-button'
        type='primary'
        openType='agreePrivacyAuthorization'
        onAgreePrivacyAuthorization={agree}
      >
        同意
      </Button>
      <Button className='big-button' onClick={disagree}>
        不同意
      </Button>
    </View>
  );
}
