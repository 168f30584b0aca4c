import { AxiosError, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';
import { taroTestControl } from '../../../tests-client/taroMock';
import { api } from '../api/client';
import { initialSettings, useSettings } from '../stores/settings';
import { syncConsent } from './recordConsent';

let sent: InternalAxiosRequestConfig[] = [];
const accepting: AxiosAdapter = async (config) => {
  sent.push(config);
  return { data: { version: 'v', recordedAt: '', signedIn: false }, status: 201, statusText: 'Created', headers: {}, config };
};
const offline: AxiosAdapter = async (config) => {
  sent.push(config);
  throw new AxiosError('Network Error', AxiosError.ERR_NETWORK, config);
};

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
