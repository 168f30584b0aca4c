/**
 * A stand-in for api.weixin.qq.com on 127.0.0.1 (tests point WECHAT_API_BASE at it). jscode2session answers by
 * the code it receives: 'bad-code' → errcode 40029, 'broken' → not JSON, 'json-null' → null, 'slow' → after
 * 1.5 s, anything else → openid `openid-for-<code up to '#'>` (so 'bob#1' and 'bob#2' are one WeChat user).
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeWechat {
  server: Server;
  /** Its base URL, for WECHAT_API_BASE. */
  base: string;
  /** Every request it received, in order. */
  requests: URL[];
  close(): Promise<void>;
}

export function startFakeWechat(): Promise<FakeWechat> {
  const requests: URL[] = [];
  const server = createServer((request: IncomingMessage, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push(url);
    const code = url.searchParams.get('js_code');
    // WeChat answers JSON with a text/plain content type.
    response.setHeader('content-type', 'text/plain');
    if (url.pathname !== '/sns/jscode2session') response.end(JSON.stringify({ errcode: 404 }));
    else if (code === 'bad-code') response.end(JSON.stringify({ errcode: 40029, errmsg: 'invalid code' }));
    else if (code === 'broken') response.end('<html>gateway</html>');
    else if (code === 'json-null') response.end('null');
    else if (code === 'slow') setTimeout(() => response.end(JSON.stringify({ openid: 'late' })), 1500);
    else response.end(JSON.stringify({ openid: `openid-for-${code?.split('#')[0]}`, session_key: 'secret-session-key' }));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        server,
        base: `http://127.0.0.1:${port}`,
        requests,
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}
