/**
 * The 居民身份证 number (GB 11643-1999): 6-digit area code, 8-digit birth date, 3-digit sequence (odd for
 * men, even for women) and an ISO 7064 MOD 11-2 check character (0–9 or X). Pure; shared by the form
 * (refuse before sending) and the server (the rule that counts).
 */

export type Sex = 'male' | 'female';

/** ID types the national volunteer system takes (《志愿服务条例》 Art. 7: real name and a valid ID). */
export const idTypes = ['resident', 'hk-macao', 'taiwan', 'foreign-permanent', 'passport'] as const;
export type IdType = (typeof idTypes)[number];
export const idTypeLabels: Record<IdType, string> = {
  resident: '居民身份证',
  'hk-macao': '港澳居民来往内地通行证',
  taiwan: '台湾居民来往大陆通行证',
  'foreign-permanent': '外国人永久居留身份证',
  passport: '护照',
};

export type IdNumberProblem = 'length' | 'format' | 'date' | 'checkDigit';

export type IdNumberCheck =
  | { ok: true; /** Normalised: upper-case X. */ value: string; birthDate: string; sex: Sex }
  | { ok: false; problem: IdNumberProblem; message: string };

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARACTERS = '10X98765432';

const messages: Record<IdNumberProblem, string> = {
  length: '应为 18 位',
  format: '前 17 位应为数字，最后一位为数字或 X',
  date: '其中的出生日期不存在，请核对',
  checkDigit: '校验位不对，请逐位核对',
};

/** The check character of the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARACTERS[sum % 11];
}

/** True when 'YYYY-MM-DD' names a day that exists (2023-02-29 does not). */
export function isRealDate(date: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const parsed = new Date(`${date}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === date;
}

/**
 * Checks a 居民身份证 number. `today` ('YYYY-MM-DD', China time) bounds the birth date: nobody is born
 * after today or before 1900.
 */
export function checkResidentIdNumber(input: string, today: string): IdNumberCheck {
  const value = input.trim().toUpperCase();
  const fail = (problem: IdNumberProblem): IdNumberCheck => ({ ok: false, problem, message: messages[problem] });
  if (value.length !== 18) return fail('length');
  if (!/^\d{17}[\dX]$/.test(value)) return fail('format');
  const birthDate = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  if (!isRealDate(birthDate) || birthDate > today || birthDate < '1900-01-01') return fail('date');
  if (checkCharacter(value.slice(0, 17)) !== value[17]) return fail('checkDigit');
  return { ok: true, value, birthDate, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' };
}
