import { attendanceWindow, checkInOpensAt, creditedHours, fullHours } from './volunteer-hours';

const activity = { startsAt: '2026-12-02T01:00:00.000Z', endsAt: '2026-12-02T04:00:00.000Z' };

describe('creditedHours', () => {
  it('counts from the later of check-in and start to the earlier of check-out and end', () => {
    expect(creditedHours(activity, '2026-12-02T00:40:00.000Z', '2026-12-02T04:30:00.000Z')).toBe(3);
    expect(creditedHours(activity, '2026-12-02T01:10:00.000Z', '2026-12-02T03:00:00.000Z')).toBe(1.5);
  });

  it('rounds down to the half hour', () => {
    expect(creditedHours(activity, '2026-12-02T01:00:00.000Z', '2026-12-02T02:29:59.000Z')).toBe(1);
    expect(creditedHours(activity, '2026-12-02T01:00:00.000Z', '2026-12-02T02:30:00.000Z')).toBe(1.5);
    expect(creditedHours(activity, '2026-12-02T01:00:00.000Z', '2026-12-02T01:29:00.000Z')).toBe(0);
  });

  it('is 0 when the volunteer left before the start or came after the end', () => {
    expect(creditedHours(activity, '2026-12-02T00:31:00.000Z', '2026-12-02T00:50:00.000Z')).toBe(0);
    expect(creditedHours(activity, '2026-12-02T04:10:00.000Z', '2026-12-02T04:20:00.000Z')).toBe(0);
  });

  it('gives the whole activity its full hours', () => {
    expect(fullHours(activity)).toBe(3);
    expect(fullHours({ startsAt: '2026-12-02T01:00:00.000Z', endsAt: '2026-12-02T02:45:00.000Z' })).toBe(1.5);
  });
});

describe('attendance window', () => {
  it('opens 30 minutes before the start and closes an hour after the end', () => {
    expect(checkInOpensAt(activity).toISOString()).toBe('2026-12-02T00:30:00.000Z');
    expect(attendanceWindow(activity, new Date('2026-12-02T00:29:59.000Z'))).toBe('notYet');
    expect(attendanceWindow(activity, new Date('2026-12-02T00:30:00.000Z'))).toBe('open');
    expect(attendanceWindow(activity, new Date('2026-12-02T04:59:59.000Z'))).toBe('open');
    expect(attendanceWindow(activity, new Date('2026-12-02T05:00:00.000Z'))).toBe('closed');
  });
});
