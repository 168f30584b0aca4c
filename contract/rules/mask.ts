/**
 * Masking of personal data for display, shared by the client and the server.
 * Formats follow the product's words: 张**, 139****5678, 2206**********1234.
 */

/** Keep the first 4 and last 4 characters of an ID number: 220681199001011234 → 2206**********1234. */
export function maskIdNumber(idNumber: string): string {
  const value = idNumber.trim();
  if (value.length <= 8) return '*'.repeat(value.length);
  return value.slice(0, 4) + '*'.repeat(value.length - 8) + value.slice(-4);
}

/** Keep the first 3 and last 4 digits of a mobile number: 13912345678 → 139****5678. */
export function maskPhone(phone: string): string {
  const value = phone.trim();
  if (value.length <= 7) return value.length <= 4 ? '*'.repeat(value.length) : '*'.repeat(value.length - 4) + value.slice(-4);
  return value.slice(0, 3) + '*'.repeat(value.length - 7) + value.slice(-4);
}

/** Keep the family name (first character): 张三丰 → 张**, 李四 → 李*. */
export function maskName(name: string): string {
  const chars = Array.from(name.trim());
  if (chars.length === 0) return '';
  return chars[0] + '*'.repeat(Math.max(chars.length - 1, 1));
}
