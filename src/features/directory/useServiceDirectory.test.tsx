/**
 * The 服务 tab for a returning user: the first list request waits until the origin is decided (one request, not one
 * from a provisional origin and another from the real one).
 */
import { cleanup, act, render, waitFor } from '@testing-library/react';
import type { Town } from '@contract/places';
import { CONSENT_VERSION } from '@contract/rules/consent';
import { taroTestControl } from '../../../tests-client/taroMock';
import { fetchTowns } from '@/lib/api/endpoints';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import ServicesPage from '@/pages/services/index';
import { fetchRatingSummaries, fetchServices } from './api';
import { useDirectoryView } from './filtersStore';
import { useOrigin } from './origin';
import { NO_FILTERS } from './useServiceList';
import { page, summary } from './testFixtures';

jest.mock('./api');
jest.mock('@/lib/api/endpoints');

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

const mockedFetch = jest.mocked(fetchServices);
const mockedRatings = jest.mocked(fetchRatingSummaries);
const mockedTowns = jest.mocked(fetchTowns);
const HERE = { lat: 41.8, lng: 126.91 };
const XINSHI = { id: 'xinshi', name: '新市社区', lat: 41.811, lng: 126.925 };
const YANJIANG = { id: 'yanjiang', name: '沿江社区', lat: 41.806, lng: 126.918 };
const XINSHI_CHOSEN = { id: 'xinshi', name: '新市社区', phone: '0439-5210548' };

/** A promise the test settles when it wants (the network or the phone's GPS answering later). */
function later<T>() {
  let settle: { resolve: (value: T) => void; reject: (error: unknown) => void } = { resolve: () => undefined, reject: () => undefined };
  const promise = new Promise<T>((resolve, reject) => (settle = { resolve, reject }));
  return { promise, ...settle };
}

/** The phone's location as origin.ts's locate drives the store: 'locating', then a position or a refusal. */
function phoneLocation() {
  const locate = jest.fn(async (): Promise<void> => void useOrigin.setState({ status: 'locating' }));
  useOrigin.setState({ locate });
  return {
    locate,
    found: () => act(() => useOrigin.setState({ here: HERE, status: 'idle', useLocation: true })),
    failed: () => act(() => useOrigin.setState({ here: null, status: 'unavailable', useLocation: false })),
  };
}

const skeletonShown = () => document.querySelector('.loading-state') !== null;

beforeEach(() => {
  taroTestControl.reset();
  mockedFetch.mockReset();
  mockedRatings.mockReset();
  mockedRatings.mockResolvedValue([]);
  mockedTowns.mockReset();
  // A returning user: the notice agreed, a 社区 picked (its centre remembered), filters as a new visit starts.
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: CONSENT_VERSION, community: XINSHI_CHOSEN });
  useOrigin.setState({ here: null, status: 'idle', useLocation: false, community: XINSHI });
  useDirectoryView.setState({ filters: NO_FILTERS, scrollTop: 0, browseAll: false });
});

describe('服务 tab, returning user: one list request', () => {
  it('who allowed the location: waits for the position (skeleton, never the question for a 社区), then asks once, from there', async () => {
    useOrigin.setState({ useLocation: true });
    const location = phoneLocation();
    mockedFetch.mockResolvedValue(page([summary()]));
    const { findByText, getByText } = render(<ServicesPage />);
    await waitFor(() => expect(location.locate).toHaveBeenCalledTimes(1));
    expect(getByText('正在获取您的位置…')).toBeTruthy();
    expect(skeletonShown()).toBe(true);
    expect(document.getElementById('ask-community')).toBeNull();
    expect(document.getElementById('list-order-note')).toBeNull();
    expect(mockedFetch).not.toHaveBeenCalled();

    location.found();
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    expect(getByText('距离从：您的位置')).toBeTruthy();
    expect(mockedFetch).toHaveBeenCalledTimes(1);
    expect(mockedFetch.mock.calls[0][0]).toMatchObject({ origin: HERE, cursor: null });
  });

  it('whose position cannot be had this time: asks once, from the remembered 社区', async () => {
    useOrigin.setState({ useLocation: true, status: 'locating' });
    const location = phoneLocation();
    mockedFetch.mockResolvedValue(page([summary()]));
    const { findByText } = render(<ServicesPage />);
    expect(skeletonShown()).toBe(true);
    expect(mockedFetch).not.toHaveBeenCalled(); // not from the 社区 while the position may still come
    location.failed();
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    expect(mockedFetch).toHaveBeenCalledTimes(1);
    expect(mockedFetch.mock.calls[0][0]).toMatchObject({ origin: { lat: XINSHI.lat, lng: XINSHI.lng } });
  });

  it('whose 社区 has no known centre yet: waits for the town list, then asks once, from its centre', async () => {
    useSettings.setState({ community: { id: 'yanjiang', name: '沿江社区', phone: '0439-5210549' } });
    useOrigin.setState({ community: null });
    const towns = later<Town[]>();
    mockedTowns.mockReturnValue(towns.promise);
    mockedFetch.mockResolvedValue(page([summary()]));
    const { findByText } = render(<ServicesPage />);
    expect(skeletonShown()).toBe(true);
    expect(document.getElementById('ask-community')).toBeNull();
    expect(mockedFetch).not.toHaveBeenCalled();

    const community = { ...YANJIANG, townCode: '220681002', isDemo: false, phone: '0439-5210549' };
    await act(async () => towns.resolve([{ code: '220681002', name: '新市街道', kind: '街道', lat: 41.81, lng: 126.92, communities: [community] }]));
    expect(await findByText('距离从：沿江社区')).toBeTruthy();
    await findByText('新市社区长者食堂');
    expect(mockedFetch).toHaveBeenCalledTimes(1);
    expect(mockedFetch.mock.calls[0][0]).toMatchObject({ origin: { lat: YANJIANG.lat, lng: YANJIANG.lng } });
  });

  it('whose 社区 cannot be placed: stops waiting and asks for a 社区, fetching nothing', async () => {
    useSettings.setState({ community: { id: 'gone', name: '已撤并的社区', phone: '0439-0000000' } });
    useOrigin.setState({ community: null });
    mockedTowns.mockResolvedValue([]);
    const { findByText } = render(<ServicesPage />);
    expect(await findByText('先选一个社区，再按远近给您排列')).toBeTruthy();
    expect(mockedFetch).not.toHaveBeenCalled();
  });
});
