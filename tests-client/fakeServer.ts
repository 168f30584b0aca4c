import type { ApiRequest, ApiTransport } from '@/lib/api/transport';

/**
 * A fake API server for the client's transport (`api.transport = fakeServer(…)`): answers 200 with the handler of
 * "METHOD /path", records every call in `seen`, and fails like a lost network for a path it does not know.
 */
export function fakeServer(routes: Record<string, (request: ApiRequest) => unknown>, seen: string[] = []): ApiTransport {
  return async (request) => {
    const key = `${request.method} ${request.url}`;
    seen.push(key);
    const handler = routes[key];
    if (!handler) throw new Error('offline');
    return { status: 200, data: handler(request) };
  };
}
