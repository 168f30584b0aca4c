/**
 * Accessible name for a Taro element. Mini-programs read `ariaLabel` (Taro maps it to aria-label in WXML);
 * Taro's h5 custom elements need the plain attribute, or React writes an unknown `arialabel`.
 */
export function accessibleName(label: string): Record<string, string> {
  return process.env.TARO_ENV === 'h5' ? { 'aria-label': label } : { ariaLabel: label };
}

/**
 * Makes a tappable View reachable by keyboard and by screen readers' focus in the browser (it is a plain element
 * there, unlike a button); mini-programs give focus through their own accessibility layer. Also lets axe-core see
 * that a scrolling page has something to focus.
 */
export function focusable(): Record<string, number> {
  return process.env.TARO_ENV === 'h5' ? { tabIndex: 0 } : {};
}
