import holidays from '../../config/domain/holidays.json';
import { createCalendar, type CalendarData } from './calendar';
import { formatIntervals, isOpenAllDay, openStatusAt, type OpeningHours } from './opening-hours';

const calendar = createCalendar(holidays as CalendarData);
/** China local time → instant. */
const at = (local: string) => new Date(`${local}+08:00`);

const office: OpeningHours = {
  weekly: {
    mon: [{ open: '08:30', close: '11:30' }, { open: '13:00', close: '17:00' }],
    tue: [{ open: '08:30', close: '17:00' }],
    wed: [{ open: '08:30', close: '17:00' }],
    thu: [{ open: '08:30', close: '17:00' }],
    fri: [{ open: '08:30', close: '17:00' }],
    sat: [{ open: '09:00', close: '12:00' }],
    sun: [],
  },
  holiday: [],
};

const nightStall: OpeningHours = {
  weekly: {
    mon: [],
    tue: [{ open: '18:00', close: '02:00' }],
    wed: [{ open: '18:00', close: '02:00' }],
    thu: [{ open: '18:00', close: '02:00' }],
    fri: [{ open: '18:00', close: '02:00' }],
    sat: [{ open: '18:00', close: '02:00' }],
    sun: [{ open: '18:00', close: '02:00' }],
  },
  holiday: [{ open: '18:00', close: '02:00' }],
};

const allDay = { open: '00:00', close: '24:00' };
const pharmacy24: OpeningHours = {
  weekly: { mon: [allDay], tue: [allDay], wed: [allDay], thu: [allDay], fri: [allDay], sat: [allDay], sun: [allDay] },
  holiday: [allDay],
};

describe('openStatusAt', () => {
  it('is open inside a weekday interval and says when it closes', () => {
    const status = openStatusAt(office, at('2026-11-24T10:00:00'), calendar); // Tuesday
    expect(status).toEqual({ open: true, closesAt: at('2026-11-24T17:00:00'), nextOpenAt: null });
  });

  it('is closed over the lunch break and reopens after it', () => {
    const status = openStatusAt(office, at('2026-11-23T12:00:00'), calendar); // Monday
    expect(status).toEqual({ open: false, closesAt: null, nextOpenAt: at('2026-11-23T13:00:00') });
  });

  it('treats the closing minute as closed', () => {
    expect(openStatusAt(office, at('2026-11-24T17:00:00'), calendar).open).toBe(false);
    expect(openStatusAt(office, at('2026-11-24T16:59:00'), calendar).open).toBe(true);
  });

  it('is closed on Sunday and next opens on Monday morning', () => {
    const status = openStatusAt(office, at('2026-11-29T10:00:00'), calendar);
    expect(status).toEqual({ open: false, closesAt: null, nextOpenAt: at('2026-11-30T08:30:00') });
  });

  it('uses holiday hours on 国庆 and skips the whole holiday for the next opening', () => {
    const status = openStatusAt(office, at('2026-10-01T10:00:00'), calendar); // a Thursday, but 国庆节
    expect(status.open).toBe(false);
    expect(status.nextOpenAt).toEqual(at('2026-10-08T08:30:00'));
  });

  it("uses Monday's hours on a 调休 Saturday", () => {
    // 2026-10-10 is a Saturday worked for 国庆: Monday hours (lunch break) instead of 09:00–12:00.
    expect(openStatusAt(office, at('2026-10-10T14:00:00'), calendar).open).toBe(true);
    expect(openStatusAt(office, at('2026-10-10T12:30:00'), calendar).open).toBe(false);
    // An ordinary Saturday keeps its own hours.
    expect(openStatusAt(office, at('2026-10-17T14:00:00'), calendar).open).toBe(false);
  });

  it('keeps an interval open past midnight into the next day', () => {
    // Tuesday 01:00: Monday is closed, so nothing carries over.
    expect(openStatusAt(nightStall, at('2026-11-24T01:00:00'), calendar).open).toBe(false);
    // Wednesday 01:00 continues Tuesday's 18:00–02:00.
    const status = openStatusAt(nightStall, at('2026-11-25T01:00:00'), calendar);
    expect(status).toEqual({ open: true, closesAt: at('2026-11-25T02:00:00'), nextOpenAt: null });
    expect(openStatusAt(nightStall, at('2026-11-25T02:00:00'), calendar).nextOpenAt).toEqual(at('2026-11-25T18:00:00'));
  });

  it('reports a 24-hour point as open with no closing time', () => {
    expect(openStatusAt(pharmacy24, at('2026-10-01T03:00:00'), calendar)).toEqual({
      open: true,
      closesAt: null,
      nextOpenAt: null,
    });
    expect(isOpenAllDay(pharmacy24)).toBe(true);
    expect(isOpenAllDay(office)).toBe(false);
  });

  it('has no next opening when a point never opens', () => {
    const closed: OpeningHours = { weekly: { ...office.weekly, mon: [], tue: [], wed: [], thu: [], fri: [], sat: [] }, holiday: [] };
    expect(openStatusAt(closed, at('2026-11-24T10:00:00'), calendar)).toEqual({ open: false, closesAt: null, nextOpenAt: null });
  });
});

describe('formatting', () => {
  it('formats intervals in Chinese', () => {
    expect(formatIntervals(office.weekly.mon)).toBe('08:30–11:30、13:00–17:00');
    expect(formatIntervals(nightStall.weekly.tue)).toBe('18:00–次日02:00');
    expect(formatIntervals([allDay])).toBe('全天');
    expect(formatIntervals([])).toBe('休息');
  });
});
