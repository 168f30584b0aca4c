import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import { useSession } from '../stores/session';
import { ApiClient, apiBaseUrl } from './client';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { fetchTransport } from './fetchTransport';
import { taroTransport } from './taroTransport';
import type { ApiRequest, ApiTransport } from './transport';

/** A fake transport answering every request with this status and body (as text, like the real ones). */
function answering(status: number, data: unknown, seen: ApiRequest[] = []): ApiTransport {
  return async (request) => {
    seen.push(request);
    return { status, data: typeof data === 'string' ? data : JSON.stringify(data) };
  };
}

const offline: ApiTransport = async () => {
  throw new Error('request:fail');
};

async function failureOf(promise: Promise<unknown>): Promise<ApiFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiFailure);
    return error as ApiFailure;
  }
  throw new Error('expected the request to fail');
}

const signedInUser = {
  id: 1,
  displayName: '张**',
  maskedPhone: '139****5678',
  role: 'resident' as const,
  isVolunteer: false,
  communityId: 'c1',
  communityName: '新市社区',
  scope: { communityId: null, townCode: null, servicePointId: null },
  consentVersion: null,
};

beforeEach(() => {
  taroTestControl.reset();
  useSession.getState().clear();
});

describe('api client', () => {
  it('sends the session token as a Bearer header, and none when signed out', async () => {
    const seen: ApiRequest[] = [];
    const client = new ApiClient({ transport: answering(200, { ok: true }, seen) });
    await client.get('/api/health');
    useSession.getState().signIn({ token: 'tok-123', expiresAt: '2026-12-28T00:00:00Z', user: signedInUser });
    await client.get('/api/me');
    expect(seen[0].headers.Authorization).toBeUndefined();
    expect(seen[1].headers.Authorization).toBe('Bearer tok-123');
  });

  it('shows the server’s own message for a 4xx and keeps the bad fields for the form', async () => {
    const body = { error: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields: { phone: '手机号应为 11 位数字' } } };
    const failure = await failureOf(new ApiClient({ transport: answering(400, body) }).post('/api/x', {}));
    expect(failure).toMatchObject({
      message: '请检查填写的内容',
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: { phone: '手机号应为 11 位数字' },
      retryable: false,
    });
  });

  it('turns a network failure into 网络不给力 with a retry', async () => {
    const failure = await failureOf(new ApiClient({ transport: offline }).get('/api/towns'));
    expect(failure).toMatchObject({ message: NETWORK_MESSAGE, status: null, code: 'NETWORK', retryable: true });
  });

  it('never shows a server’s internal message for a 5xx', async () => {
    const body = { error: { code: 'INTERNAL', message: 'SqliteError: no such table' } };
    const failure = await failureOf(new ApiClient({ transport: answering(500, body) }).get('/api/towns'));
    expect(failure.message).toBe('服务暂时出了点问题，请稍后重试');
    expect(failure.retryable).toBe(true);
  });

  it('tells apart an API that is not there (a gateway 502, a static 404 page) from the API’s own 404', async () => {
    const gateway = await failureOf(new ApiClient({ transport: answering(502, '<html>Bad Gateway</html>') }).get('/api/towns'));
    expect(gateway).toMatchObject({ code: 'UNAVAILABLE', message: '服务暂时连不上，请稍后重试', retryable: true });
    const notFound = { error: { code: 'NOT_FOUND', message: '没有找到这个服务点' } };
    const own = await failureOf(new ApiClient({ transport: answering(404, notFound) }).get('/api/services/9'));
    expect(own).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个服务点', retryable: false });
  });

  it('builds the query from params, leaving out undefined and null, and sends JSON bodies as text', async () => {
    const seen: ApiRequest[] = [];
    const client = new ApiClient({ transport: answering(200, { ok: true }, seen), baseUrl: 'http://api.example.cn' });
    await client.get('/api/services', { params: { q: '药店 24h', lat: 41.8, cursor: undefined, category: null, open: true } });
    await client.delete('/api/me', { data: { confirm: '注销' } });
    expect(seen[0]).toMatchObject({ method: 'GET', url: '/api/services', data: undefined });
    expect(seen[0].fullUrl).toBe(`http://api.example.cn/api/services?q=${encodeURIComponent('药店 24h')}&lat=41.8&open=true`);
    expect(seen[1]).toMatchObject({ method: 'DELETE', data: '{"confirm":"注销"}' });
    expect(seen[1].headers['Content-Type']).toBe('application/json');
  });

  it('on 401 forgets the session and opens the login page, coming back to where the user was', async () => {
    useSession.getState().signIn({ token: 'expired', expiresAt: '2026-01-01T00:00:00Z', user: signedInUser });
    taroTestControl.setRoute('/features/directory/pages/detail/index', { id: '42' }, 2);
    const body = { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } };
    const failure = await failureOf(new ApiClient({ transport: answering(401, body) }).post('/api/bookings', {}));
    expect(failure.message).toBe('登录已过期，请重新登录');
    expect(useSession.getState().token).toBeNull();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/features/account/pages/login/index?redirect=${encodeURIComponent('/features/directory/pages/detail/index?id=42')}`,
    });
  });

  it('on 401 of a request marked loginOnUnauthorized:false only forgets the session', async () => {
    useSession.getState().signIn({ token: 'expired', expiresAt: '2026-01-01T00:00:00Z', user: signedInUser });
    await failureOf(new ApiClient({ transport: answering(401, {}) }).get('/api/me', { loginOnUnauthorized: false }));
    expect(useSession.getState().user).toBeNull();
    expect(taroMock.navigateTo).not.toHaveBeenCalled();
  });
});

describe('Taro.request (mini-program transport)', () => {
  it('targets the build-time API origin on mini-programs and the page’s own origin on h5', () => {
    expect(apiBaseUrl()).toBe('');
    process.env.TARO_ENV = 'weapp';
    try {
      expect(apiBaseUrl()).toBe('http://127.0.0.1:3000');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  type RequestOption = { url: string; method: string; header: Record<string, string>; data: unknown; success: (r: unknown) => void; fail: (e: unknown) => void };
  const lastRequest = () => taroMock.request.mock.calls.at(-1)?.[0] as RequestOption;

  it('sends the absolute URL, method, headers and JSON body, and the client parses the answer', async () => {
    taroMock.request.mockImplementation((option: RequestOption) => {
      option.success({ statusCode: 200, header: { 'content-type': 'application/json' }, data: '{"towns":[]}' });
      return { abort: jest.fn() };
    });
    useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: signedInUser });
    const { data } = await new ApiClient({ transport: taroTransport, baseUrl: 'http://127.0.0.1:3000' }).post('/api/consents', { version: 'v1' }, { params: { a: 1 } });
    expect(data).toEqual({ towns: [] });
    expect(lastRequest()).toMatchObject({ url: 'http://127.0.0.1:3000/api/consents?a=1', method: 'POST', data: '{"version":"v1"}' });
    expect(lastRequest().header.Authorization).toBe('Bearer tok');
  });

  it('maps a 4xx answer and a failed request like the browser transport does', async () => {
    taroMock.request.mockImplementationOnce((option: RequestOption) => {
      option.success({ statusCode: 409, header: {}, data: '{"error":{"code":"CONFLICT","message":"名额已满"}}' });
      return { abort: jest.fn() };
    });
    expect(await failureOf(new ApiClient({ transport: taroTransport, baseUrl: 'http://127.0.0.1:3000' }).post('/api/x'))).toMatchObject({ message: '名额已满', status: 409 });

    taroMock.request.mockImplementationOnce((option: RequestOption) => {
      option.fail({ errMsg: 'request:fail timeout' });
      return { abort: jest.fn() };
    });
    expect(await failureOf(new ApiClient({ transport: taroTransport, baseUrl: 'http://127.0.0.1:3000' }).get('/api/x'))).toMatchObject({ message: NETWORK_MESSAGE, retryable: true });
  });
});

describe('fetch (h5 transport)', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('passes method, headers and body to fetch and answers with the status and text, a 4xx included', async () => {
    const fetchMock = jest.fn(async () => ({ status: 409, text: async () => '{"error":{"code":"CONFLICT","message":"名额已满"}}' }));
    globalThis.fetch = fetchMock as unknown as typeof fetch;
    const failure = await failureOf(new ApiClient({ transport: fetchTransport }).post('/api/bookings', { slot: 's1' }));
    expect(failure).toMatchObject({ message: '名额已满', status: 409, code: 'CONFLICT' });
    expect(fetchMock).toHaveBeenCalledWith('/api/bookings', expect.objectContaining({ method: 'POST', body: '{"slot":"s1"}' }));
  });

  it('turns a fetch that gets no answer into 网络不给力', async () => {
    globalThis.fetch = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await failureOf(new ApiClient({ transport: fetchTransport }).get('/api/towns'))).toMatchObject({ message: NETWORK_MESSAGE, code: 'NETWORK' });
  });
});
