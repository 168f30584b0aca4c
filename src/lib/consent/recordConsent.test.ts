import type { InternalAxiosRequestConfig } from 'axios';
import { fakeAdapter } from '../../../tests-client/fakeServer';
import { taroTestControl } from '../../../tests-client/taroMock';
import { api } from '../api/client';
import { initialSettings, useSettings } from '../stores/settings';
import { CONSENT_VERSION } from './notice';
import { syncConsent, withdrawConsent } from './recordConsent';

let sent: InternalAxiosRequestConfig[] = [];
const accepting = fakeAdapter((config) => {
  sent.push(config);
  return { status: 201, data: { version: 'v', recordedAt: '', signedIn: false } };
});
const offline = fakeAdapter((config) => {
  sent.push(config);
  throw new Error('offline');
});

beforeEach(() => {
  taroTestControl.reset();
  sent = [];
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
});

describe('recording the privacy agreement', () => {
  it('sends nothing when the user has not agreed', async () => {
    api.defaults.adapter = accepting;
    await syncConsent();
    expect(sent).toHaveLength(0);
  });

  it('sends the version and this installation’s id once, then never again', async () => {
    api.defaults.adapter = accepting;
    useSettings.getState().agreeToConsent('2026-11-28');
    await syncConsent();
    await syncConsent();
    expect(sent).toHaveLength(1);
    expect(sent[0].url).toBe('/api/consents');
    expect(JSON.parse(sent[0].data as string)).toEqual({ version: '2026-11-28', deviceId: useSettings.getState().deviceId });
    expect(useSettings.getState().consentRecorded).toBe(true);
  });

  it('keeps an agreement made offline and sends it on a later launch', async () => {
    api.defaults.adapter = offline;
    useSettings.getState().agreeToConsent('2026-11-28');
    await syncConsent();
    expect(useSettings.getState()).toMatchObject({ consentVersion: '2026-11-28', consentRecorded: false });

    api.defaults.adapter = accepting;
    await syncConsent();
    expect(useSettings.getState().consentRecorded).toBe(true);
  });
});

describe('a new notice and a withdrawal', () => {
  it('asks again when the stored agreement is to an older notice, and sends nothing for it', async () => {
    api.defaults.adapter = accepting;
    useSettings.setState({ consentVersion: '2020-01-01', consentRecorded: false, firstLaunchDone: true });
    await syncConsent();
    expect(sent).toHaveLength(0);
    expect(useSettings.getState()).toMatchObject({ consentVersion: null, firstLaunchDone: false });
  });

  it('records a withdrawal on the server and stops using the consent on the phone at once', async () => {
    api.defaults.adapter = accepting;
    useSettings.setState({ consentVersion: CONSENT_VERSION, consentRecorded: true });
    await withdrawConsent();
    expect(useSettings.getState().consentVersion).toBeNull();
    expect(sent).toHaveLength(1);
    expect(JSON.parse(sent[0].data as string)).toMatchObject({ version: CONSENT_VERSION, withdraw: true });
  });

  it('withdraws on the phone even when the server cannot be reached', async () => {
    api.defaults.adapter = offline;
    useSettings.setState({ consentVersion: CONSENT_VERSION, consentRecorded: true });
    await withdrawConsent();
    expect(useSettings.getState().consentVersion).toBeNull();
  });
});
