import { act, cleanup, fireEvent, render } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import CustomTabBar from '@/custom-tab-bar/index';
import { initialSettings, useSettings } from '../stores/settings';
import { AppTabBar } from './AppTabBar';
import { useCurrentTab } from './tabBar';

// Each test renders its own bar: the previous one must be gone (getElementById would find it first).
afterEach(cleanup);

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useCurrentTab.setState({ current: 'home' });
});

const item = (key: string) => document.getElementById(`tab-${key}`)!;

describe('AppTabBar', () => {
  it('marks the current tab by more than colour: aria-current, a class for the bar and bold label', () => {
    render(<AppTabBar current='services' />);
    expect(document.getElementById('app-tab-bar')!.getAttribute('role')).toBe('navigation');
    expect([...document.querySelectorAll('.app-tab-bar__label')].map((l) => l.textContent)).toEqual(['首页', '服务', '我的']);
    expect(item('services').getAttribute('aria-current')).toBe('page');
    expect(item('services').className).toContain('app-tab-bar__item--on');
    expect(item('home').getAttribute('aria-current')).toBeNull();
    expect(item('home').className).not.toContain('app-tab-bar__item--on');
  });

  it('switches tabs (and does nothing on the current one)', () => {
    render(<AppTabBar current='home' />);
    act(() => fireEvent.click(item('me')));
    expect(taroMock.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index' });
    expect(useCurrentTab.getState().current).toBe('me');
    act(() => fireEvent.click(item('home')));
    expect(taroMock.switchTab).toHaveBeenCalledTimes(1);
  });

  it('takes the 长辈版 sizes with the rest of the app, and stays away until the first-launch notice is answered', () => {
    useSettings.setState({ elderMode: true });
    const { unmount } = render(<AppTabBar current='home' />);
    expect(document.getElementById('app-tab-bar')!.className).toContain('app-tab-bar--elder');
    unmount();
    useSettings.setState({ firstLaunchDone: false });
    render(<AppTabBar current='home' />);
    expect(document.getElementById('app-tab-bar')).toBeNull();
  });

  it('as WeChat’s custom tab bar, follows the tab page that says it is shown', () => {
    render(<CustomTabBar />);
    expect(item('home').getAttribute('aria-current')).toBe('page');
    act(() => useCurrentTab.getState().show('services'));
    expect(item('services').getAttribute('aria-current')).toBe('page');
    expect(item('home').getAttribute('aria-current')).toBeNull();
  });
});
