import { checkCharacter, checkResidentIdNumber, isRealDate } from './id-number';

const TODAY = '2026-11-26';

describe('checkResidentIdNumber (GB 11643)', () => {
  it('accepts a valid number and derives birth date and sex', () => {
    // 11010519491231002X is the standard's own worked example (a woman born 1949-12-31).
    expect(checkResidentIdNumber('11010519491231002X', TODAY)).toEqual({
      ok: true,
      value: '11010519491231002X',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    const man = checkResidentIdNumber('220681198503150018', TODAY);
    expect(man).toMatchObject({ ok: true, birthDate: '1985-03-15', sex: 'male' });
  });

  it('computes the check character with the MOD 11-2 weights', () => {
    expect(checkCharacter('11010519491231002')).toBe('X');
    expect(checkCharacter('22068119850315001')).toBe('8');
  });

  it('accepts a lower-case x and normalises it', () => {
    expect(checkResidentIdNumber(' 11010519491231002x ', TODAY)).toMatchObject({ ok: true, value: '11010519491231002X' });
  });

  it('refuses a wrong check digit', () => {
    expect(checkResidentIdNumber('110105194912310021', TODAY)).toMatchObject({ ok: false, problem: 'checkDigit' });
    expect(checkResidentIdNumber('220681198503150019', TODAY)).toMatchObject({ ok: false, problem: 'checkDigit' });
  });

  it('refuses X anywhere but last, and other letters', () => {
    expect(checkResidentIdNumber('1101051949123100X2', TODAY)).toMatchObject({ ok: false, problem: 'format' });
    expect(checkResidentIdNumber('11010519491231002Y', TODAY)).toMatchObject({ ok: false, problem: 'format' });
  });

  it('refuses a wrong length (15-digit old numbers too)', () => {
    expect(checkResidentIdNumber('11010519491231002', TODAY)).toMatchObject({ ok: false, problem: 'length', message: '应为 18 位' });
    expect(checkResidentIdNumber('110105491231002', TODAY)).toMatchObject({ ok: false, problem: 'length' });
    expect(checkResidentIdNumber('', TODAY)).toMatchObject({ ok: false, problem: 'length' });
  });

  it('refuses an impossible or future birth date even with a matching check digit', () => {
    const feb30 = '22068119900230001';
    expect(checkResidentIdNumber(feb30 + checkCharacter(feb30), TODAY)).toMatchObject({ ok: false, problem: 'date' });
    const future = '22068120301201001';
    expect(checkResidentIdNumber(future + checkCharacter(future), TODAY)).toMatchObject({ ok: false, problem: 'date' });
    const ancient = '22068118991201001';
    expect(checkResidentIdNumber(ancient + checkCharacter(ancient), TODAY)).toMatchObject({ ok: false, problem: 'date' });
  });
});

describe('isRealDate', () => {
  it('knows leap years', () => {
    expect(isRealDate('2024-02-29')).toBe(true);
    expect(isRealDate('2023-02-29')).toBe(false);
    expect(isRealDate('2023-13-01')).toBe(false);
  });
});
