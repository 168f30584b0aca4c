import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { Message, MessagePage } from '@contract/messages';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { ApiFailure } from '@/lib/api/failure';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { fetchMessages, markMessagesRead } from '../../api';
import MessagesPage from './index';

jest.mock('../../api');
const mockedFetch = jest.mocked(fetchMessages);
const mockedMarkRead = jest.mocked(markMessagesRead);

function message(id: number, overrides: Partial<Message> = {}): Message {
  return {
    id,
    kind: 'booking.completed',
    title: `消息 ${id}`,
    body: '张桂芝的午餐已送达。',
    link: '/features/care/pages/booking/index?id=7',
    createdAt: '2026-11-30T03:00:00.000Z',
    readAt: null,
    ...overrides,
  };
}

const page = (items: Message[], unreadCount: number, nextCursor: string | null = null): MessagePage => ({ items, unreadCount, nextCursor });

beforeEach(() => {
  taroTestControl.reset();
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  mockedFetch.mockReset();
  mockedMarkRead.mockReset();
});

describe('消息', () => {
  it('marks unread ones with a word, opens a message’s link and marks it read', async () => {
    mockedFetch.mockResolvedValue(page([message(2), message(1, { readAt: '2026-11-30T04:00:00.000Z', link: null })], 1));
    mockedMarkRead.mockResolvedValue({ marked: 1, unreadCount: 0 });
    const { findByText, queryByText } = render(<MessagesPage />);
    expect(await findByText('消息 2')).toBeTruthy();
    expect(document.getElementById('message-2')!.textContent).toContain('未读');
    expect(document.getElementById('message-1')!.textContent).not.toContain('未读');
    expect(document.getElementById('messages-read-all')!.textContent).toBe('全部标为已读（1）');

    act(() => fireEvent.click(document.getElementById('message-2')!));
    expect(taroMock.navigateTo).toHaveBeenCalledWith({ url: '/features/care/pages/booking/index?id=7' });
    await waitFor(() => expect(document.getElementById('message-2')!.textContent).not.toContain('未读'));
    expect(mockedMarkRead).toHaveBeenCalledWith({ ids: [2] });
    expect(queryByText(/全部标为已读/)).toBeNull();
  });

  it('全部标为已读 marks every message', async () => {
    mockedFetch.mockResolvedValue(page([message(3), message(2)], 5, 'c1'));
    mockedMarkRead.mockResolvedValue({ marked: 5, unreadCount: 0 });
    const { findByText } = render(<MessagesPage />);
    await findByText('消息 3');
    act(() => fireEvent.click(document.getElementById('messages-read-all')!));
    await waitFor(() => expect(document.querySelectorAll('.message-card--unread')).toHaveLength(0));
    expect(mockedMarkRead).toHaveBeenCalledWith({ all: true });
  });

  it('says why the list is empty, and offers 重试 when it cannot load', async () => {
    mockedFetch.mockRejectedValueOnce(new ApiFailure({ message: '网络不给力，请稍后重试', status: null, code: 'NETWORK', retryable: true }));
    mockedFetch.mockResolvedValueOnce(page([], 0));
    const { findByText } = render(<MessagesPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    act(() => fireEvent.click(document.getElementById('error-retry')!));
    expect(await findByText('还没有消息')).toBeTruthy();
    expect(document.getElementById('messages-back')).not.toBeNull();
  });
});
