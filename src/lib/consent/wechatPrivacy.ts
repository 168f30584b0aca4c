import Taro from '@tarojs/taro';
import { create } from 'zustand';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

/** The id WeChat checks was tapped before an 'agree' resolution (button open-type="agreePrivacyAuthorization"). */
export const AGREE_PRIVACY_BUTTON_ID = 'agree-privacy-authorization';

interface WechatPrivacyState {
  pending: Resolve | null;
  agree: () => void;
  disagree: () => void;
}

/**
 * WeChat holds a privacy API call (e.g. getLocation) until the app shows its own prompt and answers.
 * PageRoot renders <WechatPrivacyPrompt> while `pending` is set.
 */
export const useWechatPrivacy = create<WechatPrivacyState>()((set, get) => ({
  pending: null,
  agree: () => {
    get().pending?.({ event: 'agree', buttonId: AGREE_PRIVACY_BUTTON_ID });
    set({ pending: null });
  },
  disagree: () => {
    get().pending?.({ event: 'disagree' });
    set({ pending: null });
  },
}));

/** Called once at launch. Only mini-programs have this event (Taro's h5 build only logs "not supported"). */
export function installWechatPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp' || typeof Taro.onNeedPrivacyAuthorization !== 'function') return;
  Taro.onNeedPrivacyAuthorization((resolve) => {
    resolve({ event: 'exposureAuthorization' });
    useWechatPrivacy.setState({ pending: resolve });
  });
}
