/**
 * The working-day calendar (DOMAIN.md §7) as a pure function of its data
 * (config/domain/holidays.json): what kind of day a date is, whether it is a working day,
 * and counting working days forward (the 好差评 deadlines use it). Dates are China local
 * dates 'YYYY-MM-DD' (UTC+8, no DST).
 */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'adjustedWorkday';

export interface CalendarDayEntry {
  date: string;
  /** 'holiday' = 放假, 'workday' = 调休上班 on a weekend day. */
  kind: 'holiday' | 'workday';
  name: string;
}

export interface CalendarYear {
  status: 'official' | 'provisional';
  source: string;
  note?: string;
  days: CalendarDayEntry[];
}

export interface CalendarData {
  years: Record<string, CalendarYear>;
}

export interface DayInfo {
  date: string;
  kind: DayKind;
  /** 0 = Monday … 6 = Sunday. */
  weekday: number;
  /** The holiday's name ("国庆节") or, on an adjusted working day, "国庆节调休". */
  name?: string;
  /** false when the date's year is not in the calendar: only weekends were counted. */
  yearKnown: boolean;
  /** true when the year's arrangement is not yet official (statutory days only). */
  provisional: boolean;
}

export interface Calendar {
  dayInfo(date: string): DayInfo;
  isWorkingDay(date: string): boolean;
  /** The date `count` working days after `date` (count ≥ 0; 0 returns `date` itself). */
  addWorkingDays(date: string, count: number): string;
}

const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

function parseDate(date: string): number {
  const match = DATE_PATTERN.exec(date);
  if (!match) throw new Error(`not a date: ${date}`);
  const utcMidnight = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (formatUtcDate(utcMidnight) !== date) throw new Error(`not a date: ${date}`);
  return utcMidnight;
}

function formatUtcDate(utcMs: number): string {
  return new Date(utcMs).toISOString().slice(0, 10);
}

/** Monday-based weekday (0 = Monday … 6 = Sunday) of a 'YYYY-MM-DD' date. */
export function weekdayOf(date: string): number {
  return (new Date(parseDate(date)).getUTCDay() + 6) % 7;
}

/** The date `days` days after `date` (negative goes back). */
export function shiftDate(date: string, days: number): string {
  return formatUtcDate(parseDate(date) + days * DAY_MS);
}

/** The China-local date and minute of the day of an instant. */
export function chinaLocal(instant: Date): { date: string; minuteOfDay: number } {
  const shifted = instant.getTime() + CHINA_OFFSET_MS;
  const date = formatUtcDate(shifted);
  const minuteOfDay = Math.floor((shifted - Date.parse(`${date}T00:00:00Z`)) / 60_000);
  return { date, minuteOfDay };
}

/** The instant of China-local midnight at the start of `date`. */
export function chinaMidnight(date: string): Date {
  return new Date(parseDate(date) - CHINA_OFFSET_MS);
}

export interface CalendarOptions {
  /** Called whenever a date of a year the data does not know is looked at (the server logs it once). */
  onUnknownYear?: (year: string) => void;
}

export function createCalendar(data: CalendarData, options: CalendarOptions = {}): Calendar {
  const entries = new Map<string, CalendarDayEntry>();
  for (const year of Object.values(data.years)) for (const day of year.days) entries.set(day.date, day);

  // Day kinds never change for a given calendar: remember them (opening hours ask about the same few dates all day).
  const known = new Map<string, DayInfo>();

  function dayInfo(date: string): DayInfo {
    let info = known.get(date);
    if (!info) {
      info = computeDayInfo(date);
      if (known.size > 4096) known.clear();
      known.set(date, info);
    }
    if (!info.yearKnown) options.onUnknownYear?.(date.slice(0, 4));
    return info;
  }

  function computeDayInfo(date: string): DayInfo {
    const weekday = weekdayOf(date);
    const year = data.years[date.slice(0, 4)];
    const entry = entries.get(date);
    const base = { date, weekday, yearKnown: year !== undefined, provisional: year?.status === 'provisional' };
    if (entry?.kind === 'holiday') return { ...base, kind: 'holiday', name: entry.name };
    if (entry?.kind === 'workday') return { ...base, kind: 'adjustedWorkday', name: entry.name };
    return { ...base, kind: weekday >= 5 ? 'weekend' : 'workday' };
  }

  function isWorkingDay(date: string): boolean {
    const kind = dayInfo(date).kind;
    return kind === 'workday' || kind === 'adjustedWorkday';
  }

  function addWorkingDays(date: string, count: number): string {
    if (!Number.isInteger(count) || count < 0) throw new Error(`working-day count must be a whole number ≥ 0: ${count}`);
    let current = date;
    for (let left = count; left > 0; ) {
      current = shiftDate(current, 1);
      if (isWorkingDay(current)) left -= 1;
    }
    return current;
  }

  return { dayInfo, isWorkingDay, addWorkingDays };
}

/** What a day kind reads as for users: "国庆节", "国庆节调休（上班）", "周末", "工作日". */
export function dayKindLabel(info: DayInfo): string {
  switch (info.kind) {
    case 'holiday':
      return info.name ?? '法定节假日';
    case 'adjustedWorkday':
      return `${info.name ?? '调休'}（上班）`;
    case 'weekend':
      return '周末';
    case 'workday':
      return '工作日';
  }
}

/** 'YYYY-MM' of `count` months ending with `last`, oldest first. */
export function monthsEndingWith(last: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => shiftMonth(last, i - (count - 1)));
}

/** Every date 'YYYY-MM-DD' of a month 'YYYY-MM'. */
export function datesOfMonth(month: string): string[] {
  const [year, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

/** The month 'YYYY-MM' `by` months after (negative: before) `month`. */
export function shiftMonth(month: string, by: number): string {
  const [year, m] = month.split('-').map(Number);
  const index = year * 12 + (m - 1) + by;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}
