import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { Schedule } from '@contract/care';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { fetchSchedule, setBookingStatus } from '../../api';
import ProviderPage from './index';

jest.mock('../../api');
const mockedSchedule = jest.mocked(fetchSchedule);
const mockedStatus = jest.mocked(setBookingStatus);

const point = { id: 'sp-xinshi-elder-canteen', name: '新市社区长者食堂', address: '新市街 258 号', phone: '0439-5384293', communityId: 'xinshi', communityName: '新市社区', isDemo: true };

function schedule(date: string, status: 'booked' | 'completed' = 'booked'): Schedule {
  return {
    date,
    servicePoint: point,
    slots: [
      {
        slot: { id: `lunch:${date}`, serviceId: 'cs-xinshi-lunch', date, start: '11:00', end: '12:30', capacity: 40, placesLeft: 38, menu: '红烧肉、米饭', cutoffAt: '2026-11-29T08:00:00.000Z', bookable: true, closedReason: null },
        service: { id: 'cs-xinshi-lunch', kind: 'meal', name: '午餐' },
        bookedCount: 2,
        deliveryCount: 1,
        bookings: [
          { id: 5, status, statusName: status === 'booked' ? '已预约' : '已完成', elderName: '张桂芝', elderPhone: '139****0021', mealMode: 'delivery', address: '幸福小区 3 号楼', note: '少盐', nextStatuses: status === 'booked' ? ['confirmed', 'completed'] : [] },
          { id: 6, status: 'booked', statusName: '已预约', elderName: '李淑珍', elderPhone: null, mealMode: 'dine-in', address: null, note: null, nextStatuses: ['confirmed', 'completed'] },
        ],
      },
    ],
  };
}

const provider = {
  id: 5,
  displayName: '陈丽',
  maskedPhone: null,
  role: 'provider' as const,
  isVolunteer: false,
  communityId: null,
  communityName: null,
  scope: { communityId: null, townCode: null, servicePointId: 'sp-xinshi-elder-canteen' },
  consentVersion: '2026-11-28',
};

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: provider });
  mockedSchedule.mockReset();
  mockedStatus.mockReset();
  mockedSchedule.mockImplementation(async (date) => schedule(date));
});

describe('服务点预约', () => {
  it('shows the day by slot with the 送餐 count and addresses, and another day on a tap', async () => {
    const { findByText } = render(<ProviderPage />);
    expect(await findByText('已约 2/40 · 送餐 1 份')).toBeTruthy();
    expect(document.body.textContent).toContain('送餐地址：张桂芝 幸福小区 3 号楼');
    const days = document.querySelectorAll('[id^="staff-day-"]');
    expect(days).toHaveLength(7);
    const tomorrow = days[1].id.replace('staff-day-', '');
    act(() => fireEvent.click(days[1]));
    await waitFor(() => expect(mockedSchedule).toHaveBeenLastCalledWith(tomorrow));
  });

  it('confirms at once, and completes only after asking', async () => {
    mockedStatus.mockResolvedValue({} as never);
    const { findByText } = render(<ProviderPage />);
    await findByText('已约 2/40 · 送餐 1 份');
    act(() => fireEvent.click(document.getElementById('staff-confirmed-5')!));
    await waitFor(() => expect(mockedStatus).toHaveBeenCalledWith(5, { status: 'confirmed' }));
    expect(taroMock.showModal).not.toHaveBeenCalled();

    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    act(() => fireEvent.click(document.getElementById('staff-completed-5')!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(mockedStatus).toHaveBeenCalledTimes(1);
    act(() => fireEvent.click(document.getElementById('staff-completed-5')!));
    await waitFor(() => expect(mockedStatus).toHaveBeenLastCalledWith(5, { status: 'completed' }));
  });

  it('is only for providers', () => {
    useSession.getState().setUser({ ...provider, role: 'resident', scope: { communityId: null, townCode: null, servicePointId: null } });
    const { getByText } = render(<ProviderPage />);
    expect(getByText('这个页面只给服务点工作人员使用')).toBeTruthy();
    expect(mockedSchedule).not.toHaveBeenCalled();
  });
});
