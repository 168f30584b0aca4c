import { View } from '@tarojs/components';
import { CONSENT_VERSION, NOTICE_FULL } from '@/lib/consent/notice';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import '../account.scss';

export default function PrivacyPage() {
  return (
    <PageRoot>
      <BackLink id='privacy-back' />
      <View className='text-heading account__heading'>隐私说明</View>
      {NOTICE_FULL.map((section) => (
        <View key={section.title} className='card'>
          <View className='text-title account__section'>{section.title}</View>
          {section.lines.map((line) => (
            <View key={line}>{line}</View>
          ))}
        </View>
      ))}
      <View className='text-secondary'>版本：{CONSENT_VERSION}</View>
    </PageRoot>
  );
}
