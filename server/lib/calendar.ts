/**
 * The server's working-day calendar: config/domain/holidays.json through the pure rules of
 * contract/rules/calendar.ts. A date in a year the file does not know counts weekends only;
 * that is logged once per year and process, so an operator notices the file needs the new year.
 */
import holidays from '../../config/domain/holidays.json';
import { createCalendar, type Calendar, type CalendarData } from '@contract/rules/calendar';

const warnedYears = new Set<string>();

export interface WarnLogger {
  warn(details: object, message: string): void;
}

/** The calendar; the first look at a date of an unknown year is logged through `log`. */
export function serverCalendar(log: WarnLogger): Calendar {
  return createCalendar(holidays as CalendarData, {
    onUnknownYear(year) {
      if (warnedYears.has(year)) return;
      warnedYears.add(year);
      log.warn({ year }, 'holiday calendar has no entry for this year: counting weekends only (update config/domain/holidays.json)');
    },
  });
}
