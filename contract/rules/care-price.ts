/**
 * The price of a care booking after subsidies (DOMAIN.md §4). The rules are data (config/domain/care.json):
 * each names the services it covers, who qualifies and what it takes off. Pure; the client shows the same
 * figure before confirming that the server then records.
 */
import careConfig from '../../config/domain/care.json';

export type CareServiceKind = 'meal' | 'bath' | 'cleaning' | 'medical' | 'mobility';

export interface SubsidyRule {
  id: string;
  label: string;
  services: string[];
  /** Qualifies when ANY of these holds. */
  when: { anyClass?: string[]; dibao?: boolean; minAge?: number };
  off: { fen?: number; all?: boolean };
}

export interface PriceInput {
  kind: CareServiceKind;
  /** The service's own price, in fen. */
  priceFen: number;
  /** Added for 送餐 (meals delivered), in fen; 0 otherwise. */
  deliveryFeeFen: number;
  elder: { classes: readonly string[]; dibao: boolean; birthDate: string };
  /** The service date 'YYYY-MM-DD' (age counts on that day). */
  date: string;
}

export interface PriceBreakdown {
  priceFen: number;
  deliveryFeeFen: number;
  /** What each matching rule takes off, in rule order; the last may be cut so the total never goes below zero. */
  subsidies: Array<{ id: string; label: string; amountFen: number }>;
  subsidyFen: number;
  /** What the booker pays. */
  payableFen: number;
}

/** Whole years between a birth date and a date ('YYYY-MM-DD'); the birthday itself counts (80 on the day). */
export function ageOn(birthDate: string, date: string): number {
  const years = Number(date.slice(0, 4)) - Number(birthDate.slice(0, 4));
  return date.slice(5) >= birthDate.slice(5) ? years : years - 1;
}

function qualifies(rule: SubsidyRule, elder: PriceInput['elder'], age: number): boolean {
  const { anyClass, dibao, minAge } = rule.when;
  if (anyClass?.some((c) => elder.classes.includes(c))) return true;
  if (dibao === true && elder.dibao) return true;
  return minAge !== undefined && age >= minAge;
}

export const subsidyRules: SubsidyRule[] = careConfig.subsidies;

/** The price after every matching subsidy, never below zero. */
export function priceAfterSubsidy(input: PriceInput, rules: readonly SubsidyRule[] = subsidyRules): PriceBreakdown {
  const total = input.priceFen + input.deliveryFeeFen;
  const age = ageOn(input.elder.birthDate, input.date);
  const subsidies: PriceBreakdown['subsidies'] = [];
  let left = total;
  for (const rule of rules) {
    if (left <= 0) break;
    if (!rule.services.includes(input.kind) || !qualifies(rule, input.elder, age)) continue;
    const amountFen = Math.min(rule.off.all ? left : (rule.off.fen ?? 0), left);
    if (amountFen <= 0) continue;
    subsidies.push({ id: rule.id, label: rule.label, amountFen });
    left -= amountFen;
  }
  return { priceFen: input.priceFen, deliveryFeeFen: input.deliveryFeeFen, subsidies, subsidyFen: total - left, payableFen: left };
}

/** 1234 → '12.34 元', 500 → '5 元', 0 → '0 元' (免费 is the caller's word to choose). */
export function formatYuan(fen: number): string {
  const yuan = Math.floor(Math.abs(fen) / 100);
  const cents = Math.abs(fen) % 100;
  const sign = fen < 0 ? '-' : '';
  return cents === 0 ? `${sign}${yuan} 元` : `${sign}${yuan}.${String(cents).padStart(2, '0')} 元`;
}
