import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import SettingsPage from './index';

beforeEach(() => {
  taroTestControl.reset();
  useSession.getState().clear();
  useSettings.setState({ ...initialSettings(), elderMode: false, firstLaunchDone: true, consentVersion: '2026-11-28' });
});

describe('设置', () => {
  it('the 长辈版 switch turns the big theme on and off for the whole page', async () => {
    render(<SettingsPage />);
    // NutUI's Switch settles its own state after the click: let it, inside act.
    const tapSwitch = () => act(async () => void fireEvent.click(document.getElementById('elder-mode-switch')!));
    const root = () => document.getElementById('page-root')!;
    expect(root().className).not.toContain('elder');
    await tapSwitch();
    expect(useSettings.getState().elderMode).toBe(true);
    expect(root().className).toContain('elder');
    // The tap target is the whole row, announced as a named switch (not an unnamed ~40 px knob).
    const row = document.getElementById('elder-mode-switch')!;
    expect(row.getAttribute('role')).toBe('switch');
    expect(row.getAttribute('aria-checked')).toBe('true');
    expect(row.getAttribute('aria-label')).toBe('长辈版');
    await tapSwitch();
    expect(root().className).not.toContain('elder');
  });

  it('清除本地数据 forgets everything on this phone and starts again from the first-launch notice', async () => {
    taroTestControl.storage.set('lj-settings', 'saved');
    useSettings.setState({ community: { id: 'xinshi', name: '新市社区', phone: '1' } });
    render(<SettingsPage />);
    fireEvent.click(document.getElementById('settings-clear-data')!);
    await waitFor(() => expect(taroMock.reLaunch).toHaveBeenCalledWith({ url: '/pages/home/index' }));
    expect(useSettings.getState()).toMatchObject({ firstLaunchDone: false, consentVersion: null, community: null });
    expect(taroTestControl.storage.size).toBe(0);
  });
});
