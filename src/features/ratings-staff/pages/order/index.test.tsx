import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { WorkOrderDetail } from '@contract/ratings';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { useSession } from '@/lib/stores/session';
import { startSignedIn, testWorker } from '../../../../../tests-client/signedIn';
import { actOnWorkOrder, fetchWorkOrder } from '../../api';
import WorkOrderPage from './index';

jest.mock('../../api');
const mockedFetch = jest.mocked(fetchWorkOrder);
const mockedAct = jest.mocked(actOnWorkOrder);

function order(overrides: Partial<WorkOrderDetail> = {}): WorkOrderDetail {
  return {
    id: 12,
    ratingId: 40,
    servicePointId: 'sp-1',
    servicePointName: '新市修鞋配钥匙',
    communityName: '新市社区',
    level: 2,
    levelWord: '不满意',
    tags: ['态度差'],
    status: 'awaiting_callback',
    statusWord: '待回访',
    openedAt: '2026-11-20T02:00:00.000Z',
    callbackDue: '2026-11-23',
    feedbackDue: '2026-12-11',
    due: '2026-11-23',
    overdue: true,
    handledByMe: false,
    handlerName: null,
    appealPending: false,
    comment: '没人理',
    commentStatus: 'public',
    maskedName: '王**',
    rater: null,
    resolution: null,
    rectifyBy: null,
    events: [{ at: '2026-11-20T02:00:00.000Z', title: '收到差评，已派单', text: null }],
    followUp: null,
    appeal: null,
    allowedActions: ['take'],
    ...overrides,
  };
}

beforeEach(() => {
  mockedFetch.mockReset();
  mockedAct.mockReset();
  taroTestControl.reset();
  taroTestControl.setRoute('/features/ratings-staff/pages/order/index', { id: '12' }, 2);
  startSignedIn();
});

describe('差评工单', () => {
  it('says an overdue order in words, hides the rater until taken, then shows the contact and the next step', async () => {
    mockedFetch.mockResolvedValue(order());
    render(<WorkOrderPage />);
    await waitFor(() => expect(document.getElementById('order-take')).toBeTruthy());
    expect(document.getElementById('order-12-due')!.textContent).toMatch(/^已逾期：应在 .* 前回访$/);
    expect(document.getElementById('order-contact')!.textContent).toContain('王**');
    expect(document.getElementById('order-contact')!.textContent).not.toMatch(/\d{11}/);

    mockedAct.mockResolvedValue(
      order({ handledByMe: true, handlerName: '张敏', rater: { name: '王秀兰', phone: '13904391234' }, allowedActions: ['callback'] }),
    );
    act(() => fireEvent.click(document.getElementById('order-take')!));
    await waitFor(() => expect(document.getElementById('order-callback')).toBeTruthy());
    expect(mockedAct).toHaveBeenCalledWith(12, { action: 'take' });
    expect(document.getElementById('order-contact')!.textContent).toContain('王秀兰 · 13904391234');
    act(() => fireEvent.click(document.getElementById('order-call')!));
    expect(taroMock.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13904391234' });
  });

  it('asks before sending feedback to the resident: nothing is sent when the worker cancels', async () => {
    mockedFetch.mockResolvedValue(order({ status: 'handling', statusWord: '整改中', handledByMe: true, handlerName: '张敏', allowedActions: ['feedback'] }));
    render(<WorkOrderPage />);
    await waitFor(() => expect(document.getElementById('order-feedback')).toBeTruthy());
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    act(() => fireEvent.click(document.getElementById('order-feedback')!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalled());
    expect(mockedAct).not.toHaveBeenCalled();
  });

  it('is only for staff', async () => {
    useSession.setState({ user: { ...testWorker, role: 'resident', scope: { communityId: null, townCode: null, servicePointId: null } } });
    const { findByText } = render(<WorkOrderPage />);
    expect(await findByText('这个页面只给社区和服务点的工作人员使用')).toBeTruthy();
    expect(mockedFetch).not.toHaveBeenCalled();
  });
});
