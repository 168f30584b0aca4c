import holidays from '../../config/domain/holidays.json';
import { createCalendar, type CalendarData } from './calendar';
import {
  currentDue,
  enoughForRates,
  formatRate,
  isOverdue,
  levelWords,
  mayDeclareVisit,
  nextVisitAllowedAt,
  ratingFigures,
  ratingMonth,
  tagKindFor,
  tagProblem,
  tagsFor,
  workOrderDeadlines,
} from './rating';

const calendar = createCalendar(holidays as CalendarData);
/** China local time → instant. */
const local = (time: string) => new Date(`${time}+08:00`);

describe('levels and tags', () => {
  it('names every level in words, 5 to 1', () => {
    expect([5, 4, 3, 2, 1].map((l) => levelWords[l as 1])).toEqual(['非常满意', '满意', '基本满意', '不满意', '非常不满意']);
  });

  it('offers praise tags for 4–5 and problem tags for 1–3', () => {
    expect(tagKindFor(5)).toBe('praise');
    expect(tagKindFor(4)).toBe('praise');
    expect(tagKindFor(3)).toBe('problem');
    expect(tagsFor(1)).toContain('态度差');
    expect(tagsFor(5)).toContain('服务热情');
    expect(tagsFor(5)).not.toContain('态度差');
  });

  it('requires a problem tag for 1–2 and refuses tags of the other kind or twice', () => {
    expect(tagProblem(2, [])).toMatch(/至少选择一个问题/);
    expect(tagProblem(1, ['态度差'])).toBeNull();
    expect(tagProblem(3, [])).toBeNull();
    expect(tagProblem(5, [])).toBeNull();
    expect(tagProblem(5, ['态度差'])).toMatch(/不适用于“非常满意”/);
    expect(tagProblem(2, ['服务热情'])).toMatch(/不适用/);
    expect(tagProblem(2, ['态度差', '态度差'])).toMatch(/只能选一次/);
  });
});

describe('declared visits: one per point per 7 days', () => {
  const last = local('2026-11-20T09:00:00');
  it('refuses another declaration within 7 days and allows it from then on', () => {
    expect(mayDeclareVisit(null, last)).toBe(true);
    expect(mayDeclareVisit(last, local('2026-11-27T08:59:59'))).toBe(false);
    expect(mayDeclareVisit(last, local('2026-11-27T09:00:00'))).toBe(true);
    expect(nextVisitAllowedAt(last)).toEqual(local('2026-11-27T09:00:00'));
  });
});

describe('work-order deadlines in working days', () => {
  it('skips the weekend: a 差评 on Friday is called back on Monday', () => {
    expect(workOrderDeadlines(local('2026-11-27T15:00:00'), calendar)).toEqual({ callbackDue: '2026-11-30', feedbackDue: '2026-12-18' });
  });

  it('counts the China-local day: 23:30 on Thursday is Thursday, 00:30 on Friday is Friday', () => {
    expect(workOrderDeadlines(local('2026-11-26T23:30:00'), calendar).callbackDue).toBe('2026-11-27');
    expect(workOrderDeadlines(local('2026-11-27T00:30:00'), calendar).callbackDue).toBe('2026-11-30');
  });

  it('skips 国庆 and counts the 调休 Saturday 10-10 as a working day', () => {
    // 9-30 (Wed): 10-01…10-07 off; 10-08 (Thu) is day 1; 10-10 (Sat, 调休上班) is day 3.
    expect(workOrderDeadlines(local('2026-09-30T10:00:00'), calendar)).toEqual({ callbackDue: '2026-10-08', feedbackDue: '2026-10-27' });
    expect(workOrderDeadlines(local('2026-10-09T10:00:00'), calendar).callbackDue).toBe('2026-10-10');
    expect(workOrderDeadlines(local('2026-10-03T10:00:00'), calendar).callbackDue).toBe('2026-10-08');
  });

  it('takes the numbers of days from configuration when given', () => {
    expect(workOrderDeadlines(local('2026-11-26T10:00:00'), calendar, { callback: 2, feedback: 5 })).toEqual({
      callbackDue: '2026-11-30',
      feedbackDue: '2026-12-03',
    });
  });

  it('is overdue once the due day has ended in China, and never after feedback', () => {
    const deadlines = { callbackDue: '2026-11-30', feedbackDue: '2026-12-18' };
    expect(currentDue('awaiting_callback', deadlines)).toBe('2026-11-30');
    expect(currentDue('handling', deadlines)).toBe('2026-12-18');
    expect(currentDue('feedback_given', deadlines)).toBeNull();
    expect(isOverdue('2026-11-30', local('2026-11-30T23:59:59'))).toBe(false);
    expect(isOverdue('2026-11-30', local('2026-12-01T00:00:00'))).toBe(true);
    expect(isOverdue(null, local('2030-01-01T00:00:00'))).toBe(false);
  });
});

describe('figures', () => {
  it('computes 好评率, 满意率 and the mean over ratings not removed by an upheld appeal', () => {
    const f = ratingFigures([
      { level: 5, excluded: false },
      { level: 4, excluded: false },
      { level: 3, excluded: false },
      { level: 2, excluded: false, feedbackOn: '2026-11-10', feedbackDue: '2026-11-12' },
      { level: 1, excluded: false, feedbackOn: '2026-11-20', feedbackDue: '2026-11-12' },
      { level: 1, excluded: false, feedbackOn: null, feedbackDue: '2026-12-12' },
      { level: 1, excluded: true, feedbackOn: null, feedbackDue: '2026-12-12' },
    ]);
    expect(f.n).toBe(6);
    expect(f.counts).toEqual([2, 1, 1, 1, 1]);
    expect(f.goodRate).toBeCloseTo(2 / 6);
    expect(f.satisfiedRate).toBeCloseTo(3 / 6);
    expect(f.mean).toBeCloseTo(16 / 6);
    expect(f.badCount).toBe(3);
    expect(f.fixedRate).toBeCloseTo(2 / 3);
    expect(f.onTimeRate).toBeCloseTo(1 / 3);
  });

  it('has no rates without ratings, and publishes them from 5 ratings on', () => {
    expect(ratingFigures([]).goodRate).toBeNull();
    expect(ratingFigures([]).fixedRate).toBeNull();
    expect(enoughForRates(4)).toBe(false);
    expect(enoughForRates(5)).toBe(true);
    expect(formatRate(5 / 6)).toBe('83.3%');
    expect(formatRate(1)).toBe('100%');
    expect(formatRate(null)).toBe('—');
  });

  it('files a rating under its China-local month', () => {
    expect(ratingMonth(new Date('2026-10-31T16:30:00Z'))).toBe('2026-11');
  });
});
