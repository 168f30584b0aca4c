import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { typeInto } from '../../../../../tests-client/typeInto';
import { ApiFailure } from '@/lib/api/failure';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { bindElder, confirmBinding, fetchElders, unbindElder } from '../../api';
import { mother } from '../../testFixtures';
import FamilyPage from './index';

jest.mock('../../api');
const mocked = {
  elders: jest.mocked(fetchElders),
  bind: jest.mocked(bindElder),
  confirm: jest.mocked(confirmBinding),
  unbind: jest.mocked(unbindElder),
};
const pendingFather = { ...mother, id: 9, name: '王建国', access: 'pending' as const, canBook: false, relation: '子女' as const };


beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  for (const mock of Object.values(mocked)) mock.mockReset();
  mocked.elders.mockResolvedValue({ items: [mother], nextCursor: null });
});

describe('家人', () => {
  it('asks to bind an elder by name, ID number and relation; what was typed stays when it is refused', async () => {
    const { findByText } = render(<FamilyPage />);
    await findByText('张桂芝（子女）');
    typeInto('bind-name', '王建国');
    typeInto('bind-id-number', '220681194501010011');
    act(() => fireEvent.click(document.getElementById('bind-relation-子女')!));
    mocked.bind.mockRejectedValueOnce(new ApiFailure({ message: '没有找到这位老人，请核对姓名和身份证号，或请社区工作人员先建档', status: 404, code: 'NOT_FOUND', retryable: false }));
    act(() => fireEvent.click(document.getElementById('bind-submit')!));
    expect(await findByText('没有找到这位老人，请核对姓名和身份证号，或请社区工作人员先建档')).toBeTruthy();
    expect(document.getElementById('bind-name')!.getAttribute('value')).toBe('王建国');
    expect(mocked.bind).toHaveBeenCalledWith({ name: '王建国', idNumber: '220681194501010011', relation: '子女' });

    mocked.bind.mockResolvedValueOnce({ elder: pendingFather, bindingId: 3, confirmWith: 'code' });
    mocked.elders.mockResolvedValue({ items: [mother, pendingFather], nextCursor: null });
    act(() => fireEvent.click(document.getElementById('bind-submit')!));
    // Pending: the code the elder received is typed here.
    await waitFor(() => expect(document.getElementById('bind-code-9')).not.toBeNull());
    typeInto('bind-code-9', '123456');
    mocked.confirm.mockResolvedValueOnce();
    act(() => fireEvent.click(document.getElementById('bind-code-submit-9')!));
    await waitFor(() => expect(mocked.confirm).toHaveBeenCalledWith(9, { bindingCode: '123456' }));
  });

  it('unbinds only after asking', async () => {
    const { findByText } = render(<FamilyPage />);
    await findByText('张桂芝（子女）');
    taroMock.showModal.mockResolvedValueOnce({ confirm: false, cancel: true });
    act(() => fireEvent.click(document.getElementById(`family-unbind-${mother.id}`)!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(mocked.unbind).not.toHaveBeenCalled();
    act(() => fireEvent.click(document.getElementById(`family-unbind-${mother.id}`)!));
    await waitFor(() => expect(mocked.unbind).toHaveBeenCalledWith(mother.id));
  });
});
