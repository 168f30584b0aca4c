import { ageBand, ageOn, needsGuardian } from './volunteer-age';

describe('ageOn', () => {
  it('counts full years, the birthday itself included', () => {
    expect(ageOn('2012-11-26', '2026-11-26')).toBe(14);
    expect(ageOn('2012-11-27', '2026-11-26')).toBe(13);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
});

describe('ageBand', () => {
  it('refuses under 10, accompanies 10–13, needs a guardian 14–17, adult from 18', () => {
    expect(ageBand(9)).toBe('tooYoung');
    expect(ageBand(10)).toBe('accompanied');
    expect(ageBand(13)).toBe('accompanied');
    expect(ageBand(14)).toBe('guardian');
    expect(ageBand(17)).toBe('guardian');
    expect(ageBand(18)).toBe('adult');
  });

  it('asks for a guardian from 10 to 17 only', () => {
    expect(needsGuardian('accompanied')).toBe(true);
    expect(needsGuardian('guardian')).toBe(true);
    expect(needsGuardian('adult')).toBe(false);
    expect(needsGuardian('tooYoung')).toBe(false);
  });
});
