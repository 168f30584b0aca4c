import { ageOn, formatYuan, priceAfterSubsidy, type PriceInput, type SubsidyRule } from './care-price';

const DATE = '2026-11-27';
const meal = (elder: Partial<PriceInput['elder']>, deliveryFeeFen = 0): PriceInput => ({
  kind: 'meal',
  priceFen: 1500,
  deliveryFeeFen,
  elder: { classes: [], dibao: false, birthDate: '1960-01-01', ...elder },
  date: DATE,
});
const care = (kind: PriceInput['kind'], elder: Partial<PriceInput['elder']>): PriceInput => ({
  ...meal(elder),
  kind,
  priceFen: 5000,
});

describe('age', () => {
  it('counts whole years, the birthday itself included', () => {
    expect(ageOn('1946-11-27', '2026-11-27')).toBe(80);
    expect(ageOn('1946-11-28', '2026-11-27')).toBe(79);
    expect(ageOn('1944-03-08', '2026-11-27')).toBe(82);
  });
});

describe('meal subsidies (config/domain/care.json)', () => {
  it('charges the full price to an elder who qualifies for nothing', () => {
    expect(priceAfterSubsidy(meal({}))).toEqual({ priceFen: 1500, deliveryFeeFen: 0, subsidies: [], subsidyFen: 0, payableFen: 1500 });
  });

  it('takes 5 元 off from the 80th birthday on', () => {
    expect(priceAfterSubsidy(meal({ birthDate: '1946-11-27' })).payableFen).toBe(1000);
    expect(priceAfterSubsidy(meal({ birthDate: '1946-11-28' })).payableFen).toBe(1500);
  });

  it('gives 特困 and 低保 elders meals free, delivery included, once (not also the age discount)', () => {
    for (const elder of [{ classes: ['extreme-poverty'] }, { dibao: true }, { classes: ['extreme-poverty'], dibao: true, birthDate: '1940-01-01' }]) {
      const price = priceAfterSubsidy(meal(elder, 300));
      expect(price.payableFen).toBe(0);
      expect(price.subsidyFen).toBe(1800);
      expect(price.subsidies).toEqual([{ id: 'meal-free-poverty', label: '特困、低保老人助餐免费', amountFen: 1800 }]);
    }
  });

  it('does not subsidise meals for classes without a meal rule (独居, 失能)', () => {
    expect(priceAfterSubsidy(meal({ classes: ['living-alone', 'disabled'] })).payableFen).toBe(1500);
  });

  it('takes the age discount off a delivered meal, fee included', () => {
    const price = priceAfterSubsidy(meal({ birthDate: '1944-03-08', classes: ['advanced-age', 'living-alone'] }, 300));
    expect(price).toMatchObject({ priceFen: 1500, deliveryFeeFen: 300, subsidyFen: 500, payableFen: 1300 });
  });
});

describe('care service subsidies', () => {
  it('adds up the rules that match: 失能 20 元 + 低保 15 元', () => {
    expect(priceAfterSubsidy(care('bath', { classes: ['disabled'] })).payableFen).toBe(3000);
    expect(priceAfterSubsidy(care('cleaning', { dibao: true })).payableFen).toBe(3500);
    const both = priceAfterSubsidy(care('medical', { classes: ['severely-disabled'], dibao: true }));
    expect(both.subsidies.map((s) => [s.id, s.amountFen])).toEqual([
      ['care-disabled', 2000],
      ['care-poverty', 1500],
    ]);
    expect(both.payableFen).toBe(1500);
  });

  it('gives no age discount on care services (the age rule names meals only)', () => {
    expect(priceAfterSubsidy(care('mobility', { birthDate: '1930-01-01', classes: ['advanced-age'] })).payableFen).toBe(5000);
  });

  it('never goes below zero, cutting the last rule', () => {
    const price = priceAfterSubsidy({ ...care('bath', { classes: ['disabled'], dibao: true }), priceFen: 2500 });
    expect(price.subsidies.map((s) => s.amountFen)).toEqual([2000, 500]);
    expect(price.payableFen).toBe(0);
  });

  it('follows whatever rules the configuration holds', () => {
    const rules: SubsidyRule[] = [{ id: 'x', label: '留守老人每次 1 元', services: ['cleaning'], when: { anyClass: ['left-behind'] }, off: { fen: 100 } }];
    expect(priceAfterSubsidy(care('cleaning', { classes: ['left-behind'] }), rules).payableFen).toBe(4900);
    expect(priceAfterSubsidy(care('cleaning', { classes: ['empty-nest'] }), rules).payableFen).toBe(5000);
  });
});

describe('formatYuan', () => {
  it('writes fen as 元 without needless decimals', () => {
    expect(formatYuan(1500)).toBe('15 元');
    expect(formatYuan(1250)).toBe('12.50 元');
    expect(formatYuan(5)).toBe('0.05 元');
    expect(formatYuan(0)).toBe('0 元');
  });
});
