import { recordConsent } from '../api/endpoints';
import { useSettings } from '../stores/settings';
import { CONSENT_VERSION } from './notice';

/**
 * Sends the user's agreement to the server if it has not arrived yet. Safe to call on every launch:
 * it does nothing without an agreement, and a failure just leaves it for next time.
 */
export async function syncConsent(): Promise<void> {
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
