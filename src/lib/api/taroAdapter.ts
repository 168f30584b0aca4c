import Taro from '@tarojs/taro';
import axios, { AxiosError, AxiosHeaders, type AxiosAdapter, type AxiosResponse } from 'axios';

/**
 * axios on mini-programs: WeChat has neither XMLHttpRequest nor fetch, so requests go through Taro.request.
 * The answer comes back as text (dataType other than 'json'), and axios's own transformResponse parses it — the
 * same path as on h5, so an HTML error page from a gateway stays readable text. A status outside validateStatus
 * rejects with an AxiosError carrying the response, no answer at all with ERR_NETWORK (ETIMEDOUT on a timeout),
 * as axios's own adapters do.
 */
export const taroAdapter: AxiosAdapter = (config) =>
  new Promise((resolve, reject) => {
    // The task is not handed on: WeChat may call success before Taro.request has even returned it.
    const task = Taro.request({
      url: axios.getUri(config),
      method: (config.method ?? 'get').toUpperCase() as 'GET',
      data: config.data as string | undefined,
      header: AxiosHeaders.from(config.headers).toJSON(true),
      timeout: config.timeout || undefined,
      dataType: 'text',
      responseType: 'text',
      success: (res) => {
        const response: AxiosResponse = {
          data: res.data,
          status: res.statusCode,
          statusText: '',
          headers: AxiosHeaders.from(res.header as Record<string, string>),
          config,
        };
        if (!config.validateStatus || config.validateStatus(res.statusCode)) resolve(response);
        else reject(new AxiosError(`Request failed with status code ${res.statusCode}`, AxiosError.ERR_BAD_RESPONSE, config, null, response));
      },
      fail: (err) => {
        const timedOut = /timeout/i.test(err.errMsg ?? '');
        reject(new AxiosError(err.errMsg || 'request:fail', timedOut ? AxiosError.ETIMEDOUT : AxiosError.ERR_NETWORK, config));
      },
    });
    // On weapp the task is also a promise that rejects when the request fails; `fail` above already rejects, so
    // that second rejection must not surface as an unhandled one.
    Promise.resolve(task).catch(() => undefined);
  });
