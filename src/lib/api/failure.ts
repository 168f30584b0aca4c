import type { InternalAxiosRequestConfig } from 'axios';
import type { ErrorBody, ErrorCode } from '@contract/errors';

export const NETWORK_MESSAGE = '网络不给力，请稍后重试';
const SERVER_TROUBLE_MESSAGE = '服务暂时出了点问题，请稍后重试';
const UNAVAILABLE_MESSAGE = '服务暂时连不上，请稍后重试';

/**
 * Every failed API call rejects with this: a Chinese message to show as is, the server's error code,
 * `fields` (field path → message) for forms, and whether trying again may help (network, 5xx, 429).
 */
export class ApiFailure extends Error {
  readonly status: number | null;
  /** The server's code; NETWORK = no answer at all; UNAVAILABLE = an answer, but not from our API (proxy, static server). */
  readonly code: ErrorCode | 'NETWORK' | 'UNAVAILABLE';
  readonly fields: Record<string, string> | undefined;
  readonly retryable: boolean;
  /** The request that failed, as sent (its Idempotency-Key included): `api.request(failure.config)` retries it as is. */
  config?: InternalAxiosRequestConfig;

  constructor(options: {
    message: string;
    status: number | null;
    code: ApiFailure['code'];
    fields?: Record<string, string>;
    retryable: boolean;
  }) {
    super(options.message);
    this.name = 'ApiFailure';
    this.status = options.status;
    this.code = options.code;
    this.fields = options.fields;
    this.retryable = options.retryable;
  }
}

function errorBodyOf(data: unknown): ErrorBody['error'] | null {
  const error = (data as Partial<ErrorBody> | null | undefined)?.error;
  return error && typeof error.message === 'string' && typeof error.code === 'string' ? error : null;
}

/** What a failed call tells the user: an ApiFailure as it is; anything else (offline, timeout, refused) is 网络不给力. */
export function toApiFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  return new ApiFailure({ message: NETWORK_MESSAGE, status: null, code: 'NETWORK', retryable: true });
}

/** An answer that did not come from our API (a gateway's 502 page, a static server's 404, a portal's HTML). */
export function notOurApi(status: number): ApiFailure {
  return new ApiFailure({ message: UNAVAILABLE_MESSAGE, status, code: 'UNAVAILABLE', retryable: true });
}

/** An answer outside 2xx: the API's own error body when there is one, else words for what the status means. */
export function failureOfAnswer(status: number, data: unknown): ApiFailure {
  const body = errorBodyOf(data);
  if (!body && (status === 404 || status >= 500)) {
    return notOurApi(status);
  }
  if (status >= 500) {
    return new ApiFailure({
      message: body?.code === 'UPSTREAM_FAILED' ? body.message : SERVER_TROUBLE_MESSAGE,
      status,
      code: body?.code ?? 'INTERNAL',
      retryable: true,
    });
  }
  const fallbackCode: ErrorCode =
    status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 429 ? 'RATE_LIMITED' : 'VALIDATION_FAILED';
  return new ApiFailure({
    message: body?.message ?? `请求没有成功（${status}），请稍后重试`,
    status,
    code: body?.code ?? fallbackCode,
    fields: body?.fields,
    retryable: status === 429,
  });
}
