import Taro from '@tarojs/taro';
import axios, { AxiosError, CanceledError, type AxiosAdapter, type AxiosResponse } from 'axios';

type Method = NonNullable<Taro.request.Option['method']>;

/**
 * axios transport over Taro.request, for mini-program targets (WeChat has neither XHR nor fetch).
 * The body arrives already serialised by axios and the response text is parsed by axios (dataType 'text').
 */
export const taroRequestAdapter: AxiosAdapter = (config) =>
  new Promise<AxiosResponse>((resolve, reject) => {
    // `success` may run before Taro.request returns: a const would then be read before it is initialised.
    // eslint-disable-next-line prefer-const
    let task: ReturnType<typeof Taro.request> | undefined;
    const onAbort = () => {
      task?.abort();
      reject(new CanceledError(undefined, undefined, config));
    };
    config.signal?.addEventListener?.('abort', onAbort);
    task = Taro.request({
      url: axios.getUri(config),
      method: (config.method ?? 'get').toUpperCase() as Method,
      data: config.data,
      header: config.headers.toJSON(),
      timeout: config.timeout || undefined,
      dataType: 'text',
      responseType: 'text',
      success: (res) => {
        config.signal?.removeEventListener?.('abort', onAbort);
        const response: AxiosResponse = {
          data: res.data,
          status: res.statusCode,
          statusText: String(res.statusCode),
          headers: res.header as AxiosResponse['headers'],
          config,
          request: task,
        };
        if (!config.validateStatus || config.validateStatus(res.statusCode)) {
          resolve(response);
        } else {
          const code = res.statusCode >= 500 ? AxiosError.ERR_BAD_RESPONSE : AxiosError.ERR_BAD_REQUEST;
          reject(new AxiosError(`Request failed with status code ${res.statusCode}`, code, config, task, response));
        }
      },
      fail: (err) => {
        config.signal?.removeEventListener?.('abort', onAbort);
        reject(new AxiosError(err.errMsg || 'Network Error', AxiosError.ERR_NETWORK, config, task));
      },
    });
    // On weapp the task is also a promise that rejects when the request fails; `fail` above already rejects the
    // axios promise, so that second rejection must not surface as an unhandled one.
    Promise.resolve(task).catch(() => undefined);
  });
