import axios, { type AxiosAdapter, type AxiosInstance, type InternalAxiosRequestConfig } from 'axios';
import { useSession } from '../stores/session';
import { goToLogin } from '../navigation';
import { ApiFailure, toApiFailure } from './failure';
import { taroRequestAdapter } from './taroAdapter';

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

function attachToken(config: InternalAxiosRequestConfig): InternalAxiosRequestConfig {
  const token = useSession.getState().token;
  if (token) config.headers.set('Authorization', `Bearer ${token}`);
  return config;
}

/** Builds the app's one API client (exported for tests, which pass a fake transport). */
export function createApiClient({
  adapter = process.env.TARO_ENV === 'h5' ? undefined : taroRequestAdapter,
  baseURL = apiBaseUrl(),
}: { adapter?: AxiosAdapter; baseURL?: string } = {}): AxiosInstance {
  const client = axios.create({ baseURL, timeout: 15_000, adapter });
  client.interceptors.request.use(attachToken);
  client.interceptors.response.use(undefined, (error: unknown): Promise<never> => {
    const failure: ApiFailure = toApiFailure(error);
    if (failure.status === 401) {
      useSession.getState().clear();
      const config = axios.isAxiosError(error) ? error.config : undefined;
      if (config?.loginOnUnauthorized !== false) void goToLogin();
    }
    return Promise.reject(failure);
  });
  return client;
}

export const api = createApiClient();
