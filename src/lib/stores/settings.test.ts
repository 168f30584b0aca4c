import type * as SettingsModule from './settings';
import type * as TaroMockModule from '../../../tests-client/taroMock';

interface StartOptions {
  fontSizeSetting?: number;
  appBaseInfo?: 'missing' | 'throws';
  savedStorage?: Map<string, unknown>;
}

/**
 * The settings store hydrates from storage when its module loads, so each "app start" loads a fresh copy of
 * the store and of the Taro mock (isolated modules); `savedStorage` carries storage across starts.
 */
async function startApp(options: StartOptions) {
  let loaded!: { settings: typeof SettingsModule; taro: typeof TaroMockModule };
  await jest.isolateModulesAsync(async () => {
    const taro = (await import('@tarojs/taro')) as unknown as typeof TaroMockModule;
    for (const [key, value] of options.savedStorage ?? []) taro.taroTestControl.storage.set(key, value);
    if (options.appBaseInfo === 'throws') {
      taro.taroMock.getAppBaseInfo.mockImplementation(() => {
        throw new Error('getAppBaseInfo:fail not supported');
      });
    } else if (options.appBaseInfo !== 'missing') {
      taro.taroMock.getAppBaseInfo.mockImplementation(() => ({ fontSizeSetting: options.fontSizeSetting }));
    }
    loaded = { settings: await import('./settings'), taro };
  });
  return loaded;
}

async function settingsAfterStart(options: StartOptions) {
  return (await startApp(options)).settings.useSettings.getState();
}

describe('settings store', () => {
  it('starts in 长辈版 when WeChat reports a large font (≥ 22)', async () => {
    expect((await settingsAfterStart({ fontSizeSetting: 24 })).elderMode).toBe(true);
    expect((await settingsAfterStart({ fontSizeSetting: 22 })).elderMode).toBe(true);
  });

  it('starts in the normal version for a normal font, or when the font size cannot be read (h5)', async () => {
    expect((await settingsAfterStart({ fontSizeSetting: 17 })).elderMode).toBe(false);
    expect((await settingsAfterStart({ appBaseInfo: 'missing' })).elderMode).toBe(false);
    expect((await settingsAfterStart({ appBaseInfo: 'throws' })).elderMode).toBe(false);
  });

  it('shows the first-launch notice until it is answered, and a decline records no consent', async () => {
    const { settings } = await startApp({ fontSizeSetting: 17 });
    expect(settings.useSettings.getState().firstLaunchDone).toBe(false);
    settings.useSettings.getState().declineConsent();
    expect(settings.useSettings.getState()).toMatchObject({ firstLaunchDone: true, consentVersion: null });
  });

  it('keeps the user’s choices across app starts, over the font-size default', async () => {
    const first = await startApp({ fontSizeSetting: 24 });
    const state = first.settings.useSettings.getState();
    state.setElderMode(false);
    state.agreeToConsent('2026-11-28');
    state.chooseCommunity({ id: 'xinshi', name: '新市社区', phone: '0432-00000000' });

    const second = await settingsAfterStart({ fontSizeSetting: 24, savedStorage: first.taro.taroTestControl.storage });
    expect(second).toMatchObject({
      elderMode: false,
      firstLaunchDone: true,
      consentVersion: '2026-11-28',
      consentRecorded: false,
      deviceId: state.deviceId,
      community: { id: 'xinshi', name: '新市社区', phone: '0432-00000000' },
    });
  });

  it('gives each installation its own device id of the length the server accepts', async () => {
    const a = (await settingsAfterStart({})).deviceId;
    const b = (await settingsAfterStart({})).deviceId;
    expect(a).not.toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(8);
    expect(a.length).toBeLessThanOrEqual(64);
  });
});
