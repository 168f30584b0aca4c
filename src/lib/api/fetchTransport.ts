import type { ApiTransport } from './transport';

/** The browser's own fetch (h5), with the client's timeout; a request that gets no answer rejects. */
export const fetchTransport: ApiTransport = async (request) => {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), request.timeoutMs);
  try {
    const response = await fetch(request.fullUrl, {
      method: request.method,
      headers: request.headers,
      body: request.data,
      signal: controller.signal,
    });
    const data = request.responseType === 'blob' ? await response.blob() : await response.text();
    return { status: response.status, data };
  } finally {
    clearTimeout(timer);
  }
};
