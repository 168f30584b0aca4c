import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { VisitPage } from '@contract/care';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { typeInto } from '../../../../../tests-client/typeInto';
import { startSignedIn } from '../../../../../tests-client/signedIn';
import { ApiFailure } from '@/lib/api/failure';
import { createVisit, fetchVisits } from '../../api';
import VisitPageForm from '../visit/index';
import VisitsPage from './index';

jest.mock('../../api');
const mockedVisits = jest.mocked(fetchVisits);
const mockedCreate = jest.mocked(createVisit);

const page: VisitPage = {
  month: '2026-11',
  communities: [{ communityId: 'xinshi', communityName: '新市社区', due: 4, visited: 3, ratePercent: 75 }],
  items: [
    {
      elder: { id: 1, name: '张桂芝', age: 82, communityId: 'xinshi', classes: ['advanced-age', 'living-alone'], address: '幸福小区 3 号楼' },
      visitedThisMonth: false,
      lastVisit: null,
    },
  ],
  nextCursor: null,
};

beforeEach(() => {
  taroTestControl.reset();
  startSignedIn();
  mockedVisits.mockReset();
  mockedCreate.mockReset();
  mockedVisits.mockResolvedValue(page);
});

describe('月探访', () => {
  it('shows the rate per 社区 against 100 % in words and the elders due, and opens the record form', async () => {
    const { findByText } = render(<VisitsPage />);
    expect(await findByText('3/4 人 · 75% 未达标')).toBeTruthy();
    expect(mockedVisits).toHaveBeenCalledWith({ status: 'due', cursor: null });
    expect(document.getElementById('visit-elder-1')!.textContent).toContain('本月待探访');
    act(() => fireEvent.click(document.getElementById('visit-record-1')!));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: `/features/care-staff/pages/visit/index?elder=1&name=${encodeURIComponent('张桂芝')}` });
  });

  it('records a visit; a refusal keeps what was written', async () => {
    taroTestControl.setRoute('/features/care-staff/pages/visit/index', { elder: '1', name: '张桂芝' }, 2);
    render(<VisitPageForm />);
    act(() => fireEvent.click(document.getElementById('visit-method-phone')!));
    typeInto('visit-health', '血压平稳');
    mockedCreate.mockRejectedValueOnce(new ApiFailure({ message: '这位老人不在您负责的社区', status: 404, code: 'NOT_FOUND', retryable: false }));
    act(() => fireEvent.click(document.getElementById('visit-save')!));
    await waitFor(() => expect(document.getElementById('visit-failure')!.textContent).toBe('这位老人不在您负责的社区'));
    expect(mockedCreate).toHaveBeenCalledWith({ elderId: 1, method: 'phone', health: '血压平稳', economy: '', safety: '', needsReferred: '' });
    expect(document.getElementById('visit-health')!.getAttribute('value')).toBe('血压平稳');

    mockedCreate.mockResolvedValueOnce({} as never);
    act(() => fireEvent.click(document.getElementById('visit-save')!));
    await waitFor(() => expect(taroMock.navigateBack).toHaveBeenCalled());
  });
});
