import {
  BATH_ASSESSMENT_REQUIRED,
  bookableDates,
  bookingCutoff,
  chinaInstant,
  isBeforeCutoff,
  isWithinBookingWindow,
  needsBathAssessment,
  slotsOverlap,
} from './care';

/** China local time → instant. */
const local = (time: string) => new Date(`${time}+08:00`);

describe('cut-offs', () => {
  const lunch = { date: '2026-11-27', start: '11:00' };

  it('takes meals until 16:00 China time the day before: 15:59 yes, 16:00 no', () => {
    expect(bookingCutoff('meal', lunch).toISOString()).toBe('2026-11-26T08:00:00.000Z');
    expect(isBeforeCutoff('meal', lunch, local('2026-11-26T15:59:00'))).toBe(true);
    expect(isBeforeCutoff('meal', lunch, local('2026-11-26T15:59:59.999'))).toBe(true);
    expect(isBeforeCutoff('meal', lunch, local('2026-11-26T16:00:00'))).toBe(false);
    expect(isBeforeCutoff('meal', lunch, local('2026-11-27T09:00:00'))).toBe(false);
  });

  it('counts the day before across a month end, and the same cut-off for a dinner', () => {
    expect(bookingCutoff('meal', { date: '2026-12-01', start: '17:00' }).toISOString()).toBe(local('2026-11-30T16:00:00').toISOString());
  });

  it('takes other services until 24 hours before the start', () => {
    const bath = { date: '2026-11-28', start: '09:00' };
    expect(bookingCutoff('bath', bath)).toEqual(local('2026-11-27T09:00:00'));
    expect(isBeforeCutoff('bath', bath, local('2026-11-27T08:59:00'))).toBe(true);
    expect(isBeforeCutoff('bath', bath, local('2026-11-27T09:00:00'))).toBe(false);
    for (const kind of ['cleaning', 'medical', 'mobility'] as const) {
      expect(bookingCutoff(kind, bath)).toEqual(local('2026-11-27T09:00:00'));
    }
  });

  it('turns China dates and times into instants (UTC+8)', () => {
    expect(chinaInstant('2026-11-27', '00:30').toISOString()).toBe('2026-11-26T16:30:00.000Z');
  });
});

describe('overlap', () => {
  const at = (date: string, start: string, end: string) => ({ date, start, end });

  it('finds slots of one day whose times intersect', () => {
    expect(slotsOverlap(at('2026-11-27', '11:00', '12:30'), at('2026-11-27', '12:00', '14:00'))).toBe(true);
    expect(slotsOverlap(at('2026-11-27', '09:00', '17:00'), at('2026-11-27', '11:00', '12:00'))).toBe(true);
    expect(slotsOverlap(at('2026-11-27', '11:00', '12:00'), at('2026-11-27', '11:00', '12:00'))).toBe(true);
  });

  it('lets back-to-back slots and other days pass', () => {
    expect(slotsOverlap(at('2026-11-27', '10:00', '11:00'), at('2026-11-27', '11:00', '12:00'))).toBe(false);
    expect(slotsOverlap(at('2026-11-27', '11:00', '12:00'), at('2026-11-28', '11:00', '12:00'))).toBe(false);
  });
});

describe('booking window', () => {
  const now = local('2026-11-26T10:00:00');

  it('offers today and the next 14 days', () => {
    const dates = bookableDates(now);
    expect(dates).toHaveLength(15);
    expect(dates[0]).toBe('2026-11-26');
    expect(dates.at(-1)).toBe('2026-12-10');
    expect(isWithinBookingWindow('2026-12-10', now)).toBe(true);
    expect(isWithinBookingWindow('2026-12-11', now)).toBe(false);
    expect(isWithinBookingWindow('2026-11-25', now)).toBe(false);
  });

  it('uses the China date, not UTC, late in the evening', () => {
    expect(bookableDates(local('2026-11-26T23:30:00'))[0]).toBe('2026-11-26');
    expect(bookableDates(local('2026-11-27T00:30:00'))[0]).toBe('2026-11-27');
  });
});

describe('bath assessment', () => {
  it('refuses a bath without an assessment on the profile, in plain words', () => {
    expect(needsBathAssessment('bath', { bathAssessedOn: null })).toBe(true);
    expect(needsBathAssessment('bath', { bathAssessedOn: '2026-10-12' })).toBe(false);
    expect(needsBathAssessment('meal', { bathAssessedOn: null })).toBe(false);
    expect(BATH_ASSESSMENT_REQUIRED).toBe('首次助浴需先完成评估，请联系社区');
  });
});
