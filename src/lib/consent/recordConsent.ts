import { api } from '../api/client';
import { recordConsent } from '../api/endpoints';
import { useSettings } from '../stores/settings';
import { CONSENT_VERSION } from './notice';

/**
 * Sends the user's agreement to the server if it has not arrived yet. Safe to call on every launch:
 * it does nothing without an agreement, and a failure just leaves it for next time.
 */
export async function syncConsent(): Promise<void> {
  askAgainIfNoticeChanged();
  const { consentVersion, consentRecorded, deviceId, markConsentRecorded } = useSettings.getState();
  if (!consentVersion || consentRecorded) return;
  try {
    await recordConsent(consentVersion, deviceId);
    markConsentRecorded();
  } catch {
    // Offline or server down: the agreement is kept locally and sent on a later launch.
  }
}

/** The user agrees to the current privacy notice: kept on the phone at once, sent to the server when it can be. */
export function agreeToCurrentConsent(): void {
  useSettings.getState().agreeToConsent(CONSENT_VERSION);
  void syncConsent();
}

/**
 * An agreement to an older notice is no agreement to this one (the server refuses it too): forget it and show
 * the first-launch notice again, so the user reads what changed and decides.
 */
export function askAgainIfNoticeChanged(): void {
  const { consentVersion } = useSettings.getState();
  if (consentVersion !== null && consentVersion !== CONSENT_VERSION) {
    useSettings.setState({ consentVersion: null, consentRecorded: false, firstLaunchDone: false });
  }
}

/**
 * The user withdraws consent: at once on this phone (no location, no sign-in features), and on the server,
 * which records the withdrawal and clears it from the account. Offline, the phone's side still holds.
 */
export async function withdrawConsent(): Promise<void> {
  const { deviceId } = useSettings.getState();
  useSettings.getState().declineConsent();
  try {
    await api.post('/api/consents', { version: CONSENT_VERSION, deviceId, withdraw: true }, { loginOnUnauthorized: false });
  } catch {
    // Nothing more to do: the phone no longer uses anything the consent covered.
  }
}
