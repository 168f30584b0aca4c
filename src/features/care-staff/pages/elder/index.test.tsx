import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { ElderDetail, ElderPage } from '@contract/care';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { typeInto } from '../../../../../tests-client/typeInto';
import { startSignedIn } from '../../../../../tests-client/signedIn';
import { ApiFailure } from '@/lib/api/failure';
import { approveBinding, fetchElder, fetchElders, saveElderClasses } from '../../api';
import EldersPage from '../elders/index';
import StaffElderPage from './index';

jest.mock('../../api');
const mockedElders = jest.mocked(fetchElders);
const mockedElder = jest.mocked(fetchElder);
const mockedApprove = jest.mocked(approveBinding);
const mockedSave = jest.mocked(saveElderClasses);

const elder: ElderDetail = {
  id: 7,
  name: '张桂芝',
  maskedIdNumber: '2206**********1221',
  birthDate: '1944-03-08',
  age: 82,
  communityId: 'xinshi',
  communityName: '新市社区',
  classes: ['advanced-age'],
  dibao: false,
  bathAssessedOn: null,
  access: 'worker',
  relation: null,
  canBook: false,
  pendingBindings: 1,
  phone: '13912345678',
  address: '幸福小区 3 号楼 2 单元 101',
  grid: '第三网格',
  livingSituation: 'alone',
  emergencyContacts: [],
  healthNotes: '高血压',
  diet: '少盐',
  relatives: [
    { bindingId: 11, userId: 1, name: '王**', relation: '子女', status: 'active', requestedAt: '2026-11-20T02:00:00Z', confirmedAt: '2026-11-20T03:00:00Z', confirmedBy: 'code' },
    { bindingId: 12, userId: 5, name: '李**', relation: '亲属', status: 'pending', requestedAt: '2026-11-29T02:00:00Z', confirmedAt: null, confirmedBy: null },
  ],
  createdAt: '2026-11-01T00:00:00Z',
};

const refused = (message: string, fields?: Record<string, string>) => new ApiFailure({ message, status: 403, code: 'FORBIDDEN', retryable: false, fields });

beforeEach(() => {
  taroTestControl.reset();
  startSignedIn();
  mockedElders.mockReset();
  mockedElder.mockReset();
  mockedApprove.mockReset();
  mockedSave.mockReset();
  mockedElder.mockResolvedValue(elder);
  taroTestControl.setRoute('/features/care-staff/pages/elder/index', { id: '7' }, 2);
});

describe('老人档案 for workers', () => {
  it('lists the elders with binding requests waiting and opens one', async () => {
    const page: ElderPage = { items: [elder], nextCursor: null };
    mockedElders.mockResolvedValue(page);
    render(<EldersPage />);
    await waitFor(() => expect(document.getElementById('staff-elder-7')!.textContent).toContain('1 位家属待批准'));
    expect(mockedElders).toHaveBeenCalledWith({ pending: true, cursor: null });
    expect(document.getElementById('staff-elder-7')!.textContent).toContain('高龄（80 岁以上）');
    act(() => fireEvent.click(document.getElementById('staff-elder-open-7')!));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/care-staff/pages/elder/index?id=7' });

    mockedElders.mockResolvedValue({ items: [], nextCursor: null });
    act(() => fireEvent.click(document.getElementById('staff-elders-all')!));
    await waitFor(() => expect(mockedElders).toHaveBeenLastCalledWith({ pending: false, cursor: null }));
  });

  it('shows the profile with the ID masked and approves a relative only after the question naming them', async () => {
    const { findByText } = render(<StaffElderPage />);
    expect(await findByText('2206**********1221')).toBeTruthy();
    expect(document.getElementById('staff-profile-phone')!.textContent).toContain('13912345678');
    expect(document.getElementById('staff-approve-11')).toBeNull(); // an active binding has nothing to approve

    // 再看看: nothing is sent.
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    act(() => fireEvent.click(document.getElementById('staff-approve-12')!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('批准李**（亲属）绑定张桂芝') }));
    expect(mockedApprove).not.toHaveBeenCalled();

    mockedApprove.mockResolvedValueOnce(elder);
    mockedElder.mockResolvedValue({ ...elder, pendingBindings: 0, relatives: elder.relatives.map((r) => ({ ...r, status: 'active' as const, confirmedBy: r.confirmedBy ?? 'worker' })) });
    act(() => fireEvent.click(document.getElementById('staff-approve-12')!));
    await waitFor(() => expect(mockedApprove).toHaveBeenCalledWith(7, 12));
    await waitFor(() => expect(document.getElementById('staff-relative-12')!.textContent).toContain('已绑定（社区审核）'));
    expect(document.getElementById('staff-approve-12')).toBeNull();
  });

  it('shows the server’s refusal of an approval in words', async () => {
    render(<StaffElderPage />);
    await waitFor(() => expect(document.getElementById('staff-approve-12')).toBeTruthy());
    mockedApprove.mockRejectedValueOnce(refused('您只能审核本社区老人的家属绑定'));
    act(() => fireEvent.click(document.getElementById('staff-approve-12')!));
    await waitFor(() => expect(document.getElementById('staff-relatives-failure')!.textContent).toBe('您只能审核本社区老人的家属绑定'));
  });

  it('saves the classes, 低保 and the bath assessment together; a refusal keeps the choices and names the field', async () => {
    render(<StaffElderPage />);
    await waitFor(() => expect(document.getElementById('staff-classes')).toBeTruthy());
    expect(document.getElementById('staff-class-advanced-age')!.getAttribute('aria-checked')).toBe('true');
    act(() => fireEvent.click(document.getElementById('staff-class-living-alone')!));
    act(() => fireEvent.click(document.getElementById('staff-class-extreme-poverty')!));
    act(() => fireEvent.click(document.getElementById('staff-dibao')!));
    typeInto('staff-assessed-on', '2026-12-31');

    mockedSave.mockRejectedValueOnce(refused('请检查填写的内容', { bathAssessedOn: '不能晚于今天' }));
    act(() => fireEvent.click(document.getElementById('staff-classes-save')!));
    await waitFor(() => expect(document.getElementById('staff-classes-failure')!.textContent).toBe('请检查填写的内容'));
    expect(document.getElementById('staff-classes')!.textContent).toContain('不能晚于今天');
    expect(document.getElementById('staff-class-living-alone')!.getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('staff-assessed-on')!.getAttribute('value')).toBe('2026-12-31');

    typeInto('staff-assessed-on', '2026-11-20');
    const saved = { ...elder, classes: ['advanced-age', 'living-alone', 'extreme-poverty'], dibao: true, bathAssessedOn: '2026-11-20' };
    mockedSave.mockResolvedValueOnce(saved);
    act(() => fireEvent.click(document.getElementById('staff-classes-save')!));
    await waitFor(() => expect(document.getElementById('staff-classes-saved')).toBeTruthy());
    expect(mockedSave).toHaveBeenLastCalledWith(7, { classes: ['advanced-age', 'living-alone', 'extreme-poverty'], dibao: true, bathAssessedOn: '2026-11-20' });
    expect(document.getElementById('staff-classes-failure')).toBeNull();
    expect(document.getElementById('staff-profile-bath')!.textContent).toContain('2026-11-20');
    expect(document.getElementById('staff-profile-classes')!.textContent).toContain('特困');
  });

  it('sends an empty assessment as none', async () => {
    mockedElder.mockResolvedValue({ ...elder, bathAssessedOn: '2026-11-01' });
    render(<StaffElderPage />);
    await waitFor(() => expect(document.getElementById('staff-assessed-clear')).toBeTruthy());
    act(() => fireEvent.click(document.getElementById('staff-assessed-clear')!));
    mockedSave.mockResolvedValueOnce(elder);
    act(() => fireEvent.click(document.getElementById('staff-classes-save')!));
    await waitFor(() => expect(mockedSave).toHaveBeenCalledWith(7, { classes: ['advanced-age'], dibao: false, bathAssessedOn: null }));
  });
});
