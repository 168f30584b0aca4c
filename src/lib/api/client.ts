import { useSession } from '../stores/session';
import { goToLogin } from '../navigation';
import { failureOfAnswer, toApiFailure } from './failure';
import { fetchTransport } from './fetchTransport';
import { taroTransport } from './taroTransport';
import type { ApiRequest, ApiResponse, ApiTransport, Method } from './transport';

export interface RequestOptions {
  /** Query values (strings, numbers, booleans); undefined and null are left out (`cursor: cursor || undefined`). */
  params?: object;
  headers?: Record<string, string>;
  /** false: a 401 only clears the session (e.g. refreshing the profile while browsing); default true → login page. */
  loginOnUnauthorized?: boolean;
  /** 'blob': the answer is a file (h5 only), not JSON. */
  responseType?: 'blob';
}

/**
 * h5 is served by the API server itself: same origin, paths start with /api.
 * Mini-programs need an absolute origin, fixed at build time (TARO_APP_API_BASE, see config/index.ts).
 */
export function apiBaseUrl(): string {
  if (process.env.TARO_ENV === 'h5') return '';
  return process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';
}

const TIMEOUT_MS = 15_000;

function queryString(params: object | undefined): string {
  const pairs = Object.entries(params ?? {}).flatMap(([key, value]) =>
    value === undefined || value === null ? [] : [`${encodeURIComponent(key)}=${encodeURIComponent(String(value as string | number | boolean))}`],
  );
  return pairs.join('&');
}

/** JSON answers are parsed; anything else (a gateway's HTML page, an empty body) stays as it came. */
function parsed(data: unknown): unknown {
  if (typeof data !== 'string' || data === '') return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

/**
 * The app's one API client: JSON over the platform's transport, the session's Bearer token, and every failure as
 * an ApiFailure in Chinese (./failure). A 401 forgets the session and, unless the call says otherwise, opens the
 * login page. (Our own on purpose: axios cost about 60 KB of the mini-program's 500 KB main package.)
 */
export class ApiClient {
  /** Tests put a fake server here. */
  transport: ApiTransport;
  private readonly baseUrl: string;

  constructor({ transport, baseUrl = apiBaseUrl() }: { transport?: ApiTransport; baseUrl?: string } = {}) {
    this.transport = transport ?? (process.env.TARO_ENV === 'h5' ? fetchTransport : taroTransport);
    this.baseUrl = baseUrl;
  }

  get<T>(url: string, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('GET', url, undefined, options);
  }

  /** `data`: the body of a DELETE that must say something (e.g. 注销's typed confirmation). */
  delete<T>(url: string, options?: RequestOptions & { data?: unknown }): Promise<ApiResponse<T>> {
    return this.request<T>('DELETE', url, options?.data, options);
  }

  post<T>(url: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('POST', url, body, options);
  }

  put<T>(url: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', url, body, options);
  }

  patch<T>(url: string, body?: unknown, options?: RequestOptions): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', url, body, options);
  }

  private async request<T>(method: Method, url: string, body: unknown, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
    const token = useSession.getState().token;
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const query = queryString(options.params);
    const request: ApiRequest = {
      method,
      url,
      fullUrl: `${this.baseUrl}${url}${query ? `${url.includes('?') ? '&' : '?'}${query}` : ''}`,
      headers,
      data: body === undefined ? undefined : JSON.stringify(body),
      timeoutMs: TIMEOUT_MS,
      responseType: options.responseType ?? 'text',
    };
    let answer: ApiResponse;
    try {
      answer = await this.transport(request);
    } catch (error) {
      throw toApiFailure(error);
    }
    const data = request.responseType === 'blob' ? answer.data : parsed(answer.data);
    if (answer.status >= 200 && answer.status < 300) return { status: answer.status, data: data as T };
    if (answer.status === 401) {
      useSession.getState().clear();
      if (options.loginOnUnauthorized !== false) void goToLogin();
    }
    throw failureOfAnswer(answer.status, data);
  }
}

export const api = new ApiClient();
