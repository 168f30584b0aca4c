import { taroTestControl } from '../../../tests-client/taroMock';
import { distanceMetres } from '@contract/rules/walking';
import { gcj02ToWgs84 } from './geo';
import { originOf, useOrigin } from './origin';

// The shared Taro mock has no getLocation: each test says what the phone answers.
const mockGetLocation = jest.fn();
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  return { ...actual, __esModule: true, default: { ...actual.default, getLocation: (...args: unknown[]) => mockGetLocation(...args) } };
});

const XINSHI_CENTRE = { lat: 41.811, lng: 126.925 };
const XINSHI = { id: 'xinshi', name: '新市社区', ...XINSHI_CENTRE };

beforeEach(() => {
  taroTestControl.reset();
  mockGetLocation.mockReset();
  useOrigin.setState({ here: null, status: 'idle', useLocation: false, community: null });
});

describe('where distances are measured from', () => {
  it('asks the browser for WGS-84 and converts it to the map coordinates (GCJ-02) of our data', async () => {
    const gps = gcj02ToWgs84(XINSHI_CENTRE);
    expect(distanceMetres(gps, XINSHI_CENTRE)).toBeGreaterThan(300); // the shift is real in 临江
    mockGetLocation.mockResolvedValue({ latitude: gps.lat, longitude: gps.lng });
    await useOrigin.getState().locate();
    // With a time limit: a returning user's list waits for this answer (useDirectoryOrigin's settled).
    expect(mockGetLocation).toHaveBeenCalledWith({ type: 'wgs84', highAccuracyExpireTime: 10_000 });
    const origin = originOf(useOrigin.getState());
    expect(origin).toMatchObject({ kind: 'location', label: '您的位置' });
    expect(distanceMetres(origin!, XINSHI_CENTRE)).toBeLessThan(1);
  });

  it('remembers that the user allowed it, but never stores the position itself', async () => {
    mockGetLocation.mockResolvedValue({ latitude: 41.8, longitude: 126.9 });
    await useOrigin.getState().locate();
    const stored = String(taroTestControl.storage.get('lj-directory-origin'));
    expect(JSON.parse(stored).state).toEqual({ useLocation: true, community: null });
    expect(stored).not.toContain('41.8');
  });

  it("takes the position index.html asked for early: at once when it is already there, and only once", () => {
    const gps = gcj02ToWgs84(XINSHI_CENTRE);
    const coords = { latitude: gps.lat, longitude: gps.lng };
    (window as { __ljEarlyPosition?: unknown }).__ljEarlyPosition = { answer: Promise.resolve(coords), coords };
    const onPosition = jest.fn();
    void useOrigin.getState().locate(onPosition);
    // In the same task, not after a promise: earlyStart.ts asks for the list before the page's first render.
    expect(onPosition).toHaveBeenCalledTimes(1);
    expect(distanceMetres(onPosition.mock.calls[0][0], XINSHI_CENTRE)).toBeLessThan(1);
    expect(mockGetLocation).not.toHaveBeenCalled();
    expect((window as { __ljEarlyPosition?: unknown }).__ljEarlyPosition).toBeUndefined();
  });

  it('waits for an early ask still under way, and reports its refusal like its own', async () => {
    (window as { __ljEarlyPosition?: unknown }).__ljEarlyPosition = { answer: Promise.reject({ errMsg: 'User denied Geolocation' }) };
    await useOrigin.getState().locate();
    expect(useOrigin.getState().status).toBe('denied');
    expect(mockGetLocation).not.toHaveBeenCalled();
  });

  it('after a refusal says so and falls back to the chosen community', async () => {
    useOrigin.setState({ community: XINSHI });
    mockGetLocation.mockRejectedValue({ errMsg: 'getLocation:fail User denied Geolocation' });
    await useOrigin.getState().locate();
    expect(useOrigin.getState().status).toBe('denied');
    expect(originOf(useOrigin.getState())).toEqual({ ...XINSHI_CENTRE, kind: 'community', label: '新市社区', communityId: 'xinshi' });
  });

  it('tells "unavailable" apart from a refusal', async () => {
    mockGetLocation.mockRejectedValue({ errMsg: 'getLocation:fail Timeout expired' });
    await useOrigin.getState().locate();
    expect(useOrigin.getState().status).toBe('unavailable');
    expect(originOf(useOrigin.getState())).toBeNull();
  });

  it('prefers the position while it is allowed, and the community once the user picks one instead', () => {
    useOrigin.setState({ here: { lat: 41.8, lng: 126.9 }, useLocation: true, community: XINSHI });
    expect(originOf(useOrigin.getState())?.kind).toBe('location');
    useOrigin.getState().preferCommunity();
    expect(originOf(useOrigin.getState())?.label).toBe('新市社区');
  });
});
