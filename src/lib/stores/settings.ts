import Taro from '@tarojs/taro';
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import { taroJSONStorage } from './taroStorage';

/** WeChat's 字体大小 setting at or above this (px) means the user reads large text: start in 长辈版. */
export const LARGE_FONT_SETTING = 22;

/** A community the user picked while not signed in (its phone is used by 电话求助). */
export interface ChosenCommunity {
  id: string;
  name: string;
  phone: string;
}

export interface SettingsState {
  elderMode: boolean;
  /** The first-launch page (privacy notice + 长辈版 switch) has been answered, either way. */
  firstLaunchDone: boolean;
  /** Version of the privacy notice the user agreed to; null = not agreed (declined or never asked). */
  consentVersion: string | null;
  /** The agreement has reached the server (POST /api/consents); retried on later launches until it has. */
  consentRecorded: boolean;
  /** Random id of this installation, so consent given before sign-in can be recorded. Not personal data. */
  deviceId: string;
  community: ChosenCommunity | null;
  setElderMode: (on: boolean) => void;
  agreeToConsent: (version: string) => void;
  declineConsent: () => void;
  markConsentRecorded: () => void;
  chooseCommunity: (community: ChosenCommunity | null) => void;
}

/** `getAppBaseInfo` is missing or lacks fontSizeSetting on h5 and old base libraries: then we cannot tell, so no. */
export function prefersLargeText(): boolean {
  try {
    // Taro's typing of the result omits fontSizeSetting, which WeChat does return.
    const info = (typeof Taro.getAppBaseInfo === 'function' ? Taro.getAppBaseInfo() : undefined) as
      | { fontSizeSetting?: unknown }
      | undefined;
    const size = info?.fontSizeSetting;
    return typeof size === 'number' && size >= LARGE_FONT_SETTING;
  } catch {
    return false;
  }
}

function randomDeviceId(): string {
  const random = Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0'));
  return `d${Date.now().toString(16)}${random.join('')}`;
}

export const SETTINGS_STORAGE_KEY = 'lj-settings';

/** A fresh installation's settings (also what 清除本地数据 returns to). */
export function initialSettings(): Pick<
  SettingsState,
  'elderMode' | 'firstLaunchDone' | 'consentVersion' | 'consentRecorded' | 'deviceId' | 'community'
> {
  return {
    elderMode: prefersLargeText(),
    firstLaunchDone: false,
    consentVersion: null,
    consentRecorded: false,
    deviceId: randomDeviceId(),
    community: null,
  };
}

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      ...initialSettings(),
      setElderMode: (on) => set({ elderMode: on }),
      agreeToConsent: (version) =>
        set({ consentVersion: version, consentRecorded: false, firstLaunchDone: true }),
      declineConsent: () => set({ consentVersion: null, consentRecorded: false, firstLaunchDone: true }),
      markConsentRecorded: () => set({ consentRecorded: true }),
      chooseCommunity: (community) => set({ community }),
    }),
    {
      name: SETTINGS_STORAGE_KEY,
      storage: taroJSONStorage,
      partialize: ({ elderMode, firstLaunchDone, consentVersion, consentRecorded, deviceId, community }) => ({
        elderMode,
        firstLaunchDone,
        consentVersion,
        consentRecorded,
        deviceId,
        community,
      }),
    },
  ),
);
