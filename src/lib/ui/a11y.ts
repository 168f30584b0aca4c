/**
 * Accessible name for a Taro element. Mini-programs read `ariaLabel` (Taro maps it to aria-label in WXML);
 * Taro's h5 custom elements need the plain attribute, or React writes an unknown `arialabel`.
 */
export function accessibleName(label: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { 'aria-label': label } : { ariaLabel: label };
}
