import { act, fireEvent, render, waitFor } from '@testing-library/react';
import type { ActivityDetail } from '@contract/volunteers';
import type { User } from '@contract/auth';
import { taroMock, taroTestControl } from '../../../../../tests-client/taroMock';
import { useSession } from '@/lib/stores/session';
import { initialSettings, useSettings } from '@/lib/stores/settings';
import { cancelSignup, fetchActivity, fetchMyVolunteer, signUp } from '../../api';
import ActivityPage from './index';

jest.mock('../../api');
const mocked = {
  fetchActivity: jest.mocked(fetchActivity),
  fetchMyVolunteer: jest.mocked(fetchMyVolunteer),
  signUp: jest.mocked(signUp),
  cancelSignup: jest.mocked(cancelSignup),
};

const user: User = {
  id: 2,
  displayName: '李志强',
  maskedPhone: '135****5678',
  role: 'resident',
  isVolunteer: true,
  communityId: 'xinshi',
  communityName: '新市社区',
  scope: { communityId: null, townCode: null, servicePointId: null },
  consentVersion: null,
};

function activity(overrides: Partial<ActivityDetail> = {}): ActivityDetail {
  return {
    id: 7,
    title: '留守老人上门探访',
    communityId: 'xinshi',
    communityName: '新市社区',
    teamName: '新市社区志愿服务队',
    teamId: 'xinshi-vt',
    startsAt: '2030-12-02T01:00:00.000Z',
    endsAt: '2030-12-02T03:30:00.000Z',
    signupDeadline: '2030-12-01T01:00:00.000Z',
    capacity: 6,
    taken: 2,
    placesLeft: 4,
    waitlisted: 0,
    state: 'recruiting',
    stateLabel: '招募中',
    targetGroup: { id: 'left-behind-elders', name: '留守老人' },
    skills: [],
    hours: 2.5,
    placeName: '新市社区党群服务中心',
    minAge: 10,
    isDemo: true,
    description: '两人一组到留守老人家中探访。',
    notice: '请穿便于行走的鞋。',
    safeguards: [{ id: 'insurance', name: '意外保险' }],
    place: { pointId: null, name: '新市社区党群服务中心', address: '新市社区党群服务中心', lat: null, lng: null },
    cancelReason: null,
    mySignup: null,
    canManage: false,
    ...overrides,
  };
}

const profile = { volunteer: { id: 1 } } as Awaited<ReturnType<typeof fetchMyVolunteer>>;

beforeEach(() => {
  taroTestControl.reset();
  taroTestControl.setRoute('/features/volunteers/pages/activity/index', { id: '7' }, 2);
  useSettings.setState({ ...initialSettings(), firstLaunchDone: true });
  useSession.setState({ token: 't', expiresAt: null, user });
  Object.values(mocked).forEach((m) => m.mockReset());
});

describe('活动详情', () => {
  it('signs a volunteer up after a confirmation, then shows 您已报名', async () => {
    mocked.fetchActivity.mockResolvedValueOnce(activity());
    mocked.fetchMyVolunteer.mockResolvedValue(profile);
    mocked.signUp.mockResolvedValue({ signupId: 3, status: 'signedUp', waitlistPosition: null, accompanied: false, checkedInAt: null, checkedOutAt: null, hours: null, confirmedAt: null, message: '报名成功。' });
    const { findByText } = render(<ActivityPage />);
    expect(await findByText('还剩 4 个名额（共 6 个）')).toBeTruthy();
    mocked.fetchActivity.mockResolvedValue(activity({ taken: 3, placesLeft: 3, mySignup: { signupId: 3, status: 'signedUp', waitlistPosition: null, accompanied: false, checkedInAt: null, checkedOutAt: null, hours: null, confirmedAt: null } }));
    await waitFor(() => expect(document.getElementById('activity-signup')).not.toBeNull());
    await act(async () => fireEvent.click(document.getElementById('activity-signup')!));
    await waitFor(() => expect(mocked.signUp).toHaveBeenCalledWith(7, false));
    expect(taroMock.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '我要报名' }));
    expect(await findByText('您已报名')).toBeTruthy();
  });

  it('offers the waiting list when full, and nothing happens when the person says 再想想', async () => {
    mocked.fetchActivity.mockResolvedValue(activity({ state: 'full', stateLabel: '已满员', taken: 6, placesLeft: 0, waitlisted: 2 }));
    mocked.fetchMyVolunteer.mockResolvedValue(profile);
    taroMock.showModal.mockImplementation(async () => ({ confirm: false, cancel: true }));
    const { findByText } = render(<ActivityPage />);
    expect(await findByText('名额已满，候补 2 人')).toBeTruthy();
    await waitFor(() => expect(document.getElementById('activity-signup')?.textContent).toContain('加入候补'));
    await act(async () => fireEvent.click(document.getElementById('activity-signup')!));
    await waitFor(() => expect(taroMock.showModal).toHaveBeenCalled());
    expect(mocked.signUp).not.toHaveBeenCalled();
  });

  it('sends someone not yet registered to 登记 first', async () => {
    mocked.fetchActivity.mockResolvedValue(activity());
    mocked.fetchMyVolunteer.mockResolvedValue({ volunteer: null });
    render(<ActivityPage />);
    await waitFor(() => expect(document.getElementById('activity-register')).not.toBeNull());
    act(() => fireEvent.click(document.getElementById('activity-register')!));
    expect(taroMock.navigateTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/features/volunteers/pages/register/index' }));
  });

  it('lets a signed-up volunteer cancel before the deadline, with a confirmation', async () => {
    mocked.fetchActivity.mockResolvedValue(activity({ mySignup: { signupId: 3, status: 'waitlisted', waitlistPosition: 2, accompanied: true, checkedInAt: null, checkedOutAt: null, hours: null, confirmedAt: null } }));
    mocked.fetchMyVolunteer.mockResolvedValue(profile);
    mocked.cancelSignup.mockResolvedValue({ message: '已退出候补名单' });
    const { findByText } = render(<ActivityPage />);
    expect(await findByText('您在候补名单中，排第 2 位')).toBeTruthy();
    expect(await findByText('须监护人陪同参加。')).toBeTruthy();
    await act(async () => fireEvent.click(document.getElementById('activity-cancel-signup')!));
    await waitFor(() => expect(mocked.cancelSignup).toHaveBeenCalledWith(7));
  });

  it('shows the reason and 重试 when the activity cannot be loaded', async () => {
    mocked.fetchActivity.mockRejectedValue(Object.assign(new Error('网络不给力，请稍后重试'), { retryable: true }));
    const { findByText } = render(<ActivityPage />);
    expect(await findByText('网络不给力，请稍后重试')).toBeTruthy();
    expect(document.getElementById('error-retry')).not.toBeNull();
  });
});
