import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useSettings } from '../stores/settings';
import { ElderModeRow } from '../ui/ElderModeRow';
import { NOTICE_SUMMARY } from './notice';
import { agreeToCurrentConsent } from './recordConsent';

/**
 * First launch, shown by PageRoot in place of the page until answered: the privacy notice in plain words and
 * the 长辈版 switch (already on when the phone's font is large). Declining still lets the user browse.
 */
export function FirstLaunch() {
  const declineConsent = useSettings((s) => s.declineConsent);

  return (
    <View className='first-launch' id='first-launch'>
      <View className='text-heading first-launch__section'>欢迎使用临江社区服务</View>
      <ElderModeRow id='first-launch-elder-switch' className='card' description='字更大，按钮更大，一键打电话求助' />
      <View className='card'>
        <View className='text-title first-launch__section'>我们会用到您的哪些信息</View>
        {NOTICE_SUMMARY.map((section) => (
          <View key={section.title} className='first-launch__section'>
            <View className='text-title'>{section.title}</View>
            {section.lines.map((line) => (
              <View key={line}>{line}</View>
            ))}
          </View>
        ))}
        <View className='text-secondary'>不同意也能浏览服务点；但不能登录、预约，也不会用您的位置算距离。</View>
      </View>
      <View className='first-launch__actions'>
        <Button id='consent-agree' className='big-button' type='primary' size='large' block onClick={agreeToCurrentConsent}>
          同意并开始使用
        </Button>
        <Button id='consent-decline' className='big-button' size='large' block onClick={declineConsent}>
          不同意，仅浏览
        </Button>
      </View>
    </View>
  );
}
