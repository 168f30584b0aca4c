import { cleanup, act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../tests-client/taroMock';
import { ApiFailure } from '@/lib/api/failure';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import ServicesPage from '@/pages/services/index';
import { fetchRatingSummaries, fetchServices } from '../api';
import { useDirectoryView } from '../filtersStore';
import { useOrigin } from '../origin';
import { NO_FILTERS } from '../useServiceList';
import { page, summary } from '../testFixtures';

jest.mock('../api');

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

const mockedFetch = jest.mocked(fetchServices);
const mockedRatings = jest.mocked(fetchRatingSummaries);
const XINSHI = { id: 'xinshi', name: '新市社区', lat: 41.811, lng: 126.925 };
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));
const lastQuery = () => mockedFetch.mock.calls.at(-1)![0];

beforeEach(() => {
  taroTestControl.reset();
  mockedFetch.mockReset();
  mockedRatings.mockReset();
  mockedRatings.mockResolvedValue([]);
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, community: { id: 'xinshi', name: '新市社区', phone: '0439-5210548' } });
  useOrigin.setState({ here: null, status: 'idle', useLocation: false, community: XINSHI });
  useDirectoryView.setState({ filters: NO_FILTERS, scrollTop: 0, browseAll: false });
});

describe('服务 tab', () => {
  it('lists points near the chosen community, says where distances are from, and opens a card’s detail', async () => {
    mockedFetch.mockResolvedValue(page([summary(), summary({ id: 'sp-yanjiang-elder-canteen', name: '沿江社区长者食堂', distanceMeters: 579, walkingMinutes: 8 })]));
    const { findByText, getByText } = render(<ServicesPage />);
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    expect(getByText('距离从：新市社区')).toBeTruthy();
    expect(lastQuery()).toMatchObject({ origin: { lat: 41.811, lng: 126.925 }, radius: undefined, openNow: false, category: '' });
    const cards = document.querySelectorAll('[id^="service-card-"]');
    expect([...cards].map((c) => c.id)).toEqual(['service-card-sp-xinshi-elder-canteen', 'service-card-sp-yanjiang-elder-canteen']);
    expect(getByText('已显示全部 2 个（步行 15 分钟内）')).toBeTruthy();
    click('service-card-sp-yanjiang-elder-canteen');
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/directory/pages/detail/index?id=sp-yanjiang-elder-canteen' });
  });

  it('adds each card’s 好评率 once the figures of the page arrive, in one request for the whole page', async () => {
    mockedFetch.mockResolvedValue(page([summary(), summary({ id: 'sp-yanjiang-elder-canteen', name: '沿江社区长者食堂' })]));
    mockedRatings.mockResolvedValue([
      { servicePointId: 'sp-xinshi-elder-canteen', n: 40, goodRate: 0.95, mean: 4.7 },
      { servicePointId: 'sp-yanjiang-elder-canteen', n: 2, goodRate: null, mean: null },
    ]);
    const { findByText } = render(<ServicesPage />);
    expect(await findByText('好评率 95% · 40 条评价')).toBeTruthy();
    expect(await findByText('2 条评价')).toBeTruthy();
    expect(mockedRatings).toHaveBeenCalledTimes(1);
    expect(mockedRatings).toHaveBeenCalledWith(['sp-xinshi-elder-canteen', 'sp-yanjiang-elder-canteen']);
  });

  it('shows the cards without figures when the ratings cannot be had', async () => {
    mockedFetch.mockResolvedValue(page([summary()]));
    mockedRatings.mockRejectedValue(new ApiFailure({ message: '网络不太好', status: 0, code: 'NETWORK', retryable: true }));
    const { findByText } = render(<ServicesPage />);
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    await waitFor(() => expect(mockedRatings).toHaveBeenCalled());
    expect(document.querySelector('.service-card__rating')).toBeNull();
  });

  it('filters by category, subcategory and 营业中, and explains an empty result with a next step', async () => {
    mockedFetch.mockResolvedValue(page([summary()]));
    const { findByText } = render(<ServicesPage />);
    await findByText('新市社区长者食堂');
    click('category-elderly');
    await waitFor(() => expect(lastQuery()).toMatchObject({ category: 'elderly' }));
    mockedFetch.mockResolvedValue(page([]));
    click('subcategory-elder-canteen');
    click('chip-open-now');
    await waitFor(() => expect(lastQuery()).toMatchObject({ category: 'elder-canteen', openNow: true }));
    expect(await findByText('步行 15 分钟内没有找到长者食堂/助餐点（营业中）')).toBeTruthy();

    mockedFetch.mockResolvedValue(page([summary({ distanceMeters: 2500, walkingMinutes: 34 })]));
    click('empty-widen');
    await waitFor(() => expect(lastQuery()).toMatchObject({ radius: 20000, category: 'elder-canteen', openNow: true }));
    expect(await findByText('2.5 公里 · 步行约 34 分钟')).toBeTruthy();
  });

  it('says it is looking again after a filter tap, while the previous cards are still on screen', async () => {
    mockedFetch.mockResolvedValueOnce(page([summary()]));
    let answer: (value: ReturnType<typeof page>) => void = () => undefined;
    mockedFetch.mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
    const { findByText, queryByText } = render(<ServicesPage />);
    await findByText('新市社区长者食堂');
    expect(queryByText('正在按新的条件查找…')).toBeNull();
    click('chip-open-now');
    expect(await findByText('正在按新的条件查找…')).toBeTruthy();
    expect(document.getElementById('service-results')!.getAttribute('aria-busy')).toBe('true');
    await act(async () => answer(page([summary({ id: 'sp-open', name: '营业中的点' })])));
    expect(await findByText('营业中的点')).toBeTruthy();
    expect(queryByText('正在按新的条件查找…')).toBeNull();
  });

  it('loads the next page by cursor without repeating points', async () => {
    mockedFetch.mockResolvedValueOnce(page([summary()], 'c1'));
    mockedFetch.mockResolvedValueOnce(page([summary(), summary({ id: 'sp-2', name: '第二个' })], null));
    const { findByText, getByText } = render(<ServicesPage />);
    await findByText('新市社区长者食堂');
    click('list-more');
    expect(await findByText('第二个')).toBeTruthy();
    expect(lastQuery()).toMatchObject({ cursor: 'c1' });
    expect(document.querySelectorAll('[id^="service-card-"]')).toHaveLength(2);
    expect(getByText('已显示全部 2 个（步行 15 分钟内）')).toBeTruthy();
  });

  it('shows the reason and 重试 when the list fails, and recovers', async () => {
    mockedFetch.mockRejectedValueOnce(new ApiFailure({ message: '网络不给力，请稍后重试', status: null, code: 'NETWORK', retryable: true }));
    const { findByText } = render(<ServicesPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    mockedFetch.mockResolvedValue(page([summary()]));
    click('error-retry');
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
  });

  it('without any origin asks for a 社区 (one tap to the picker) instead of listing the whole city; 按名称看全部 on request', async () => {
    useSettings.setState({ community: null });
    useOrigin.setState({ community: null });
    mockedFetch.mockResolvedValue(page([summary({ distanceMeters: null, walkingMinutes: null })]));
    const { findByText, getByText, queryByText } = render(<ServicesPage />);
    expect(await findByText('先选一个社区，再按远近给您排列')).toBeTruthy();
    expect(getByText('用您的位置计算距离和步行时间')).toBeTruthy();
    expect(queryByText('新市社区长者食堂')).toBeNull();
    expect(mockedFetch).not.toHaveBeenCalled(); // no city-wide list fetched behind the question
    click('list-choose-community');
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/account/pages/community/index' });

    click('list-browse-all');
    await findByText('新市社区长者食堂');
    expect(lastQuery()).toMatchObject({ origin: null });
    expect(document.querySelector('.service-card__distance')).toBeNull();
    expect(getByText('还不知道您在哪里，下面按名称排列，不显示距离。')).toBeTruthy();
  });

  it('after 不同意，仅浏览 asks again in words before sending the position, and sends nothing on 不用', async () => {
    // The position is asked for (and then sent with the list) only through the origin store's locate.
    const locate = jest.fn(async () => undefined);
    useSettings.setState({ community: null, consentVersion: null });
    useOrigin.setState({ community: null, locate });
    mockedFetch.mockResolvedValue(page([summary()]));
    const { findByText } = render(<ServicesPage />);
    await findByText('先选一个社区，再按远近给您排列');
    click('location-allow');
    expect(await findByText('要用您的位置吗？')).toBeTruthy();
    expect(locate).not.toHaveBeenCalled();
    click('location-consent-decline');
    expect(locate).not.toHaveBeenCalled();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/account/pages/community/index' });
    click('location-allow');
    click('location-consent-agree');
    expect(locate).toHaveBeenCalledTimes(1);
  });

  it('keeps the filters for the next time the tab is built (the app lives on), and shows the nearest beyond 15 minutes', async () => {
    mockedFetch.mockResolvedValue(page([summary()]));
    const first = render(<ServicesPage />);
    await first.findByText('新市社区长者食堂');
    click('category-health');
    await waitFor(() => expect(lastQuery()).toMatchObject({ category: 'health' }));
    expect(document.getElementById('category-grid')).toBeNull(); // the grid steps aside once a category is chosen
    first.unmount();

    const far = summary({ id: 'sp-far', name: '花山镇卫生院', distanceMeters: 1840, walkingMinutes: 25 });
    mockedFetch.mockResolvedValue(page([], null, [far]));
    const again = render(<ServicesPage />);
    await waitFor(() => expect(lastQuery()).toMatchObject({ category: 'health' }));
    expect(document.getElementById('chip-category')?.textContent).toContain('医疗卫生');
    expect(await again.findByText('15 分钟内没有医疗卫生，最近的在 1.8 公里 外')).toBeTruthy();
    expect(document.getElementById('service-card-sp-far')).not.toBeNull();
  });
});
