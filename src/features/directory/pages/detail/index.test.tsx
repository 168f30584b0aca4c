import { cleanup, act, fireEvent, render, waitFor, within } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { CONSENT_VERSION } from '@contract/rules/consent';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { fetchServiceDetail } from '../../api';
import { useOrigin } from '../../origin';
import { detail } from '../../testFixtures';
import ServiceDetailPage from './index';

jest.mock('../../api');
// The shared Taro mock has no share hook or title setter; the page only registers / calls them.
jest.mock('@tarojs/taro', () => {
  const actual = jest.requireActual('@tarojs/taro');
  const setNavigationBarTitle = jest.fn(async () => ({ errMsg: 'ok' }));
  return { ...actual, __esModule: true, useShareAppMessage: jest.fn(), setNavigationBarTitle, default: { ...actual.default, setNavigationBarTitle } };
});
const mockedDetail = jest.mocked(fetchServiceDetail);

// Every test renders afresh: the previous test's tree must be gone (ids are looked up in the whole document).
afterEach(cleanup);

beforeEach(() => {
  taroTestControl.reset();
  taroTestControl.setRoute('/features/directory/pages/detail/index', { id: 'sp-xinshi-elder-canteen' }, 2);
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useOrigin.setState({ here: null, status: 'idle', useLocation: false, community: { id: 'xinshi', name: '新市社区', lat: 41.811, lng: 126.925 } });
  mockedDetail.mockReset();
});

describe('服务点详情', () => {
  it('asks with the origin and shows hours for the week with today marked, prices with subsidy, and facts', async () => {
    mockedDetail.mockResolvedValue(detail());
    const { findByText, getByText } = render(<ServiceDetailPage />);
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    expect(mockedDetail).toHaveBeenCalledWith('sp-xinshi-elder-canteen', { lat: 41.811, lng: 126.925 });

    const hours = within(document.getElementById('detail-hours')!);
    const today = document.getElementById('hours-thu')!;
    expect(today.className).toContain('hours-row--today');
    expect(today.getAttribute('aria-current')).toBe('date');
    expect(today.textContent).toBe('周四（今天）06:30–18:30');
    expect(document.getElementById('hours-sun')!.textContent).toBe('周日休息');
    expect(document.querySelectorAll('.hours-row--today')).toHaveLength(1);
    expect(hours.getByText('法定节假日')).toBeTruthy();
    expect(document.getElementById('hours-today-note')).toBeNull();

    expect(getByText('¥3.00/餐（已补贴 ¥2.00）')).toBeTruthy();
    expect(getByText('¥2.00/次')).toBeTruthy();
    expect(getByText('免费')).toBeTruthy();
    expect(document.getElementById('detail-distance')!.textContent).toContain('约 130 米 · 步行约 2 分钟');
    expect(document.getElementById('detail-distance')!.textContent).toContain('距离（从新市社区）');
    expect(getByText('信息核实日期：2026年11月15日')).toBeTruthy();
    expect(getByText('✓ 无障碍坡道')).toBeTruthy();
    expect(getByText('演示数据')).toBeTruthy();

    act(() => fireEvent.click(document.getElementById('detail-call')!));
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '0439-5384293' });
  });

  it('a care point offers 预约, opening the booking page for that point', async () => {
    mockedDetail.mockResolvedValue(detail());
    const { findByText } = render(<ServiceDetailPage />);
    expect(await findByText('预约助餐')).toBeTruthy();
    act(() => fireEvent.click(document.getElementById('detail-book')!));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/care/pages/book/index?group=meal&point=sp-xinshi-elder-canteen' });
  });

  it('on a holiday says which hours apply today', async () => {
    const point = detail();
    point.hours.today = { date: '2026-10-01', kind: 'holiday', label: '国庆节', intervals: [], text: '休息' };
    mockedDetail.mockResolvedValue(point);
    const { findByText } = render(<ServiceDetailPage />);
    expect(await findByText('今天是国庆节，按节假日时间营业：休息')).toBeTruthy();
  });

  it('says when the point no longer exists, with a way back', async () => {
    const { ApiFailure } = await import('@/lib/api/failure');
    mockedDetail.mockRejectedValue(new ApiFailure({ message: '没有找到这个服务点，它可能已经下线', status: 404, code: 'NOT_FOUND', retryable: false }));
    const { findByText } = render(<ServiceDetailPage />);
    expect(await findByText('没有找到这个服务点，它可能已经下线')).toBeTruthy();
    act(() => fireEvent.click(document.getElementById('detail-back')!));
    expect(taroMock.navigateBack).toHaveBeenCalled();
  });

  it('when the point cannot be loaded offers 重试 and still a way back', async () => {
    const { ApiFailure } = await import('@/lib/api/failure');
    mockedDetail.mockRejectedValue(new ApiFailure({ message: '网络不给力，请稍后重试', status: null, code: 'NETWORK', retryable: true }));
    const { findByText } = render(<ServiceDetailPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    expect(document.getElementById('error-retry')).not.toBeNull();
    act(() => fireEvent.click(document.getElementById('detail-back')!));
    expect(taroMock.navigateBack).toHaveBeenCalled();
  });
});

describe('服务点详情 for a user who allowed the location', () => {
  it('waits for the position and asks once, from there (not first from the remembered 社区)', async () => {
    const here = { lat: 41.8, lng: 126.93 };
    const locate = jest.fn(async (): Promise<void> => void useOrigin.setState({ status: 'locating' }));
    useSettings.setState({ consentVersion: CONSENT_VERSION });
    useOrigin.setState({ useLocation: true, locate });
    mockedDetail.mockResolvedValue(detail());
    const { findByText } = render(<ServiceDetailPage />);
    await waitFor(() => expect(locate).toHaveBeenCalledTimes(1));
    expect(mockedDetail).not.toHaveBeenCalled();

    act(() => useOrigin.setState({ here, status: 'idle' }));
    expect(await findByText('新市社区长者食堂')).toBeTruthy();
    expect(mockedDetail).toHaveBeenCalledTimes(1);
    expect(mockedDetail).toHaveBeenCalledWith('sp-xinshi-elder-canteen', here);
  });
});
