/**
 * The 服务 tab for a returning user: the first list request waits until the origin is decided (one request, not one
 * from a provisional origin and another from the real one), and the last answer kept on the phone shows at once.
 */
import { cleanup, act, fireEvent, render, waitFor } from '@testing-library/react';
import type { ServicePointPage } from '@contract/directory';
import type { Town } from '@contract/places';
import { CONSENT_VERSION } from '@contract/rules/consent';
import { taroTestControl } from '../../../tests-client/taroMock';
import { fetchTowns } from '@/lib/api/endpoints';
import { ApiFailure } from '@/lib/api/failure';
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
const HOUR_MS = 3_600_000;

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
const cardIds = () => [...document.querySelectorAll('[id^="service-card-"]')].map((card) => card.id);

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

describe('服务 tab, returning user: the last answer kept on the phone', () => {
  async function firstVisit(answer: ServicePointPage) {
    mockedFetch.mockResolvedValueOnce(answer);
    const visit = render(<ServicesPage />);
    await visit.findByText(answer.items[0].name);
    visit.unmount();
    mockedFetch.mockClear();
    mockedRatings.mockClear();
  }

  const stillOpen = summary({ id: 'sp-open', name: '还开着的药店', closesAt: new Date(Date.now() + HOUR_MS).toISOString() });
  const closedSince = summary({ id: 'sp-closed', name: '已经关门的食堂', closesAt: new Date(Date.now() - HOUR_MS).toISOString() });

  it('shows at once, says it is updating, hides an open state that may have changed, then shows the fresh answer', async () => {
    await firstVisit(page([stillOpen, closedSince]));

    const fresh = later<ServicePointPage>();
    mockedFetch.mockReturnValue(fresh.promise);
    const { getByText, queryByText, findByText } = render(<ServicesPage />);
    // The first render already has the cards: no skeleton, no wait for the network.
    expect(cardIds()).toEqual(['service-card-sp-open', 'service-card-sp-closed']);
    expect(skeletonShown()).toBe(false);
    expect(document.getElementById('list-updating')!.textContent).toMatch(/^正在更新…先显示今天 \d\d:\d\d 查到的结果$/);
    // Open until an hour from now: still true. Closed an hour ago by the kept answer's own account: not said.
    expect(document.querySelector('#service-card-sp-open .service-card__state-word')!.textContent).toBe('● 营业中');
    expect(document.querySelector('#service-card-sp-closed .service-card__state-word')).toBeNull();
    expect(document.querySelector('#service-card-sp-closed')!.textContent).toContain('营业状态更新中…');
    expect(document.getElementById('list-end')).toBeNull();
    expect(mockedRatings).not.toHaveBeenCalled(); // the figures follow the fresh answer

    await act(async () => fresh.resolve(page([summary({ id: 'sp-new', name: '新开的便利店' })])));
    expect(await findByText('新开的便利店')).toBeTruthy();
    expect(queryByText('还开着的药店')).toBeNull();
    expect(document.getElementById('list-updating')).toBeNull();
    expect(getByText('已显示全部 1 个（步行 15 分钟内）')).toBeTruthy();
    expect(mockedFetch).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(mockedRatings).toHaveBeenCalledWith(['sp-new']));
  });

  it('keeps the kept cards when the fresh answer fails, says why and how old they are, and 重试 brings the fresh one', async () => {
    await firstVisit(page([stillOpen]));
    mockedFetch.mockRejectedValueOnce(new ApiFailure({ message: '网络不给力，请稍后重试', status: null, code: 'NETWORK', retryable: true }));
    const { findByText } = render(<ServicesPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    expect(await findByText(/^下面是今天 \d\d:\d\d 查到的结果，可能已有变化。$/)).toBeTruthy();
    expect(cardIds()).toEqual(['service-card-sp-open']);

    mockedFetch.mockResolvedValueOnce(page([summary({ id: 'sp-new', name: '新开的便利店' })]));
    act(() => fireEvent.click(document.getElementById('error-retry')!));
    expect(await findByText('新开的便利店')).toBeTruthy();
    expect(document.getElementById('list-kept-failed')).toBeNull();
  });

  it('is never kept for a list measured from the user’s own position, nor for a search', async () => {
    useOrigin.setState({ here: HERE, useLocation: true });
    await firstVisit(page([stillOpen]));
    act(() => useOrigin.setState({ here: null, useLocation: false }));
    useDirectoryView.setState({ filters: { ...NO_FILTERS, q: '药店' } });
    await firstVisit(page([stillOpen]));
    useDirectoryView.setState({ filters: NO_FILTERS });

    mockedFetch.mockReturnValue(later<ServicePointPage>().promise);
    render(<ServicesPage />);
    expect(skeletonShown()).toBe(true);
    expect(cardIds()).toEqual([]);
  });
});
