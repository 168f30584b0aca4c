import type { User } from '@contract/auth';
import { CONSENT_VERSION } from '@contract/rules/consent';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';

/** The demo 社区 worker of 新市社区, as /api/me describes her (masked phone, community scope). */
export const testWorker: User = {
  id: 3,
  displayName: '张敏',
  maskedPhone: '138****2468',
  role: 'worker',
  isVolunteer: false,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: 'xinshi', townCode: null, servicePointId: null },
  consentVersion: CONSENT_VERSION,
};

/** A resident of 新市社区 (a daughter who books for her mother in the care tests). */
export const testResident: User = {
  id: 1,
  displayName: '王秀兰',
  maskedPhone: '139****5678',
  role: 'resident',
  isVolunteer: false,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: null, townCode: null, servicePointId: null },
  consentVersion: CONSENT_VERSION,
};

/** Starts a component test past the first launch (consent given, 长辈版 off), signed in as `user`. */
export function startSignedIn(user: User = testWorker): void {
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useSession.getState().signIn({ token: 'tok', expiresAt: '2099-01-01T00:00:00Z', user });
}
