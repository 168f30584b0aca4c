import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { MyRating } from '@contract/ratings';
import { taroTestControl } from '../../../../../tests-client/taroMock';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { useSession } from '@/lib/stores/session';
import { createRating, declareVisit, fetchLatestVisit } from '../../api';
import RatePage from './index';

jest.mock('../../api');
const mocked = { latest: jest.mocked(fetchLatestVisit), declare: jest.mocked(declareVisit), create: jest.mocked(createRating) };

const resident = {
  id: 1,
  displayName: '王秀兰',
  maskedPhone: '139****1234',
  role: 'resident' as const,
  isVolunteer: false,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: null, townCode: null, servicePointId: null },
  consentVersion: '1',
};

const rated: MyRating = {
  id: 9,
  servicePointId: 'sp-1',
  servicePointName: '新市修鞋配钥匙',
  interactionKind: 'visit',
  level: 2,
  levelWord: '不满意',
  tags: ['态度差'],
  comment: '等了很久',
  commentStatus: 'public',
  commentNote: null,
  createdAt: '2026-11-26T02:00:00.000Z',
  progress: { status: 'awaiting_callback', statusWord: '等待工作人员回访', feedbackDue: '2026-12-17', timeline: [], canFollowUp: false },
  followUp: null,
  appeal: null,
};

const click = (id: string) => act(() => fireEvent.click(document.getElementById(id)!));

beforeEach(() => {
  jest.resetAllMocks();
  taroTestControl.reset();
  taroTestControl.setRoute('/features/ratings/pages/rate/index', { point: 'sp-1', name: encodeURIComponent('新市修鞋配钥匙') }, 2);
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useSession.setState({ token: 't', expiresAt: '2099-01-01T00:00:00Z', user: resident });
  mocked.latest.mockResolvedValue({ visit: null, nextAllowedAt: null });
});

describe('评价服务', () => {
  it('shows the five levels in words, asks for a problem for 不满意, previews, then declares the visit and rates it', async () => {
    render(<RatePage />);
    await waitFor(() => expect(document.getElementById('rate-form')).toBeTruthy());
    expect(['level-5', 'level-4', 'level-3', 'level-2', 'level-1'].map((id) => document.getElementById(id)!.textContent)).toEqual([
      '非常满意',
      '满意',
      '基本满意',
      '不满意',
      '非常不满意',
    ]);
    click('level-2');
    expect(document.getElementById('level-2')!.getAttribute('aria-checked')).toBe('true');
    click('rate-preview-button');
    expect(document.getElementById('rate-failure')!.textContent).toBe('请至少选择一个问题，方便我们核实整改');
    expect(document.getElementById('tag-1')!.textContent).toBe('态度差');
    click('tag-1');
    click('rate-preview-button');
    expect(document.getElementById('rate-preview')!.textContent).toContain('满意程度：不满意');
    expect(document.getElementById('rate-preview')!.textContent).toContain('标签：态度差');

    mocked.declare.mockResolvedValue({ id: 77, servicePointId: 'sp-1', visitedAt: '2026-11-26T02:00:00.000Z', ratingId: null });
    mocked.create.mockResolvedValue(rated);
    click('rate-submit');
    await waitFor(() => expect(document.getElementById('rate-done')).toBeTruthy());
    expect(mocked.create).toHaveBeenCalledWith({ interaction: { kind: 'visit', id: 77 }, level: 2, tags: ['态度差'], comment: undefined });
    expect(document.getElementById('rate-done')!.textContent).toContain('已转给社区工作人员');
  });

  it('rates the unrated visit of the last 7 days instead of declaring another, and keeps the draft when sending fails', async () => {
    mocked.latest.mockResolvedValue({ visit: { id: 5, servicePointId: 'sp-1', visitedAt: '2026-11-25T02:00:00.000Z', ratingId: null }, nextAllowedAt: '2026-12-02T02:00:00.000Z' });
    render(<RatePage />);
    await waitFor(() => expect(document.getElementById('rate-visit-note')!.textContent).toContain('将评价您'));
    click('level-5');
    click('rate-preview-button');
    mocked.create.mockRejectedValueOnce(new Error('offline'));
    click('rate-submit');
    await waitFor(() => expect(document.getElementById('rate-failure')!.textContent).toBe('网络不给力，请稍后重试'));
    expect(mocked.declare).not.toHaveBeenCalled();
    expect(document.getElementById('level-5')!.getAttribute('aria-checked')).toBe('true');
  });

  it('says when the point was rated within the last 7 days instead of offering a form', async () => {
    mocked.latest.mockResolvedValue({ visit: { id: 5, servicePointId: 'sp-1', visitedAt: '2026-11-25T02:00:00.000Z', ratingId: 3 }, nextAllowedAt: '2026-12-02T02:00:00.000Z' });
    const { findByText } = render(<RatePage />);
    expect(await findByText('您最近已经评价过这里了')).toBeTruthy();
    expect(document.getElementById('rate-form')).toBeNull();
  });
});
