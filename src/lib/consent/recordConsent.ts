import { recordConsent } from '../api/endpoints';
import { useSettings } from '../stores/settings';

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
