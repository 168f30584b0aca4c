import { AxiosError, AxiosHeaders, type AxiosAdapter, type InternalAxiosRequestConfig } from 'axios';

/** What a fake answers: a status and a body (sent as JSON text, as the real server does, unless it is text already). */
export interface FakeAnswer {
  status: number;
  data?: unknown;
}

/**
 * A fake API server in axios's place (`api.defaults.adapter = fakeAdapter(…)`): the answer goes back through axios's
 * own response handling — JSON parsed, a status outside 2xx rejected with the response, as the real adapters do. A
 * handler that throws is a request that got no answer (offline).
 */
export function fakeAdapter(answer: (config: InternalAxiosRequestConfig) => FakeAnswer | Promise<FakeAnswer>): AxiosAdapter {
  return async (config) => {
    const { status, data } = await answer(config);
    const response = {
      status,
      statusText: '',
      headers: new AxiosHeaders(),
      config,
      data: typeof data === 'string' || data === undefined ? data : JSON.stringify(data),
    };
    if (!config.validateStatus || config.validateStatus(status)) return response;
    throw new AxiosError(`Request failed with status code ${status}`, AxiosError.ERR_BAD_RESPONSE, config, null, response);
  };
}

/** "METHOD /path" of a request, as the fake server's routes name it. */
export function routeOf(config: InternalAxiosRequestConfig): string {
  return `${(config.method ?? 'get').toUpperCase()} ${config.url}`;
}

/**
 * A fake API server with routes (`api.defaults.adapter = fakeServer(…)`): answers 200 with the handler of
 * "METHOD /path", records every call in `seen`, and fails like a lost network for a path it does not know.
 */
export function fakeServer(routes: Record<string, (config: InternalAxiosRequestConfig) => unknown>, seen: string[] = []): AxiosAdapter {
  return fakeAdapter((config) => {
    const key = routeOf(config);
    seen.push(key);
    const handler = routes[key];
    if (!handler) throw new Error('offline');
    return { status: 200, data: handler(config) };
  });
}
