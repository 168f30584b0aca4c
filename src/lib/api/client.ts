import axios, { AxiosError, type AxiosResponse, type InternalAxiosRequestConfig } from 'axios';
import { useSession } from '../stores/session';
import { goToLogin } from '../navigation';
import { failureOfAnswer, notOurApi, toApiFailure } from './failure';
import { taroAdapter } from './taroAdapter';

declare module 'axios' {
  interface AxiosRequestConfig {
    /** false: a 401 only clears the session (e.g. refreshing the profile while browsing); default true → login page. */
    loginOnUnauthorized?: boolean;
  }
}

/**
 * h5 is served by the API server itself: same origin, paths start with /api.
 * Mini-programs need an absolute origin, fixed at build time (TARO_APP_API_BASE, see config/index.ts).
 */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
}

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** A fresh Idempotency-Key: 32 random hex characters (mini-programs have no crypto.randomUUID). */
export function newIdempotencyKey(): string {
  return Array.from({ length: 4 }, () => Math.floor(Math.random() * 0x100000000).toString(16).padStart(8, '0')).join('');
}

/**
 * Every request carries the session's Bearer token, and every write an Idempotency-Key: set once on the config, so
 * sending the same config again (`api.request(failure.config)`) repeats the key and the server answers it once.
 * A caller whose retries span page loads (the booking draft) passes its own key.
 */
function signAndKey(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
  const token = useSession.getState().token;
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  if (MUTATING.has(config.method ?? '') && !config.headers.has('Idempotency-Key')) config.headers.set('Idempotency-Key', newIdempotencyKey());
  return config;
}

/** A 2xx answer that should be JSON but is not (a captive portal's page, a proxy's HTML) is not our API's answer. */
function expectJson(response: AxiosResponse): AxiosResponse {
  const asText = typeof response.data === 'string' && response.data.trim() !== '';
  if (asText && (response.config.responseType ?? 'json') === 'json') throw notOurApi(response.status);
  return response;
}

/** Every failure as the one ApiFailure the pages show (./failure); a 401 forgets the session and, unless asked not to, opens the login page. */
function asFailure(error: unknown): Promise<never> {
  const response = error instanceof AxiosError ? error.response : undefined;
  if (response?.status === 401) {
    useSession.getState().clear();
    if (response.config.loginOnUnauthorized !== false) void goToLogin();
  }
  const failure = response ? failureOfAnswer(response.status, response.data) : toApiFailure(error);
  if (error instanceof AxiosError) failure.config = error.config;
  return Promise.reject(failure);
}

/**
 * The app's one HTTP client: axios, with its own XHR adapter on h5 and Taro.request on mini-programs. Pages and
 * hooks call `api.get/post/…` and get `{ data }`; tests put a fake server in `api.defaults.adapter`.
 */
export const api = axios.create({
  baseURL: apiBaseUrl(),
  timeout: 15_000,
  headers: { Accept: 'application/json' },
  adapter: process.env.TARO_ENV === 'h5' ? undefined : taroAdapter,
});
// Synchronous (it is): axios then sends the request in the caller's own task instead of a later microtask — the
// 服务 tab's early list request (earlyStart.ts) leaves before the page's first render rather than after it.
api.interceptors.request.use(signAndKey, undefined, { synchronous: true });
api.interceptors.response.use(expectJson, asFailure);
