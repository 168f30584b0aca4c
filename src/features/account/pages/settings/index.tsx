import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { signOutOnServer } from '@/lib/api/endpoints';
import { agreeToCurrentConsent, withdrawConsent } from '@/lib/consent/recordConsent';
import { HOME_PATH, PRIVACY_PATH, openPath } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { BackLink } from '@/lib/ui/BackLink';
import { ElderModeRow } from '@/lib/ui/ElderModeRow';
import { PageRoot } from '@/lib/ui/PageRoot';
import '../account.scss';

/** 清除本地数据: sign out, forget every setting on this phone, start again from the first-launch notice. */
async function clearLocalData(): Promise<void> {
  const { confirm } = await Taro.showModal({
    title: '清除本地数据',
    content: '将退出登录，并清除本机保存的长辈版设置、所选社区和隐私同意记录。',
    confirmText: '清除',
    cancelText: '取消',
  });
  if (!confirm) return;
  if (useSession.getState().token) {
    try {
      await signOutOnServer();
    } catch {
      // Offline: the token expires on its own.
    }
  }
  useSession.getState().clear();
  useSettings.setState(initialSettings());
  Taro.clearStorageSync();
  await Taro.reLaunch({ url: HOME_PATH });
}

export default function SettingsPage() {
  const consentVersion = useSettings((s) => s.consentVersion);

  return (
    <PageRoot>
      <BackLink id='settings-back' />
      <View className='card'>
        <ElderModeRow id='elder-mode-switch' description='字更大、按钮更大，首页有电话求助' />
      </View>
      <View className='card'>
        <View className='text-title'>隐私</View>
        <View className='account__row' id='consent-status'>
          {consentVersion ? `您已同意隐私说明（${consentVersion} 版）` : '您还没有同意隐私说明，只能浏览'}
        </View>
        {consentVersion ? (
          <Button id='consent-withdraw' className='big-button account__choice' size='large' block onClick={() => void withdrawConsent()}>
            撤回同意
          </Button>
        ) : (
          <Button
            id='consent-agree-settings'
            className='big-button account__choice'
            type='primary'
            size='large'
            block
            onClick={agreeToCurrentConsent}
          >
            同意隐私说明
          </Button>
        )}
        <View id='settings-privacy' className='account__link' role='button' onClick={() => openPath(PRIVACY_PATH)}>
          查看隐私说明
        </View>
      </View>
      <Button id='settings-clear-data' className='big-button' size='large' block onClick={() => void clearLocalData()}>
        清除本地数据
      </Button>
    </PageRoot>
  );
}
