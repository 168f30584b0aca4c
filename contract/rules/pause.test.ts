import { currentPause, pauseState, pauseWords } from './pause';

const pause = { from: '2026-12-10', to: '2026-12-20', reason: '装修' };

describe('a point pause', () => {
  it('is ahead before its first day, in force on both end days, over after the last', () => {
    expect(pauseState(pause, '2026-12-09')).toBe('ahead');
    expect(pauseState(pause, '2026-12-10')).toBe('paused');
    expect(pauseState(pause, '2026-12-20')).toBe('paused');
    expect(pauseState(pause, '2026-12-21')).toBe('none');
    expect(pauseState(null, '2026-12-15')).toBe('none');
  });

  it('is dropped once over', () => {
    expect(currentPause(pause, '2026-12-09')).toEqual(pause);
    expect(currentPause(pause, '2026-12-21')).toBeNull();
  });

  it('says when it starts or until when it lasts', () => {
    expect(pauseWords(pause, '2026-12-01')).toBe('将于 12月10日起暂停营业');
    expect(pauseWords(pause, '2026-12-15')).toBe('暂停营业（至 12月20日）');
    expect(pauseWords(pause, '2027-01-05')).toBe('');
    expect(pauseWords({ from: '2027-01-01', to: '2027-01-09', reason: '' }, '2026-12-31')).toBe('将于 1月1日起暂停营业');
  });
});
