import { createCalendar, type CalendarData } from '@contract/rules/calendar';
import holidays from '../../../config/domain/holidays.json';
import { dueDateFor, isOverdue, outcomeMessage } from './queue';

const calendar = createCalendar(holidays as CalendarData);

describe('the reports queue', () => {
  it('gives three working days, skipping the weekend', () => {
    // Thursday 2026-11-26 → Fri, Mon, Tue.
    expect(dueDateFor(calendar, '2026-11-26')).toBe('2026-12-01');
  });

  it('skips a public holiday and counts a 调休 working Saturday', () => {
    // 2026 National Day: 10-01…10-07 off, Saturday 10-10 worked: Wed 09-30 → Thu 10-08, Fri 10-09, Sat 10-10.
    expect(dueDateFor(calendar, '2026-09-30')).toBe('2026-10-10');
  });

  it('is overdue only while open after the due date', () => {
    expect(isOverdue('open', '2026-12-01', '2026-12-01')).toBe(false);
    expect(isOverdue('open', '2026-12-01', '2026-12-02')).toBe(true);
    expect(isOverdue('handled', '2026-12-01', '2026-12-09')).toBe(false);
  });

  it('tells the reporter the outcome in words', () => {
    const message = outcomeMessage('新市社区老年食堂', 'phone', 'corrected', '电话已改为 0439-1234567');
    expect(message.body).toContain('电话打不通');
    expect(message.body).toContain('已更正');
    expect(message.body).toContain('0439-1234567');
  });

  it('closes the worker\'s note as a sentence and says when the point is paused', () => {
    const message = outcomeMessage('新市修鞋配钥匙', 'closed', 'confirmed', '装修到 20 日', { words: '暂停营业（至 12月20日）' });
    expect(message.body).toBe('您反馈的「新市修鞋配钥匙」关门了，社区已处理：核实无误。该点暂停营业（至 12月20日）。说明：装修到 20 日。谢谢您帮大家把信息弄准。');
    expect(outcomeMessage('新市修鞋配钥匙', 'closed', 'confirmed', '已核实！').body).toContain('说明：已核实！谢谢');
  });
});
