import { activityState, overlaps, placesLeft, type ActivityTiming } from './volunteer-activity';

const activity: ActivityTiming = {
  cancelled: false,
  signupDeadline: '2026-12-01T00:00:00.000Z',
  startsAt: '2026-12-02T01:00:00.000Z',
  endsAt: '2026-12-02T03:00:00.000Z',
  capacity: 10,
  taken: 3,
};

describe('activityState', () => {
  it('follows the clock: 招募中 → 报名截止 → 进行中 → 已结束', () => {
    expect(activityState(activity, new Date('2026-11-30T00:00:00Z'))).toBe('recruiting');
    expect(activityState(activity, new Date('2026-12-01T00:00:00Z'))).toBe('closed');
    expect(activityState(activity, new Date('2026-12-02T01:00:00Z'))).toBe('ongoing');
    expect(activityState(activity, new Date('2026-12-02T03:00:00Z'))).toBe('ended');
  });

  it('is 已满员 when every place is taken before the deadline, and 报名截止 after it', () => {
    const full = { ...activity, taken: 10 };
    expect(activityState(full, new Date('2026-11-30T00:00:00Z'))).toBe('full');
    expect(activityState(full, new Date('2026-12-01T12:00:00Z'))).toBe('closed');
  });

  it('is 已取消 whatever the time', () => {
    expect(activityState({ ...activity, cancelled: true }, new Date('2026-11-30T00:00:00Z'))).toBe('cancelled');
    expect(activityState({ ...activity, cancelled: true }, new Date('2027-01-01T00:00:00Z'))).toBe('cancelled');
  });
});

describe('placesLeft', () => {
  it('never goes below zero', () => {
    expect(placesLeft({ capacity: 10, taken: 3 })).toBe(7);
    expect(placesLeft({ capacity: 5, taken: 7 })).toBe(0);
  });
});

describe('overlaps', () => {
  const a = { startsAt: '2026-12-02T01:00:00.000Z', endsAt: '2026-12-02T03:00:00.000Z' };
  it('sees a shared minute', () => {
    expect(overlaps(a, { startsAt: '2026-12-02T02:59:00.000Z', endsAt: '2026-12-02T05:00:00.000Z' })).toBe(true);
    expect(overlaps(a, { startsAt: '2026-12-02T00:00:00.000Z', endsAt: '2026-12-02T06:00:00.000Z' })).toBe(true);
  });
  it('lets activities follow each other', () => {
    expect(overlaps(a, { startsAt: '2026-12-02T03:00:00.000Z', endsAt: '2026-12-02T05:00:00.000Z' })).toBe(false);
    expect(overlaps(a, { startsAt: '2026-12-01T23:00:00.000Z', endsAt: '2026-12-02T01:00:00.000Z' })).toBe(false);
  });
});
