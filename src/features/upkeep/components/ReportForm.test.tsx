import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { ApiFailure } from '@/lib/api/failure';
import { taroTestControl } from '../../../../tests-client/taroMock';
import { typeInto } from '../../../../tests-client/typeInto';
import { reportCorrection } from '../api';
import { correction } from '../testFixtures';
import { ReportForm } from './ReportForm';

jest.mock('../api');
const report = jest.mocked(reportCorrection);
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));

beforeEach(() => {
  jest.resetAllMocks();
  taroTestControl.reset();
});

describe('信息有误', () => {
  it('offers the five kinds in words and needs a few words for 其他', async () => {
    render(<ReportForm pointId='sp-1' pointName='新市社区长者食堂' />);
    expect(['closed', 'phone', 'address', 'hours', 'other'].map((k) => document.getElementById(`report-kind-${k}`)!.textContent)).toEqual([
      '关门了',
      '电话打不通',
      '地址不对',
      '时间不对',
      '其他',
    ]);
    click('report-kind-other');
    click('report-submit');
    expect(document.getElementById('report-failure')!.textContent).toContain('请写几个字');
    expect(report).not.toHaveBeenCalled();
    report.mockResolvedValueOnce(correction({ kind: 'other', text: '搬走了' }));
    typeInto('report-text', '搬走了');
    click('report-submit');
    await waitFor(() => expect(document.getElementById('report-done')).toBeTruthy());
    expect(report).toHaveBeenCalledWith('sp-1', 'other', '搬走了');
  });

  it('explains the daily limit (429) in Chinese and keeps the choice', async () => {
    report.mockRejectedValueOnce(new ApiFailure({ message: '今天反馈的次数已经用完了', status: 429, code: 'RATE_LIMITED', retryable: true }));
    render(<ReportForm pointId='sp-1' pointName='新市社区长者食堂' />);
    click('report-kind-closed');
    click('report-submit');
    await waitFor(() => expect(document.getElementById('report-failure')!.textContent).toBe('今天反馈的次数已经用完了（明天可以再反馈）'));
    expect(document.getElementById('report-kind-closed')!.getAttribute('aria-checked')).toBe('true');
  });
});
