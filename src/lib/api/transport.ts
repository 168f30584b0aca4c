/**
 * What the API client hands its transport and gets back: the browser's fetch on h5 (./fetchTransport), Taro.request
 * on mini-programs (./taroTransport), a fake server in tests. A transport resolves with every answer, whatever its
 * status, and rejects only when no answer came (offline, refused, timed out).
 */
export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface ApiRequest {
  method: Method;
  /** As the caller wrote it: the path (/api/…) without the origin or the query. */
  url: string;
  /** Origin + path + query string: what goes on the wire. */
  fullUrl: string;
  headers: Record<string, string>;
  /** The body as JSON text; undefined when there is none. */
  data?: string;
  timeoutMs: number;
  /** 'blob' only for a file download on h5 (e.g. the volunteers' CSV export). */
  responseType: 'text' | 'blob';
}

export interface ApiResponse<T = unknown> {
  status: number;
  /** Text (JSON is parsed by the client), a Blob for responseType 'blob'; fakes may answer with objects. */
  data: T;
}

export type ApiTransport = (request: ApiRequest) => Promise<ApiResponse>;
