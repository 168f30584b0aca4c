import holidays from '../../config/domain/holidays.json';
import { chinaLocal, chinaMidnight, createCalendar, dayKindLabel, shiftDate, weekdayOf, type CalendarData } from './calendar';

const calendar = createCalendar(holidays as CalendarData);

describe('day kinds in 2026 (official arrangement)', () => {
  it.each([
    ['2026-10-01', 'holiday', '国庆节'],
    ['2026-10-07', 'holiday', '国庆节'],
    ['2026-02-15', 'holiday', '春节'],
    ['2026-02-23', 'holiday', '春节'],
    ['2026-09-25', 'holiday', '中秋节'],
    ['2026-06-19', 'holiday', '端午节'],
    ['2026-04-06', 'holiday', '清明节'],
    ['2026-01-02', 'holiday', '元旦'],
  ])('%s is a holiday (%s %s)', (date, kind, name) => {
    expect(calendar.dayInfo(date)).toMatchObject({ kind, name, yearKnown: true, provisional: false });
    expect(calendar.isWorkingDay(date)).toBe(false);
  });

  it.each(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10'])(
    '%s is a 调休 working day on a weekend',
    (date) => {
      const info = calendar.dayInfo(date);
      expect(info.weekday).toBeGreaterThanOrEqual(5);
      expect(info.kind).toBe('adjustedWorkday');
      expect(calendar.isWorkingDay(date)).toBe(true);
    },
  );

  it('plain days follow the week', () => {
    expect(calendar.dayInfo('2026-11-30')).toMatchObject({ kind: 'workday', weekday: 0 });
    expect(calendar.dayInfo('2026-11-29')).toMatchObject({ kind: 'weekend', weekday: 6 });
    expect(calendar.isWorkingDay('2026-11-28')).toBe(false);
  });

  it('counts 2026 holidays: 33 days off, 6 working weekend days', () => {
    const days = Array.from({ length: 365 }, (_, i) => shiftDate('2026-01-01', i)).map(calendar.dayInfo);
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(33);
    expect(days.filter((d) => d.kind === 'adjustedWorkday')).toHaveLength(6);
  });
});

describe('2027 (provisional, statutory days only)', () => {
  it('marks statutory days as holidays and the year as provisional', () => {
    expect(calendar.dayInfo('2027-02-06')).toMatchObject({ kind: 'holiday', name: '春节', provisional: true });
    expect(calendar.dayInfo('2027-10-03')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(calendar.dayInfo('2027-10-04')).toMatchObject({ kind: 'workday', provisional: true });
  });

  it('has no 调休 working days', () => {
    const days = Array.from({ length: 365 }, (_, i) => shiftDate('2027-01-01', i)).map(calendar.dayInfo);
    expect(days.filter((d) => d.kind === 'adjustedWorkday')).toHaveLength(0);
    expect(days.filter((d) => d.kind === 'holiday')).toHaveLength(13);
  });
});

describe('unknown years', () => {
  it('count weekends only and say the year is unknown', () => {
    expect(calendar.dayInfo('2030-10-01')).toMatchObject({ kind: 'workday', yearKnown: false, provisional: false });
    expect(calendar.dayInfo('2030-10-05')).toMatchObject({ kind: 'weekend', yearKnown: false });
  });

  it('report the unknown year to the caller, also when counting working days', () => {
    const seen: string[] = [];
    const watched = createCalendar(holidays as CalendarData, { onUnknownYear: (year) => seen.push(year) });
    watched.dayInfo('2026-10-01');
    expect(seen).toEqual([]);
    expect(watched.addWorkingDays('2029-12-28', 3)).toBe('2030-01-02');
    expect(new Set(seen)).toEqual(new Set(['2029', '2030']));
  });
});

describe('addWorkingDays', () => {
  it('skips the whole 国庆 holiday and counts the 调休 Saturday', () => {
    // Wed 2026-09-30 + 1 working day: 10/1–10/7 off, Thu 10/8 is the first working day.
    expect(calendar.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
    // 10/8 Thu, 10/9 Fri, 10/10 Sat (调休上班): the third working day is the Saturday.
    expect(calendar.addWorkingDays('2026-09-30', 3)).toBe('2026-10-10');
    expect(calendar.addWorkingDays('2026-09-30', 4)).toBe('2026-10-12');
  });

  it('counts the 调休 Sunday before 中秋 and skips 中秋', () => {
    // Fri 9/18 → Sun 9/20 (调休) is the first working day after it.
    expect(calendar.addWorkingDays('2026-09-18', 1)).toBe('2026-09-20');
    // 9/21–9/24 Mon–Thu, 9/25–27 off, 9/28 Mon.
    expect(calendar.addWorkingDays('2026-09-18', 6)).toBe('2026-09-28');
  });

  it('returns the same date for 0 and refuses negative counts', () => {
    expect(calendar.addWorkingDays('2026-10-03', 0)).toBe('2026-10-03');
    expect(() => calendar.addWorkingDays('2026-10-03', -1)).toThrow();
  });
});

describe('date helpers', () => {
  it('reads China local time (UTC+8)', () => {
    expect(chinaLocal(new Date('2026-09-30T16:30:00Z'))).toEqual({ date: '2026-10-01', minuteOfDay: 30 });
    expect(chinaMidnight('2026-10-01').toISOString()).toBe('2026-09-30T16:00:00.000Z');
  });

  it('knows weekdays and refuses impossible dates', () => {
    expect(weekdayOf('2026-10-10')).toBe(5);
    expect(() => weekdayOf('2026-02-30')).toThrow();
  });

  it('labels day kinds in Chinese', () => {
    expect(dayKindLabel(calendar.dayInfo('2026-10-01'))).toBe('国庆节');
    expect(dayKindLabel(calendar.dayInfo('2026-10-10'))).toBe('国庆节调休（上班）');
  });
});
