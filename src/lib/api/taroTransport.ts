import Taro from '@tarojs/taro';
import type { ApiTransport } from './transport';

/** Taro.request, for mini-program targets (WeChat has neither XHR nor fetch). The answer comes back as text. */
export const taroTransport: ApiTransport = (request) =>
  new Promise((resolve, reject) => {
    const task = Taro.request({
      url: request.fullUrl,
      method: request.method,
      data: request.data,
      header: request.headers,
      timeout: request.timeoutMs,
      // Not 'json': the client parses, so an HTML error page from a gateway stays readable text.
      dataType: 'text',
      responseType: 'text',
      success: (res) => resolve({ status: res.statusCode, data: res.data }),
      fail: (err) => reject(new Error(err.errMsg || 'request:fail')),
    });
    // On weapp the task is also a promise that rejects when the request fails; `fail` above already rejects, so
    // that second rejection must not surface as an unhandled one.
    Promise.resolve(task).catch(() => undefined);
  });
