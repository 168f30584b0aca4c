import { Input, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { DemoAccount, LoginResult } from '@contract/auth';
import { fetchDemoAccounts, signInWithDemoAccount, signInWithWechatCode } from '@/lib/api/endpoints';
import { toApiFailure } from '@/lib/api/failure';
import { agreeToCurrentConsent, syncConsent } from '@/lib/consent/recordConsent';
import { goBack, openPath, PRIVACY_PATH } from '@/lib/navigation';
import { useSession } from '@/lib/stores/session';
import { useSettings } from '@/lib/stores/settings';
import { useRequest } from '@/lib/useRequest';
import { EmptyState } from '@/lib/ui/EmptyState';
import { ErrorState } from '@/lib/ui/ErrorState';
import { LoadingState } from '@/lib/ui/LoadingState';
import { BackLink } from '@/lib/ui/BackLink';
import { PageRoot } from '@/lib/ui/PageRoot';
import '../account.scss';

/** Demo accounts exist only in demo mode: outside it the API answers NOT_FOUND, which simply means "none". */
async function loadDemoAccounts(): Promise<DemoAccount[]> {
  try {
    return await fetchDemoAccounts();
  } catch (error) {
    if (toApiFailure(error).code === 'NOT_FOUND') return [];
    throw error;
  }
}

function DemoAccounts({ onPick, busy }: { onPick: (account: DemoAccount) => void; busy: boolean }) {
  const { data, failure, loading, reload } = useRequest(loadDemoAccounts);
  if (loading) return <LoadingState rows={2} />;
  if (failure) return <ErrorState message={failure.message} onRetry={reload} />;
  if (!data || data.length === 0) {
    return process.env.TARO_ENV === 'weapp' ? null : (
      <EmptyState title='浏览器版暂不能登录' description='请在微信里打开临江社区服务小程序登录。' />
    );
  }
  return (
    <View className='card'>
      <View className='text-title'>演示账号</View>
      <View className='text-secondary account__hint'>这是演示版本，选一个身份直接进入。</View>
      {data.map((account) => (
        <View
          key={account.key}
          id={`login-demo-${account.key}`}
          className={busy ? 'choice-card choice-card--busy' : 'choice-card'}
          role='button'
          onClick={() => !busy && onPick(account)}
        >
          <View className='choice-card__title'>{account.displayName}</View>
          <View className='text-secondary'>{account.description}</View>
        </View>
      ))}
    </View>
  );
}

export default function LoginPage() {
  const { params } = useRouter();
  const redirect = params.redirect ? decodeURIComponent(params.redirect) : '';
  const consentVersion = useSettings((s) => s.consentVersion);
  const signIn = useSession((s) => s.signIn);
  const [busy, setBusy] = useState(false);
  const [activationCode, setActivationCode] = useState('');

  const finish = async (login: () => Promise<LoginResult>) => {
    setBusy(true);
    try {
      const result = await login();
      signIn(result);
      if (result.user.consentVersion !== consentVersion) {
        // Agreed before signing in (recorded for the device only): record it for the account as well.
        useSettings.setState({ consentRecorded: false });
        void syncConsent();
      }
      void Taro.showToast({ title: '已登录', icon: 'success' });
      if (redirect) await openPath(redirect, 'replace');
      else await goBack();
    } catch (error) {
      void Taro.showToast({ title: toApiFailure(error).message, icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const signInWithWechat = () =>
    finish(async () => {
      const { code } = await Taro.login();
      return signInWithWechatCode(code, activationCode.trim().toUpperCase() || undefined);
    });

  if (!consentVersion) {
    return (
      <PageRoot>
        <BackLink id='login-back' />
        <View className='card'>
          <View className='text-title'>登录前请先同意隐私说明</View>
          <View className='account__hint'>登录后，我们会用到您的手机号，只给本社区的工作人员看。</View>
          <View id='login-read-privacy' className='account__link' role='button' onClick={() => openPath(PRIVACY_PATH)}>
            查看隐私说明
          </View>
          <Button
            id='login-agree-consent'
            className='big-button'
            type='primary'
            size='large'
            block
            onClick={agreeToCurrentConsent}
          >
            同意并继续
          </Button>
        </View>
      </PageRoot>
    );
  }

  return (
    <PageRoot>
      <BackLink id='login-back' />
      <View className='text-heading account__heading'>登录临江社区服务</View>
      {process.env.TARO_ENV === 'weapp' ? (
        <Button
          id='login-wechat'
          className='big-button account__choice'
          type='primary'
          size='large'
          block
          disabled={busy}
          onClick={() => void signInWithWechat()}
        >
          微信一键登录
        </Button>
      ) : null}
      {process.env.TARO_ENV === 'weapp' ? (
        <View className='card'>
          <View className='text-secondary'>社区工作人员第一次登录：请先填写管理员给您的激活码，再点 微信一键登录。居民不用填。</View>
          <Input id='login-activation-code' className='field__input' value={activationCode} maxlength={8} placeholder='激活码（选填）' onInput={(e) => setActivationCode(e.detail.value)} />
        </View>
      ) : null}
      <DemoAccounts busy={busy} onPick={(account) => void finish(() => signInWithDemoAccount(account.key))} />
    </PageRoot>
  );
}
