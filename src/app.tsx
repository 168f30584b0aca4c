import { useLaunch } from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { fetchMe } from './lib/api/endpoints';
import { syncConsent } from './lib/consent/recordConsent';
import { installWechatPrivacyHandler } from './lib/consent/wechatPrivacy';
import { useSession } from './lib/stores/session';
import './app.scss';

/** Refresh the stored user (name, community may have changed); a 401 just clears the stale session. */
async function refreshSession(): Promise<void> {
  if (!useSession.getState().token) return;
  try {
    useSession.getState().setUser(await fetchMe());
  } catch {
    // Offline: keep the stored user; the next request that needs the session will tell.
  }
}

export default function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    installWechatPrivacyHandler();
    void syncConsent();
    void refreshSession();
  });
  return children;
}
