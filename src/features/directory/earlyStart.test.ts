import { fakeServer } from '../../../tests-client/fakeServer';
import { taroTestControl } from '../../../tests-client/taroMock';
import { api } from '@/lib/api/client';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { fetchServices } from './api';
import { startEarly } from './earlyStart';
import { useOrigin } from './origin';
import { listParams, NO_FILTERS } from './useServiceList';

const mockGetLocation = jest.fn();
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { ...actual, __esModule: true, default: { ...actual.default, getLocation: (...args: unknown[]) => mockGetLocation(...args) } };
});

const PAGE = { items: [], nextCursor: null, beyond: [] };
let seen: string[] = [];

beforeEach(() => {
  taroTestControl.reset();
  mockGetLocation.mockReset().mockResolvedValue({ latitude: 41.808, longitude: 126.914 });
  seen = [];
  api.defaults.adapter = fakeServer({ 'GET /api/services': () => PAGE }, seen);
  useOrigin.setState({ here: null, status: 'idle', useLocation: true, community: null });
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: '2026-11-28' });
});

async function settle(): Promise<void> {
  for (let i = 0; i < 5; i += 1) await Promise.resolve();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('the returning location user’s early start', () => {
  it('asks for the position and the first page before the page does, and the page’s own request takes that answer', async () => {
    startEarly();
    await settle();
    expect(mockGetLocation).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(['GET /api/services']);
    const here = useOrigin.getState().here!;
    await expect(fetchServices(listParams(NO_FILTERS, { lat: here.lat, lng: here.lng }, null))).resolves.toEqual(PAGE);
    expect(seen).toEqual(['GET /api/services']); // one request in all
    await fetchServices(listParams(NO_FILTERS, { lat: here.lat, lng: here.lng }, null));
    expect(seen).toHaveLength(2); // taken once: a pull-to-refresh asks again
  });

  it('does nothing for a user who did not allow the location, or who chose 不同意，仅浏览', async () => {
    useOrigin.setState({ useLocation: false });
    startEarly();
    useOrigin.setState({ useLocation: true });
    useSettings.setState({ consentVersion: null });
    startEarly();
    await settle();
    expect(mockGetLocation).not.toHaveBeenCalled();
    expect(seen).toEqual([]);
  });
});
