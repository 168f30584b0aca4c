import { addDays, chinaDate, chinaHour, chinaInstant, chinaTime, formatDay, formatDayTime, formatTime, formatTimeRange } from './date';

// 2026-11-28 is a Saturday; 09:00 China time = 01:00 UTC.
const now = '2026-11-28T01:00:00Z';

describe('dates in China time', () => {
  it('says 今天 and 明天, else the date with its weekday', () => {
    expect(formatDay('2026-11-28T15:00:00Z', now)).toBe('今天'); // 23:00 in China, still the 28th
    expect(formatDay('2026-11-28T17:00:00Z', now)).toBe('明天'); // 01:00 on the 29th in China
    expect(formatDay('2026-11-28T10:00:00+08:00', now)).toBe('今天');
    expect(formatDay('2026-11-30T10:00:00+08:00', now)).toBe('11月30日（周一）');
    expect(formatDay('2027-01-04T10:00:00+08:00', now)).toBe('2027年1月4日（周一）');
  });

  it('prints times as 11:30–12:30', () => {
    expect(formatTimeRange('2026-11-30T03:30:00Z', '2026-11-30T04:30:00Z')).toBe('11:30–12:30');
    expect(formatDayTime('2026-11-29T03:30:00Z', now)).toBe('明天 11:30');
    expect(formatDayTime('2026-11-30T03:30:00Z', now)).toBe('11月30日（周一）11:30');
  });

  it('reads the hour and the time in China from a Date or epoch milliseconds as well', () => {
    expect(chinaHour('2026-11-28T16:30:00Z')).toBe(0); // 00:30 on the 29th in China
    expect(chinaHour(Date.parse('2026-11-28T01:00:00Z'))).toBe(9);
    expect(formatTime(new Date('2026-11-28T15:59:00Z'))).toBe('23:59');
    expect(formatDay(new Date('2026-12-31T16:00:00Z'), now)).toBe('2027年1月1日（周五）');
  });

  it('gives the date in China, which is the next day from 16:00 UTC', () => {
    expect(chinaDate('2026-11-28T15:59:00Z')).toBe('2026-11-28');
    expect(chinaDate('2026-11-28T16:00:00Z')).toBe('2026-11-29');
    expect(chinaDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    jest.useFakeTimers({ now: new Date('2026-11-30T17:00:00Z') });
    try {
      expect(chinaDate()).toBe('2026-12-01'); // today, by default
    } finally {
      jest.useRealTimers();
    }
  });
});

describe('dayjs in China time', () => {
  it('counts days across months and years', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
  });

  it('reads a China-local date and time as an instant, and refuses what is no real moment', () => {
    expect(chinaInstant('2026-12-01', '09:30')).toBe('2026-12-01T01:30:00.000Z');
    expect(chinaInstant(' 2026-12-01 ', '00:00')).toBe('2026-11-30T16:00:00.000Z');
    expect(chinaInstant('2026-02-30', '09:30')).toBeNull();
    expect(chinaInstant('2026-12-01', '25:00')).toBeNull();
    expect(chinaInstant('明天', '09:30')).toBeNull();
  });

  it('gives China time whatever the phone’s own zone', () => {
    const zone = process.env.TZ;
    try {
      for (const phone of ['America/Los_Angeles', 'Europe/Berlin', 'Pacific/Auckland', 'UTC']) {
        process.env.TZ = phone; // Node takes a new TZ at once
        expect(chinaDate('2026-11-28T16:30:00Z')).toBe('2026-11-29');
        expect(formatTime('2026-11-28T16:30:00Z')).toBe('00:30');
        expect(formatDay('2026-11-29T03:30:00Z', now)).toBe('明天');
        expect(chinaTime('2026-11-28T16:30:00Z').format('ddd')).toBe('周日');
      }
    } finally {
      process.env.TZ = zone;
    }
  });
});
