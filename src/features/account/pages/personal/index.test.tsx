import { fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { testResident } from '../../../../../tests-client/signedIn';
import { fakeServer } from '../../../../../tests-client/fakeServer';
import { typeInto } from '../../../../../tests-client/typeInto';
import { api } from '@/lib/api/client';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import PersonalDataPage from './index';

/** The person whose data the page shows. */
const resident = { ...testResident, id: 7, displayName: '张阿姨' };

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true, consentVersion: '2026-11-28', consentRecorded: true });
  useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: resident });
});

describe('个人信息', () => {
  it('shows what is held and corrects the name', async () => {
    const seen: string[] = [];
    api.defaults.adapter = fakeServer({ 'PATCH /api/me': (config) => ({ user: { ...resident, displayName: JSON.parse(config.data as string).displayName } }) }, seen);
    const { getByText } = render(<PersonalDataPage />);
    expect(getByText('手机号：139****5678')).toBeTruthy();
    typeInto('personal-name', '张秀英');
    fireEvent.click(document.getElementById('personal-save-name')!);
    await waitFor(() => expect(useSession.getState().user?.displayName).toBe('张秀英'));
    expect(seen).toEqual(['PATCH /api/me']);
  });

  it('deletes the account only after the word 注销 is typed and the question is answered', async () => {
    const seen: string[] = [];
    api.defaults.adapter = fakeServer({ 'DELETE /api/me': (config) => (expect(JSON.parse(config.data as string)).toEqual({ confirm: '注销' }), { ok: true }) }, seen);
    render(<PersonalDataPage />);
    const button = () => document.getElementById('personal-delete')!;
    // Without the word typed, the tap only says what to do.
    fireEvent.click(button());
    await waitFor(() => expect(taroMock.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '请先在上面输入“注销”两个字' })));
    expect(taroMock.showModal).not.toHaveBeenCalled();
    typeInto('personal-delete-confirm', '注销');
    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    fireEvent.click(button());
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledTimes(1));
    expect(seen).toEqual([]);
    fireEvent.click(button());
    await waitFor(() => expect(seen).toEqual(['DELETE /api/me']));
    await waitFor(() => expect(useSession.getState().token).toBeNull());
  });

  it('signs out of every device after asking', async () => {
    const seen: string[] = [];
    api.defaults.adapter = fakeServer({ 'POST /api/auth/logout-all': () => ({ ok: true }) }, seen);
    render(<PersonalDataPage />);
    fireEvent.click(document.getElementById('personal-logout-all')!);
    await waitFor(() => expect(seen).toEqual(['POST /api/auth/logout-all']));
    await waitFor(() => expect(useSession.getState().token).toBeNull());
  });
});
