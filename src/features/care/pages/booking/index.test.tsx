import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { ApiFailure } from '@/lib/api/failure';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { cancelBooking, fetchBooking } from '../../api';
import { booking } from '../../testFixtures';
import BookingPage from './index';

jest.mock('../../api');
const mockedFetch = jest.mocked(fetchBooking);
const mockedCancel = jest.mocked(cancelBooking);

beforeEach(() => {
  taroTestControl.reset();
  taroTestControl.setRoute('/features/care/pages/booking/index', { id: '41', booked: '1' }, 2);
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  mockedFetch.mockReset();
  mockedCancel.mockReset();
});

describe('预约详情 / 预约结果', () => {
  it('right after booking says it worked and what happens next, with the timeline', async () => {
    mockedFetch.mockResolvedValue(booking());
    const { findByText } = render(<BookingPage />);
    expect(await findByText('✓ 预约成功')).toBeTruthy();
    const next = document.getElementById('booking-next-step')!.textContent!;
    expect(next).toMatch(/11:00–12:30 送到新市街 8 号 2 单元 301。服务点确认后会发消息告诉您；如需取消，请在.*16:00 前操作。/);
    expect(document.getElementById('booking-price')!.textContent).toContain('¥3.00（已补贴 ¥5.00）');
    expect(document.getElementById('booking-status')!.textContent).toBe('已预约');
    expect(document.getElementById('booking-timeline')!.textContent).toContain('已预约');
  });

  it('cancels only after asking, and shows the new state', async () => {
    taroTestControl.setRoute('/features/care/pages/booking/index', { id: '41' }, 2);
    mockedFetch.mockResolvedValue(booking());
    mockedCancel.mockResolvedValue(booking({ status: 'cancelled', statusName: '已取消', canCancel: false }));
    const { findByText } = render(<BookingPage />);
    await findByText('取消预约');

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    act(() => fireEvent.click(document.getElementById('booking-cancel')!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(mockedCancel).not.toHaveBeenCalled();

    act(() => fireEvent.click(document.getElementById('booking-cancel')!));
    await waitFor(() => expect(document.getElementById('booking-status')!.textContent).toBe('已取消'));
    expect(mockedCancel).toHaveBeenCalledWith(41);
    expect(document.getElementById('booking-cancel')).toBeNull();
  });

  it('a refused cancel (past the cut-off) is explained in the server’s words', async () => {
    taroTestControl.setRoute('/features/care/pages/booking/index', { id: '41' }, 2);
    mockedFetch.mockResolvedValue(booking());
    mockedCancel.mockRejectedValue(new ApiFailure({ message: '已过取消截止时间：助餐请在前一天 16:00 前取消。如有变化，请直接打电话给服务点', status: 409, code: 'CONFLICT', retryable: false }));
    const { findByText } = render(<BookingPage />);
    await findByText('取消预约');
    act(() => fireEvent.click(document.getElementById('booking-cancel')!));
    await waitFor(() =>
      expect(taroMock.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ content: expect.stringContaining('已过取消截止时间') })),
    );
    expect(document.getElementById('booking-status')!.textContent).toBe('已预约');
  });

  it('a completed booking can be rated: 评价这次服务 opens the rating page for this booking', async () => {
    taroTestControl.setRoute('/features/care/pages/booking/index', { id: '41' }, 2);
    mockedFetch.mockResolvedValue(booking({ status: 'completed', statusName: '已完成', canCancel: false }));
    const { findByText } = render(<BookingPage />);
    await findByText('评价这次服务');
    act(() => fireEvent.click(document.getElementById('booking-rate')!));
    await waitFor(() =>
      expect(taroMock.navigateTo).toHaveBeenCalledWith(
        expect.objectContaining({ url: expect.stringMatching(/^\/features\/ratings\/pages\/rate\/index\?booking=41&name=/) }),
      ),
    );
  });

  it('offers no rating before the service is done', async () => {
    taroTestControl.setRoute('/features/care/pages/booking/index', { id: '41' }, 2);
    mockedFetch.mockResolvedValue(booking());
    const { findByText } = render(<BookingPage />);
    await findByText('取消预约');
    expect(document.getElementById('booking-rate')).toBeNull();
  });
});
