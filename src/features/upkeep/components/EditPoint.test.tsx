import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { ApiFailure } from '@/lib/api/failure';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { taroTestControl } from '../../../../tests-client/taroMock';
import { typeInto } from '../../../../tests-client/typeInto';
import { fetchEditable, savePoint } from '../api';
import { editable } from '../testFixtures';
import { EditPoint } from './EditPoint';

jest.mock('../api');
const mocked = { fetch: jest.mocked(fetchEditable), save: jest.mocked(savePoint) };
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));
const valueOf = (id: string) => (document.getElementById(id) as HTMLElement & { value: string }).value;

beforeEach(() => {
  jest.resetAllMocks();
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
});

describe('编辑服务点', () => {
  it('shows the server\u2019s field errors beside their fields and keeps what was typed', async () => {
    mocked.save.mockRejectedValueOnce(
      new ApiFailure({ message: '请检查填写的内容', status: 400, code: 'VALIDATION_FAILED', retryable: false, fields: { phone: '电话：请填写电话号码，如 0439-5384293', 'hours.weekly.mon.0.open': '营业时间：请按 08:00 的格式填写时间' } }),
    );
    render(<EditPoint point={editable()} />);
    typeInto('edit-phone', '12');
    typeInto('hours-mon-0-open', '8点');
    click('edit-save');
    await waitFor(() => expect(document.getElementById('edit-phone-error')!.textContent).toBe('电话：请填写电话号码，如 0439-5384293'));
    expect(document.getElementById('hours-mon')!.textContent).toContain('请按 08:00 的格式填写时间');
    expect(mocked.save).toHaveBeenCalledWith('sp-xinshi-elder-canteen', 3, expect.objectContaining({ phone: '12' }));
    expect(valueOf('edit-phone')).toBe('12');
    expect(valueOf('hours-mon-0-open')).toBe('8点');
  });

  it('on a 409 says what the other edit changed, and re-applies the user\u2019s changes on the newer version', async () => {
    mocked.save.mockRejectedValueOnce(new ApiFailure({ message: '这条信息刚被别人改过', status: 409, code: 'CONFLICT', retryable: false }));
    mocked.fetch.mockResolvedValueOnce(editable({ name: '新市长者食堂（新址）', version: 4 }));
    render(<EditPoint point={editable()} />);
    typeInto('edit-phone', '0439-1111111');
    click('edit-save');
    await waitFor(() => expect(document.getElementById('edit-conflict')!.textContent).toContain('别人改了：名称'));
    expect(valueOf('edit-phone')).toBe('0439-1111111');
    click('edit-reapply');
    expect(valueOf('edit-name')).toBe('新市长者食堂（新址）');
    expect(valueOf('edit-phone')).toBe('0439-1111111');
    mocked.save.mockResolvedValueOnce(editable({ name: '新市长者食堂（新址）', phone: '0439-1111111', version: 5 }));
    click('edit-save');
    await waitFor(() => expect(mocked.save).toHaveBeenLastCalledWith('sp-xinshi-elder-canteen', 4, expect.objectContaining({ name: '新市长者食堂（新址）', phone: '0439-1111111' })));
  });

  it('names a price that is not money without sending anything', async () => {
    render(<EditPoint point={editable()} />);
    typeInto('service-0-price', '三块');
    click('edit-save');
    expect(document.getElementById('service-0-price-error')!.textContent).toContain('价格');
    expect(mocked.save).not.toHaveBeenCalled();
  });
});
