import { act, fireEvent, render, waitFor } from '@testing-library/react';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { startSignedIn, testResident } from '../../../../../tests-client/signedIn';
import { ApiFailure } from '@/lib/api/failure';
import { createBooking, fetchCareServices, fetchElder, fetchElders, fetchQuote, fetchSlots } from '../../api';
import { useBookingDraft } from '../../draft';
import { booking, lunch, mother, slot, slotList, subsidisedQuote } from '../../testFixtures';
import BookPage from './index';

jest.mock('../../api');
const api = {
  elders: jest.mocked(fetchElders),
  elder: jest.mocked(fetchElder),
  services: jest.mocked(fetchCareServices),
  slots: jest.mocked(fetchSlots),
  quote: jest.mocked(fetchQuote),
  create: jest.mocked(createBooking),
};

const offline = () => new ApiFailure({ message: '网络不给力，请稍后重试', status: null, code: 'NETWORK', retryable: true });
const full = () => new ApiFailure({ message: '这个时段已约满', status: 409, code: 'CONFLICT', retryable: false });
/** Elders, services, today's slots, then tomorrow's: four answers in a row, slow on a busy machine. */
const SLOW = { timeout: 5000 };
const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));

beforeEach(() => {
  taroTestControl.reset();
  taroTestControl.setRoute('/features/care/pages/book/index', { group: 'meal' }, 2);
  startSignedIn(testResident);
  useBookingDraft.getState().clear();
  for (const mock of Object.values(api)) mock.mockReset();
  api.elders.mockResolvedValue({ items: [mother], nextCursor: null });
  api.elder.mockResolvedValue({ address: '新市街 8 号 2 单元 301' } as never);
  api.services.mockResolvedValue({ items: [lunch], nextCursor: null });
  // The server's today (2026-11-30, whatever the test machine's date) is past its cut-off: the page moves on to
  // the next day by itself.
  api.slots.mockImplementation(async (_service, date) =>
    date === '2026-12-01'
      ? slotList(date, [slot('slot-lunch-1201')])
      : slotList('2026-11-30', [slot('slot-today', { date: '2026-11-30', bookable: false, closedReason: '已过预约截止时间' })]),
  );
  api.quote.mockResolvedValue(subsidisedQuote);
});

/** Elder and service are chosen already (only one of each); tomorrow's slot, 送餐, a note; then 下一步. */
async function chooseLunchWithDelivery() {
  const utils = render(<BookPage />);
  await utils.findByText('余 12 个名额', undefined, SLOW);
  expect(api.slots).toHaveBeenLastCalledWith(lunch.id, '2026-12-01');
  click('slot-slot-lunch-1201');
  click('meal-delivery');
  await utils.findByText('送到：新市街 8 号 2 单元 301');
  act(() => fireEvent.input(document.querySelector('#book-note textarea')!, { target: { value: '少盐' } }));
  return utils;
}

describe('助餐预约', () => {
  it('shows the price after subsidy before confirming, and again on the confirmation step', async () => {
    const { findByText, getByText } = await chooseLunchWithDelivery();
    expect(await findByText('¥3.00（已补贴 ¥5.00）')).toBeTruthy();
    expect(getByText('80 岁以上老人每餐减 5 元')).toBeTruthy();
    expect(api.quote).toHaveBeenLastCalledWith({ elder: mother.id, slot: 'slot-lunch-1201', mealMode: 'delivery' });
    click('book-next');
    expect(document.getElementById('confirm-price')!.textContent).toContain('¥3.00（已补贴 ¥5.00）');
    expect(document.getElementById('confirm-address')!.textContent).toContain('新市街 8 号 2 单元 301');
    expect(document.getElementById('confirm-time')!.textContent).toContain('11:00–12:30');
  });

  it('shows the server’s refusal in its words with what to do instead, and keeps every choice', async () => {
    const { findByText } = await chooseLunchWithDelivery();
    click('book-next');
    api.create.mockRejectedValueOnce(full());
    click('book-submit');
    expect(await findByText('这个时段已约满')).toBeTruthy();
    expect(document.getElementById('book-failure')!.textContent).toContain('可以换一个时段或日期再约');
    expect(document.getElementById('book-failure-action')!.textContent).toBe('换个时段');
    expect(useBookingDraft.getState()).toMatchObject({ elderId: mother.id, mealMode: 'delivery', note: '少盐', slotId: 'slot-lunch-1201' });

    click('book-failure-action');
    // Back on the choices with the slot to pick again; 送餐 and the note are still there.
    await waitFor(() => expect(document.getElementById('book-next')).not.toBeNull());
    expect(useBookingDraft.getState()).toMatchObject({ slotId: null, mealMode: 'delivery', note: '少盐', date: '2026-12-01' });
  });

  it('sends one Idempotency-Key per attempt and the same one on a retry, so a retry never books twice', async () => {
    await chooseLunchWithDelivery();
    click('book-next');
    api.create.mockRejectedValueOnce(offline());
    click('book-submit');
    await waitFor(() => expect(document.getElementById('book-failure')).not.toBeNull());
    expect(document.getElementById('book-failure')!.textContent).toContain('网络不给力，请稍后重试');
    expect(document.getElementById('book-failure')!.textContent).toContain('再点一次不会重复预约');

    api.create.mockResolvedValueOnce(booking());
    click('book-failure-action'); // 重试
    await waitFor(() => expect(taroMock.redirectTo).toHaveBeenCalledWith({ url: '/features/care/pages/booking/index?id=41&booked=1' }));
    expect(api.create).toHaveBeenCalledTimes(2);
    const [[firstBody, firstKey], [secondBody, secondKey]] = api.create.mock.calls;
    expect(secondKey).toBe(firstKey);
    expect(firstKey).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(secondBody).toEqual(firstBody);
    expect(firstBody).toEqual({ elderId: mother.id, slotId: 'slot-lunch-1201', mealMode: 'delivery', note: '少盐' });
    // Booked: the next booking starts from scratch.
    expect(useBookingDraft.getState()).toMatchObject({ slotId: null, note: '', attempt: null });
  });

  it('starts a new attempt (a new key) after a refusal or changed choices', async () => {
    await chooseLunchWithDelivery();
    click('book-next');
    api.create.mockRejectedValueOnce(offline());
    click('book-submit');
    await waitFor(() => expect(document.getElementById('book-failure')).not.toBeNull());
    click('book-edit');
    click('meal-dine-in');
    click('book-next');
    api.create.mockRejectedValueOnce(full());
    click('book-submit');
    await waitFor(() => expect(api.create).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(document.getElementById('book-failure')).not.toBeNull());
    click('book-failure-action');
    click('slot-slot-lunch-1201');
    click('book-next');
    api.create.mockResolvedValueOnce(booking());
    click('book-submit');
    await waitFor(() => expect(api.create).toHaveBeenCalledTimes(3));
    const keys = api.create.mock.calls.map(([, key]) => key);
    expect(new Set(keys).size).toBe(3);
  });

  it('keeps the draft when the user leaves after a failed submit and comes back', async () => {
    const first = await chooseLunchWithDelivery();
    click('book-next');
    api.create.mockRejectedValueOnce(offline());
    click('book-submit');
    await waitFor(() => expect(document.getElementById('book-failure')).not.toBeNull());
    first.unmount();

    const again = render(<BookPage />);
    await again.findByText('请核对预约');
    expect(document.getElementById('confirm-address')!.textContent).toContain('新市街 8 号 2 单元 301');
    expect(document.getElementById('confirm-note')!.textContent).toContain('少盐');
  });

  it('says what is missing instead of a silently disabled button', async () => {
    const { findByText } = render(<BookPage />);
    await findByText('余 12 个名额', undefined, SLOW);
    click('book-next');
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '请先选择时段', icon: 'none' });
  });

  it('shows a refusal the server foresees (first bath without an assessment) before confirming', async () => {
    api.quote.mockResolvedValue({ ...subsidisedQuote, refusal: '首次助浴需先完成评估，请联系社区' });
    const { findByText } = render(<BookPage />);
    await findByText('余 12 个名额', undefined, SLOW);
    click('slot-slot-lunch-1201');
    expect(await findByText('首次助浴需先完成评估，请联系社区')).toBeTruthy();
    click('book-next');
    expect(taroMock.showToast).toHaveBeenCalledWith({ title: '首次助浴需先完成评估，请联系社区', icon: 'none' });
    expect(document.getElementById('book-submit')).toBeNull();
  });

  it('from 家人 (“为TA预约”) the chosen elder is already picked among several', async () => {
    taroTestControl.setRoute('/features/care/pages/book/index', { group: 'meal', elder: String(mother.id) }, 2);
    api.elders.mockResolvedValue({ items: [{ ...mother, id: 3, name: '王建国' }, mother], nextCursor: null });
    const { findByText } = render(<BookPage />);
    await findByText('余 12 个名额', undefined, SLOW);
    expect(document.getElementById(`elder-${mother.id}`)!.getAttribute('aria-checked')).toBe('true');
    expect(document.getElementById('elder-3')!.getAttribute('aria-checked')).toBe('false');
  });
});
