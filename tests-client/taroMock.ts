/**
 * Hand-written stand-in for @tarojs/taro in jest (mapped in jest.client.config.js). Storage is an in-memory
 * map, navigation and native UI are jest.fn()s to assert on, the current route is set by tests.
 * Only what the app and NutUI call is here; a missing API fails loudly as "not a function".
 */
const storage = new Map<string, unknown>();
let router: { path: string; params: Record<string, string> } = { path: '/pages/home/index', params: {} };
let pageStackDepth = 1;

export const ENV_TYPE = { WEAPP: 'WEAPP', WEB: 'WEB', RN: 'RN' } as const;

const resolved = () => jest.fn(async () => ({ errMsg: 'ok' }));

export const taroMock = {
  ENV_TYPE,
  getEnv: () => ENV_TYPE.WEB,
  getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),
  clearStorageSync: () => storage.clear(),
  getAppBaseInfo: jest.fn((): Record<string, unknown> => ({})),
  getSystemInfoSync: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 3, platform: 'devtools' }),
  getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, pixelRatio: 3 }),
  getCurrentInstance: () => ({ router, page: null }),
  getCurrentPages: () => Array.from({ length: pageStackDepth }, () => ({ route: router.path.replace(/^\//, '') })),
  navigateTo: resolved(),
  redirectTo: resolved(),
  switchTab: resolved(),
  reLaunch: resolved(),
  navigateBack: resolved(),
  showToast: resolved(),
  showModal: jest.fn(async () => ({ confirm: true, cancel: false })),
  makePhoneCall: resolved(),
  login: jest.fn(async () => ({ code: 'test-code', errMsg: 'login:ok' })),
  request: jest.fn(),
  onNeedPrivacyAuthorization: jest.fn(),
  createSelectorQuery: () => {
    const query = {
      select: () => query,
      selectAll: () => query,
      selectViewport: () => query,
      boundingClientRect: () => query,
      scrollOffset: () => query,
      fields: () => query,
      exec: (callback?: (result: unknown[]) => void) => callback?.([]),
    };
    return query;
  },
  nextTick: (callback: () => void) => setTimeout(callback, 0),
  pxTransform: (size: number) => `${size / 2}px`,
  eventCenter: { on: jest.fn(), off: jest.fn(), trigger: jest.fn() },
};

/** Test helpers (not part of Taro). */
export const taroTestControl = {
  setRoute(path: string, params: Record<string, string> = {}, depth = 1) {
    router = { path, params };
    pageStackDepth = depth;
  },
  storage,
  reset() {
    storage.clear();
    router = { path: '/pages/home/index', params: {} };
    pageStackDepth = 1;
    jest.clearAllMocks();
    taroMock.getAppBaseInfo.mockImplementation(() => ({}));
    taroMock.showModal.mockImplementation(async () => ({ confirm: true, cancel: false }));
  },
};

export const useRouter = () => router;
export const useLaunch = () => undefined;
export const useDidShow = () => undefined;
export const useDidHide = () => undefined;
export const useReady = () => undefined;
export const usePullDownRefresh = () => undefined;
export const useReachBottom = () => undefined;
export const usePageScroll = () => undefined;
export const useUnload = () => undefined;

export const {
  getEnv,
  getStorageSync,
  setStorageSync,
  removeStorageSync,
  clearStorageSync,
  getAppBaseInfo,
  getSystemInfoSync,
  getWindowInfo,
  getCurrentInstance,
  getCurrentPages,
  navigateTo,
  redirectTo,
  switchTab,
  reLaunch,
  navigateBack,
  showToast,
  showModal,
  makePhoneCall,
  login,
  request,
  createSelectorQuery,
  nextTick,
  pxTransform,
  eventCenter,
} = taroMock;

export default taroMock;
