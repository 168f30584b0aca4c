import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { startSignedIn, testResident } from '../../../../../tests-client/signedIn';
import { typeInto } from '../../../../../tests-client/typeInto';
import { fetchTowns } from '@/lib/api/endpoints';
import { ApiFailure } from '@/lib/api/failure';
import { createElder } from '../../api';
import ProfilePage from './index';

jest.mock('../../api');
jest.mock('@/lib/api/endpoints');
const mockedCreate = jest.mocked(createElder);
const mockedTowns = jest.mocked(fetchTowns);

beforeEach(() => {
  taroTestControl.reset();
  taroTestControl.setRoute('/features/care/pages/profile/index', { for: 'self' }, 2);
  startSignedIn(testResident);
  mockedCreate.mockReset();
  mockedTowns.mockResolvedValue([
    { code: '220681002', name: '新市街道', communities: [{ id: 'xinshi', name: '新市社区', townCode: '220681002', isDemo: false, lat: 41.8, lng: 126.9, phone: '0439-0000000' }] },
  ] as never);
});

describe('建立我的档案', () => {
  it('sends the profile with the user’s community; a refused field is named under it and everything typed stays', async () => {
    const { findByText } = render(<ProfilePage />);
    expect(await findByText('新市街道 新市社区')).toBeTruthy();
    typeInto('profile-name', '王秀兰');
    typeInto('profile-id-number', '220681196001010000');
    typeInto('profile-address', '新市街 1 号');
    act(() => fireEvent.click(document.getElementById('profile-living-with-spouse')!));
    mockedCreate.mockRejectedValueOnce(
      new ApiFailure({ message: '请检查填写的内容', status: 400, code: 'VALIDATION_FAILED', retryable: false, fields: { idNumber: '身份证号：校验位不对，请核对' } }),
    );
    act(() => fireEvent.click(document.getElementById('profile-save')!));
    expect(await findByText('身份证号：校验位不对，请核对')).toBeTruthy();
    expect(mockedCreate).toHaveBeenCalledWith({
      relation: 'self',
      name: '王秀兰',
      idNumber: '220681196001010000',
      phone: null,
      address: '新市街 1 号',
      communityId: 'xinshi',
      livingSituation: 'with-spouse',
      healthNotes: '',
      diet: '',
      emergencyContacts: [],
    });
    expect(document.getElementById('profile-name')!.getAttribute('value')).toBe('王秀兰');

    mockedCreate.mockResolvedValueOnce({} as never);
    typeInto('profile-id-number', '220681196001010011');
    act(() => fireEvent.click(document.getElementById('profile-save')!));
    await waitFor(() => expect(taroMock.navigateBack).toHaveBeenCalled());
    expect(mockedCreate).toHaveBeenLastCalledWith(expect.objectContaining({ idNumber: '220681196001010011' }));
  });
});
