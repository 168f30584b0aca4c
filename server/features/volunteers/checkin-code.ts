/**
 * The check-in code a worker shows and a volunteer types (browser) or scans (weapp). It is signed by the
 * server — a keyed hash of the activity and a time window — so it names one activity, expires, and needs no
 * storage: every server process with the same DATA_KEY computes the same code.
 */
import volunteersConfig from '../../../config/domain/volunteers.json';

const WINDOW_MS = volunteersConfig.checkIn.codeWindowMinutes * 60_000;
const SCAN_PREFIX = 'ljvol:';

type Signer = (value: string) => string;

function codeFor(sign: Signer, activityId: number, window: number): string {
  const digest = sign(`volunteer-check-in:${activityId}:${window}`);
  return String(parseInt(digest.slice(0, 12), 16) % 1_000_000).padStart(6, '0');
}

export interface IssuedCode {
  code: string;
  scanText: string;
  /** The code works until the end of the next window (so one shown just before a window ends still works). */
  expiresAt: string;
}

export function issueCheckInCode(sign: Signer, activityId: number, now: Date): IssuedCode {
  const window = Math.floor(now.getTime() / WINDOW_MS);
  const code = codeFor(sign, activityId, window);
  return { code, scanText: `${SCAN_PREFIX}${activityId}:${code}`, expiresAt: new Date((window + 2) * WINDOW_MS).toISOString() };
}

export type CodeCheck = 'ok' | 'otherActivity' | 'invalid';

/** Accepts the six digits or the scanned text; a code of another activity or an expired one is refused. */
export function verifyCheckInCode(sign: Signer, activityId: number, input: string, now: Date): CodeCheck {
  let digits = input.trim();
  if (digits.toLowerCase().startsWith(SCAN_PREFIX)) {
    const [scannedActivity, scannedCode] = digits.slice(SCAN_PREFIX.length).split(':');
    if (Number(scannedActivity) !== activityId) return 'otherActivity';
    digits = scannedCode ?? '';
  }
  if (!/^\d{6}$/.test(digits)) return 'invalid';
  const window = Math.floor(now.getTime() / WINDOW_MS);
  return digits === codeFor(sign, activityId, window) || digits === codeFor(sign, activityId, window - 1) ? 'ok' : 'invalid';
}
