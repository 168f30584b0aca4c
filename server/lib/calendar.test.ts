import { serverCalendar } from './calendar';

describe('serverCalendar', () => {
  it('uses the configured holidays', () => {
    const calendar = serverCalendar({ warn: () => undefined });
    expect(calendar.dayInfo('2026-10-01')).toMatchObject({ kind: 'holiday', name: '国庆节' });
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('warns once per unknown year, not for known years', () => {
    const warnings: object[] = [];
    const calendar = serverCalendar({ warn: (details) => warnings.push(details) });
    calendar.dayInfo('2026-05-01');
    calendar.dayInfo('2031-05-01');
    calendar.dayInfo('2031-05-02');
    calendar.addWorkingDays('2031-05-02', 5);
    expect(warnings).toEqual([{ year: '2031' }]);
  });
});
