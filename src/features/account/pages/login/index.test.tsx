import { fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { fakeAdapter, fakeServer } from '../../../../../tests-client/fakeServer';
import { typeInto } from '../../../../../tests-client/typeInto';
import { api } from '@/lib/api/client';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import LoginPage from './index';

const demoAccounts = [
  { key: 'resident', displayName: '张阿姨', description: '新市社区居民' },
  { key: 'worker', displayName: '李主任', description: '新市社区工作人员' },
];

const resident = {
  id: 7,
  displayName: '张阿姨',
  maskedPhone: '139****5678',
  role: 'resident',
  isVolunteer: false,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: null, townCode: null, servicePointId: null },
  consentVersion: '2026-11-28',
};

beforeEach(() => {
  taroTestControl.reset();
  useSession.getState().clear();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: '2026-11-28', consentRecorded: true });
});

describe('登录 page', () => {
  it('lists the demo accounts as big buttons and signs in with the one tapped, then returns to `redirect`', async () => {
    const seen: string[] = [];
    api.defaults.adapter = fakeServer(
      {
        'GET /api/auth/demo-accounts': () => ({ accounts: demoAccounts }),
        'POST /api/auth/demo': (config) => {
          expect(JSON.parse(config.data as string)).toEqual({ account: 'resident' });
          return { token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: resident };
        },
      },
      seen,
    );
    taroTestControl.setRoute('/features/account/pages/login/index', { redirect: encodeURIComponent('/pages/me/index') }, 2);
    const { findByText } = render(<LoginPage />);
    expect(await findByText('新市社区居民')).toBeTruthy();
    expect(document.getElementById('login-demo-worker')).not.toBeNull();

    fireEvent.click(document.getElementById('login-demo-resident')!);
    await waitFor(() => expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' }));
    expect(useSession.getState()).toMatchObject({ token: 'tok', user: { displayName: '张阿姨' } });
    expect(seen).toEqual(['GET /api/auth/demo-accounts', 'POST /api/auth/demo']);
  });

  it('shows the reason and 重试 when the server cannot be reached, and recovers', async () => {
    let online = false;
    api.defaults.adapter = fakeAdapter(() => {
      if (!online) throw new Error('offline');
      return { status: 200, data: { accounts: demoAccounts } };
    });
    const { findByText } = render(<LoginPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    online = true;
    fireEvent.click(document.getElementById('error-retry')!);
    expect(await findByText('新市社区工作人员')).toBeTruthy();
  });

  it('asks for the privacy agreement first when the user declined it on first launch', async () => {
    api.defaults.adapter = fakeServer({ 'GET /api/auth/demo-accounts': () => ({ accounts: demoAccounts }), 'POST /api/consents': () => ({}) });
    useSettings.setState({ consentVersion: null });
    const { findByText } = render(<LoginPage />);
    expect(await findByText('登录前请先同意隐私说明')).toBeTruthy();
    expect(document.getElementById('login-demo-resident')).toBeNull();
    fireEvent.click(document.getElementById('login-agree-consent')!);
    expect(await findByText('新市社区居民')).toBeTruthy();
  });
});

describe('登录 page in WeChat', () => {
  const taroEnv = process.env.TARO_ENV;
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });
  afterEach(() => {
    process.env.TARO_ENV = taroEnv;
  });

  it('sends a worker’s activation code with the WeChat sign-in, and nothing extra for a resident', async () => {
    const bodies: unknown[] = [];
    api.defaults.adapter = fakeServer({
      'GET /api/auth/demo-accounts': () => ({ accounts: [] }),
      'POST /api/auth/wechat': (config) => {
        bodies.push(JSON.parse(config.data as string));
        return { token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: resident };
      },
    });
    render(<LoginPage />);
    fireEvent.click(document.getElementById('login-wechat')!);
    await waitFor(() => expect(bodies).toEqual([{ code: 'test-code' }]));

    useSession.getState().clear();
    typeInto('login-activation-code', 'ab12cd34');
    fireEvent.click(document.getElementById('login-wechat')!);
    await waitFor(() => expect(bodies).toEqual([{ code: 'test-code' }, { code: 'test-code', activationCode: 'AB12CD34' }]));
  });
});
