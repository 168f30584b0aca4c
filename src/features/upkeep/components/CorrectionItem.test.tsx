import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../tests-client/taroMock';
import { typeInto } from '../../../../tests-client/typeInto';
import { handleCorrection } from '../api';
import { correction } from '../testFixtures';
import { CorrectionItem } from './CorrectionItem';

jest.mock('../api');
const handle = jest.mocked(handleCorrection);
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));

beforeEach(() => {
  jest.resetAllMocks();
  taroTestControl.reset();
});

describe('纠错待办 item', () => {
  it('shows the point, the kind in words, the text and 超期 when overdue', () => {
    render(<CorrectionItem correction={correction({ overdue: true })} onHandled={jest.fn()} />);
    const card = document.getElementById('correction-7')!;
    expect(card.textContent).toContain('新市社区长者食堂');
    expect(card.textContent).toContain('居民反馈：关门了');
    expect(card.textContent).toContain('门口贴了装修通知');
    expect(document.getElementById('correction-7-due')!.textContent).toMatch(/^超期：应在 .+ 前处理$/);
  });

  it('handles it as 核实无误 with a pause until a date', async () => {
    const onHandled = jest.fn();
    handle.mockResolvedValueOnce(correction({ state: 'handled', outcome: 'confirmed' }));
    render(<CorrectionItem correction={correction()} onHandled={onHandled} />);
    click('correction-7-submit');
    expect(document.getElementById('correction-7-failure')!.textContent).toBe('请先选择处理结果');
    click('correction-7-outcome-confirmed');
    click('correction-7-pause');
    typeInto('correction-7-pause-to', '2026-12-20');
    typeInto('correction-7-pause-reason', '内部装修');
    click('correction-7-submit');
    await waitFor(() => expect(onHandled).toHaveBeenCalled());
    expect(handle).toHaveBeenCalledWith(7, 'confirmed', '', { from: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/), to: '2026-12-20', reason: '内部装修' });
  });

  it('asks before closing the point, and does nothing when the worker says no', async () => {
    taroMock.showModal.mockImplementationOnce(async () => ({ confirm: false, cancel: true }));
    render(<CorrectionItem correction={correction()} onHandled={jest.fn()} />);
    click('correction-7-outcome-closed');
    click('correction-7-submit');
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ content: expect.stringContaining('不能恢复') })));
    expect(handle).not.toHaveBeenCalled();
  });
});
