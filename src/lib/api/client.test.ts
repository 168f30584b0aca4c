import { AxiosError, type InternalAxiosRequestConfig } from 'axios';
import { fakeAdapter, type FakeAnswer } from '../../../tests-client/fakeServer';
import { taroMock, taroTestControl } from '../../../tests-client/taroMock';
import { useSession } from '../stores/session';
import { api, apiBaseUrl } from './client';
import { ApiFailure, NETWORK_MESSAGE } from './failure';
import { taroAdapter } from './taroAdapter';

/** Puts a fake server answering every request with this status and body in axios's place; returns what it saw. */
function answering(status: number, data?: unknown): InternalAxiosRequestConfig[] {
  const seen: InternalAxiosRequestConfig[] = [];
  api.defaults.adapter = fakeAdapter((config): FakeAnswer => (seen.push(config), { status, data }));
  return seen;
}

function offline(): void {
  api.defaults.adapter = fakeAdapter(() => {
    throw new Error('request:fail');
  });
}

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

const { adapter: realAdapter, baseURL: realBaseUrl } = api.defaults;

beforeEach(() => {
  taroTestControl.reset();
  useSession.getState().clear();
});

afterEach(() => {
  api.defaults.adapter = realAdapter;
  api.defaults.baseURL = realBaseUrl;
});

describe('api client: the request interceptor', () => {
  it('sends the session token as a Bearer header, and none when signed out', async () => {
    const seen = answering(200, { ok: true });
    await api.get('/api/health');
    useSession.getState().signIn({ token: 'tok-123', expiresAt: '2026-12-28T00:00:00Z', user: signedInUser });
    await api.get('/api/me');
    expect(seen[0].headers.get('Authorization')).toBeUndefined();
    expect(seen[1].headers.get('Authorization')).toBe('Bearer tok-123');
  });

  it('gives every write an Idempotency-Key and no read one; sending the same config again repeats the key', async () => {
    const seen = answering(200, { ok: true });
    await api.get('/api/towns');
    await api.post('/api/activities/1/signups', {});
    await api.post('/api/activities/1/signups', {});
    expect(seen[0].headers.has('Idempotency-Key')).toBe(false);
    const first = seen[1].headers.get('Idempotency-Key') as string;
    expect(first).toMatch(/^[0-9a-f]{32}$/);
    expect(seen[2].headers.get('Idempotency-Key')).not.toBe(first);

    offline();
    const failure = await api.post('/api/bookings', { slot: 's1' }).catch((error: unknown) => error);
    const sentKey = (failure as ApiFailure).config?.headers.get('Idempotency-Key');
    const retried = answering(201, { id: 1 });
    await api.request((failure as ApiFailure).config!);
    expect(retried[0].headers.get('Idempotency-Key')).toBe(sentKey);
  });

  it('keeps a key the caller chose (a booking attempt that outlives the page)', async () => {
    const seen = answering(201, { id: 1 });
    await api.post('/api/bookings', {}, { headers: { 'Idempotency-Key': 'attempt-0123456789' } });
    expect(seen[0].headers.get('Idempotency-Key')).toBe('attempt-0123456789');
  });

  it('builds the query from params, leaving out undefined and null, and sends JSON bodies as text', async () => {
    const seen = answering(200, { ok: true });
    api.defaults.baseURL = 'http://api.example.cn';
    await api.get('/api/services', { params: { q: '药店 24h', lat: 41.8, cursor: undefined, category: null, open: true } });
    await api.delete('/api/me', { data: { confirm: '注销' } });
    expect(api.getUri(seen[0])).toBe('http://api.example.cn/api/services?q=%E8%8D%AF%E5%BA%97+24h&lat=41.8&open=true');
    expect(seen[1]).toMatchObject({ method: 'delete', data: '{"confirm":"注销"}' });
    expect(seen[1].headers.get('Content-Type')).toBe('application/json');
  });
});

describe('api client: every failure as one ApiFailure in Chinese', () => {
  it('shows the server’s own message for a 4xx and keeps the bad fields for the form', async () => {
    answering(400, { error: { code: 'VALIDATION_FAILED', message: '请检查填写的内容', fields: { phone: '手机号应为 11 位数字' } } });
    expect(await failureOf(api.post('/api/x', {}))).toMatchObject({
      message: '请检查填写的内容',
      status: 400,
      code: 'VALIDATION_FAILED',
      fields: { phone: '手机号应为 11 位数字' },
      retryable: false,
    });
  });

  it('turns a network failure and a timeout into 网络不给力 with a retry', async () => {
    offline();
    expect(await failureOf(api.get('/api/towns'))).toMatchObject({ message: NETWORK_MESSAGE, status: null, code: 'NETWORK', retryable: true });
    // axios's XHR adapter (h5) rejects so when its timeout passes
    api.defaults.adapter = async (config) => {
      throw new AxiosError('timeout of 15000ms exceeded', AxiosError.ECONNABORTED, config);
    };
    expect(await failureOf(api.get('/api/towns'))).toMatchObject({ message: NETWORK_MESSAGE, code: 'NETWORK' });
  });

  it('never shows a server’s internal message for a 5xx', async () => {
    answering(500, { error: { code: 'INTERNAL', message: 'SqliteError: no such table' } });
    const failure = await failureOf(api.get('/api/towns'));
    expect(failure.message).toBe('服务暂时出了点问题，请稍后重试');
    expect(failure.retryable).toBe(true);
  });

  it('tells apart an API that is not there (a gateway 502, a static 404 page, a portal’s 200 page) from the API’s own 404', async () => {
    answering(502, '<html>Bad Gateway</html>');
    expect(await failureOf(api.get('/api/towns'))).toMatchObject({ code: 'UNAVAILABLE', message: '服务暂时连不上，请稍后重试', retryable: true });
    answering(200, '<html>请先登录 Wi-Fi</html>');
    expect(await failureOf(api.get('/api/towns'))).toMatchObject({ code: 'UNAVAILABLE', status: 200 });
    answering(404, { error: { code: 'NOT_FOUND', message: '没有找到这个服务点' } });
    expect(await failureOf(api.get('/api/services/9'))).toMatchObject({ code: 'NOT_FOUND', message: '没有找到这个服务点', retryable: false });
  });

  it('on 401 forgets the session and opens the login page, coming back to where the user was', async () => {
    useSession.getState().signIn({ token: 'expired', expiresAt: '2026-01-01T00:00:00Z', user: signedInUser });
    taroTestControl.setRoute('/features/directory/pages/detail/index', { id: '42' }, 2);
    answering(401, { error: { code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' } });
    expect((await failureOf(api.post('/api/bookings', {}))).message).toBe('登录已过期，请重新登录');
    expect(useSession.getState().token).toBeNull();
    expect(taroMock.navigateTo).toHaveBeenCalledWith({
      url: `/features/account/pages/login/index?redirect=${encodeURIComponent('/features/directory/pages/detail/index?id=42')}`,
    });
  });

  it('on 401 of a request marked loginOnUnauthorized:false only forgets the session', async () => {
    useSession.getState().signIn({ token: 'expired', expiresAt: '2026-01-01T00:00:00Z', user: signedInUser });
    answering(401, {});
    await failureOf(api.get('/api/me', { loginOnUnauthorized: false }));
    expect(useSession.getState().user).toBeNull();
    expect(taroMock.navigateTo).not.toHaveBeenCalled();
  });
});

describe('Taro.request adapter (mini-programs)', () => {
  type RequestOption = {
    url: string;
    method: string;
    header: Record<string, string>;
    data: unknown;
    dataType: string;
    success: (r: unknown) => void;
    fail: (e: unknown) => void;
  };
  const lastRequest = () => taroMock.request.mock.calls.at(-1)?.[0] as RequestOption;

  beforeEach(() => {
    api.defaults.adapter = taroAdapter;
    api.defaults.baseURL = 'http://127.0.0.1:3000';
  });

  it('targets the build-time API origin on mini-programs and the page’s own origin on h5', () => {
    expect(apiBaseUrl()).toBe('');
    process.env.TARO_ENV = 'weapp';
    try {
      expect(apiBaseUrl()).toBe('http://127.0.0.1:3000');
    } finally {
      process.env.TARO_ENV = 'h5';
    }
  });

  it('sends the absolute URL, method, headers and JSON body, and axios parses the text answer', async () => {
    // WeChat may call success before request() returns: the adapter must not touch the task before then.
    taroMock.request.mockImplementation((option: RequestOption) => {
      option.success({ statusCode: 200, header: { 'content-type': 'application/json' }, data: '{"towns":[]}' });
      return { abort: jest.fn() };
    });
    useSession.getState().signIn({ token: 'tok', expiresAt: '2026-12-28T00:00:00Z', user: signedInUser });
    const { data, status } = await api.post('/api/consents', { version: 'v1' }, { params: { a: 1 } });
    expect({ data, status }).toEqual({ data: { towns: [] }, status: 200 });
    expect(lastRequest()).toMatchObject({ url: 'http://127.0.0.1:3000/api/consents?a=1', method: 'POST', data: '{"version":"v1"}', dataType: 'text' });
    expect(lastRequest().header.Authorization).toBe('Bearer tok');
    expect(lastRequest().header['Idempotency-Key']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('turns a 4xx answer into the API’s message, and a failed or timed-out request into 网络不给力', async () => {
    taroMock.request.mockImplementationOnce((option: RequestOption) => {
      option.success({ statusCode: 409, header: {}, data: '{"error":{"code":"CONFLICT","message":"名额已满"}}' });
      return { abort: jest.fn() };
    });
    expect(await failureOf(api.post('/api/x'))).toMatchObject({ message: '名额已满', status: 409, code: 'CONFLICT' });

    for (const errMsg of ['request:fail timeout', 'request:fail']) {
      taroMock.request.mockImplementationOnce((option: RequestOption) => {
        option.fail({ errMsg });
        return { abort: jest.fn() };
      });
      expect(await failureOf(api.get('/api/x'))).toMatchObject({ message: NETWORK_MESSAGE, code: 'NETWORK', retryable: true });
    }
  });
});
