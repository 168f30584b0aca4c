import { fireEvent, render, waitFor } from '@testing-library/react';
import { fakeAdapter, routeOf } from '../../../tests-client/fakeServer';
import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import { api } from '@/lib/api/client';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import MePage from './index';

const worker = {
  id: 3,
  displayName: '张敏',
  maskedPhone: '138****2468',
  role: 'worker' as const,
  isVolunteer: false,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: 'xinshi', townCode: null, servicePointId: null },
  consentVersion: '2026-11-28',
};

let calls: string[] = [];
const server = fakeAdapter((config) => {
  calls.push(`${routeOf(config)} ${config.headers.get('Authorization') ?? ''}`.trim());
  return { status: 200, data: { ok: true } };
});

beforeEach(() => {
  taroTestControl.reset();
  calls = [];
  api.defaults.adapter = server;
  useSession.getState().clear();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: '2026-11-28' });
});

describe('我的', () => {
  it('signed out: offers 登录, coming back to 我的', () => {
    render(<MePage />);
    fireEvent.click(document.getElementById('me-login')!);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/features/account/pages/login/index?redirect=${encodeURIComponent('/pages/me/index')}`,
    });
  });

  it('signed in: shows name, masked phone, role and community; 退出登录 asks first, then revokes the session', async () => {
    useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: worker });
    const { getByText } = render(<MePage />);
    expect(getByText('手机号：138****2468')).toBeTruthy();
    expect(getByText('身份：社区工作人员')).toBeTruthy();
    expect(getByText('社区：新市社区')).toBeTruthy();

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    fireEvent.click(document.getElementById('me-logout')!);
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(useSession.getState().token).toBe('tok');

    fireEvent.click(document.getElementById('me-logout')!);
    await waitFor(() => expect(useSession.getState().token).toBeNull());
    expect(calls.filter((call) => !call.startsWith('GET /api/messages'))).toEqual(['POST /api/auth/logout Bearer tok']);
    expect(document.getElementById('me-login')).not.toBeNull();
  });

  it('signed in: 我的预约, 家人 and 消息 with the unread count; staff get their own page', async () => {
    api.defaults.adapter = fakeAdapter((config) => {
      calls.push(routeOf(config));
      const data = config.url === '/api/messages' ? { items: [], nextCursor: null, unreadCount: 3 } : { ok: true };
      return { data, status: 200 };
    });
    useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: worker });
    const { findByText } = render(<MePage />);
    expect(await findByText('3 条未读')).toBeTruthy();
    expect(document.getElementById('me-visits')).not.toBeNull();
    expect(document.getElementById('me-provider')).toBeNull();
    fireEvent.click(document.getElementById('me-messages')!);
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/messages/pages/list/index' });
    fireEvent.click(document.getElementById('me-bookings')!);
    expect(taroMock.navigateTo).toHaveBeenLastCalledWith({ url: '/features/care/pages/bookings/index' });
  });
});
