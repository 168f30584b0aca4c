import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { fakeAdapter } from '../../../tests-client/fakeServer';
import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import HomePage from './index';

const helpBar = () => document.getElementById('help-call');

beforeEach(() => {
  taroTestControl.reset();
  useSession.getState().clear();
  useSettings.setState({
    ...initialSettings(),
    firstLaunchDone: true,
    consentVersion: '2026-11-28',
    community: { id: 'xinshi', name: '新市社区', phone: '0432-62000000' },
  });
});

describe('首页', () => {
  it('has no 电话求助 in the normal version', () => {
    useSettings.setState({ elderMode: false });
    const { getByText } = render(<HomePage />);
    expect(getByText('您的社区：新市社区')).toBeTruthy();
    expect(helpBar()).toBeNull();
    expect(document.getElementById('page-root')?.className).not.toContain('elder');
  });

  it('in 长辈版 calls the community with one tap', () => {
    useSettings.setState({ elderMode: true });
    render(<HomePage />);
    expect(document.getElementById('page-root')?.className).toContain('elder');
    const bar = helpBar();
    expect(bar?.textContent).toContain('电话求助');
    expect(bar?.getAttribute('aria-label')).toBe('电话求助，拨打新市社区电话 0432-62000000');
    fireEvent.click(bar!);
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0432-62000000' });
  });

  it('switching 长辈版 off removes the bar at once', () => {
    useSettings.setState({ elderMode: true });
    render(<HomePage />);
    expect(helpBar()).not.toBeNull();
    act(() => useSettings.getState().setElderMode(false));
    expect(helpBar()).toBeNull();
  });

  it('opens the service directory tab from the 找服务 entry', () => {
    render(<HomePage />);
    fireEvent.click(document.getElementById('entry-find-service')!);
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/services/index' });
  });

  it('shows the first-launch notice instead of the page until it is answered', async () => {
    useSettings.setState({ firstLaunchDone: false, consentVersion: null });
    render(<HomePage />);
    // The notice comes in a script of its own (PageRoot loads it only for a first launch).
    await waitFor(() => expect(document.getElementById('first-launch')).not.toBeNull());
    expect(document.getElementById('entry-find-service')).toBeNull();
    fireEvent.click(document.getElementById('consent-decline')!);
    expect(document.getElementById('entry-find-service')).not.toBeNull();
    expect(useSettings.getState().consentVersion).toBeNull();
  });
});

describe('首页 电话求助 for a signed-in user', () => {
  it('finds the phone of the user’s own community from the town list', async () => {
    const { api } = await import('@/lib/api/client');
    const towns = {
      towns: [
        {
          code: '220211',
          name: '新市街道',
          kind: '街道',
          lat: 0,
          lng: 0,
          communities: [{ id: 'yanjiang', name: '沿江社区', townCode: '220211', isDemo: false, lat: 0, lng: 0, phone: '0432-62111111' }],
        },
      ],
    };
    api.defaults.adapter = fakeAdapter(() => ({ status: 200, data: towns }));
    useSession.getState().signIn({
      token: 't',
      expiresAt: '2026-12-28T00:00:00Z',
      user: {
        id: 1,
        displayName: '王**',
        maskedPhone: null,
        role: 'resident',
        isVolunteer: false,
        communityId: 'yanjiang',
        communityName: '沿江社区',
        scope: { communityId: null, townCode: null, servicePointId: null },
        consentVersion: '2026-11-28',
      },
    });
    useSettings.setState({ elderMode: true });
    const { findByText } = render(<HomePage />);
    expect(await findByText('沿江社区 0432-62111111')).toBeTruthy();
    fireEvent.click(helpBar()!);
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0432-62111111' });
  });
});
