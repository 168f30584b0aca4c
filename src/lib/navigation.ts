import Taro from '@tarojs/taro';

export const HOME_PATH = '/pages/home/index';
export const SERVICES_PATH = '/pages/services/index';
export const ME_PATH = '/pages/me/index';
export const LOGIN_PATH = '/features/account/pages/login/index';
export const SETTINGS_PATH = '/features/account/pages/settings/index';
export const PERSONAL_DATA_PATH = '/features/account/pages/personal/index';
export const PRIVACY_PATH = '/features/account/pages/privacy/index';
export const COMMUNITY_PICKER_PATH = '/features/account/pages/community/index';

const TAB_PATHS = [HOME_PATH, SERVICES_PATH, ME_PATH];

/** Router bookkeeping Taro adds to page params on some targets; never part of a page's own address. */
const INTERNAL_PARAMS = new Set(['$taroTimestamp', 'stamp', '__key_']);

function withLeadingSlash(path: string): string {
  return path.startsWith('/') ? path : `/${path}`;
}

export function isTabPath(url: string): boolean {
  return TAB_PATHS.includes(withLeadingSlash(url.split('?')[0]));
}

/** The current page as an app path with its query, e.g. '/features/x/pages/detail/index?id=3' ('' if unknown). */
export function currentPath(): string {
  const router = Taro.getCurrentInstance()?.router;
  if (!router?.path) return '';
  const path = withLeadingSlash(router.path.split('?')[0]);
  const query = Object.entries(router.params ?? {})
    .filter(([key, value]) => !INTERNAL_PARAMS.has(key) && value !== undefined && value !== '')
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(String(value))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** Open an app path: tab pages with switchTab (they take no query), others pushed or replacing the current page. */
export async function openPath(url: string, mode: 'push' | 'replace' = 'push'): Promise<void> {
  if (isTabPath(url)) {
    await Taro.switchTab({ url: withLeadingSlash(url.split('?')[0]) });
  } else if (mode === 'replace') {
    await Taro.redirectTo({ url });
  } else {
    await Taro.navigateTo({ url });
  }
}

/** Back, or home when there is nothing to go back to (a fresh h5 load or a shared link opens with one page). */
export async function goBack(): Promise<void> {
  if (Taro.getCurrentPages().length > 1) {
    await Taro.navigateBack();
  } else {
    await Taro.reLaunch({ url: HOME_PATH });
  }
}

/** Set while the login page is being opened: a page whose requests all fail with 401 at once opens it once. */
let openingLogin = false;

/** The login page, coming back to `redirect` (default: where the user is now) after signing in. */
export async function goToLogin(redirect: string = currentPath()): Promise<void> {
  if (redirect.startsWith(LOGIN_PATH) || openingLogin) return;
  openingLogin = true;
  const query = redirect ? `?redirect=${encodeURIComponent(redirect)}` : '';
  try {
    await Taro.navigateTo({ url: `${LOGIN_PATH}${query}` });
  } finally {
    openingLogin = false;
  }
}
