import { act, fireEvent, render } from '@testing-library/react';
import type { ComponentType } from 'react';
import { taroMock, taroTestControl } from '../../../../tests-client/taroMock';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import CommunityPickerPage from './community/index';
import LoginPage from './login/index';
import PrivacyPage from './privacy/index';
import SettingsPage from './settings/index';

// The pages' own data never arrives: the way back must be there while they load, too.
jest.mock('@/lib/api/endpoints', () => ({
  fetchTowns: () => new Promise(() => undefined),
  fetchDemoAccounts: () => new Promise(() => undefined),
}));

const PAGES: Array<[string, ComponentType, string]> = [
  ['设置', SettingsPage, 'settings-back'],
  ['隐私说明', PrivacyPage, 'privacy-back'],
  ['选择社区', CommunityPickerPage, 'community-back'],
  ['登录', LoginPage, 'login-back'],
];

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: '2026-11-28' });
});

describe('pages off the tab bar have a way back (the browser build draws no navigation bar)', () => {
  it.each(PAGES)('%s: 返回 goes back, or home when opened directly', (_name, Page, backId) => {
    taroTestControl.setRoute('/features/account/pages/x/index', {}, 2);
    const { unmount } = render(<Page />);
    act(() => fireEvent.click(document.getElementById(backId)!));
    expect(taroMock.navigateBack).toHaveBeenCalled();
    unmount();

    taroTestControl.setRoute('/features/account/pages/x/index', {}, 1);
    render(<Page />);
    act(() => fireEvent.click(document.getElementById(backId)!));
    expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' });
  });
});
