import type { Config } from '../../config';
import { ApiError, forbidden, upstreamFailed } from '../../lib/errors';

/**
 * Exchanges a `wx.login` code for the user's openid (WeChat's jscode2session). The session_key it also
 * returns is not kept: nothing here decrypts WeChat data.
 */
export async function exchangeWechatCode(wechat: Config['wechat'], code: string, production: boolean): Promise<string> {
  if (!wechat.appId || !wechat.secret) {
    // Production has no demo accounts to fall back on: never send anyone there.
    throw forbidden(
      production
        ? '登录功能尚未开通（服务器还没有配置微信小程序凭据），请稍后再试或联系社区工作人员'
        : '微信登录尚未开通（服务器未配置小程序凭据），请使用演示账号登录',
    );
  }
  const url = new URL(`${wechat.apiBase}/sns/jscode2session`);
  url.search = new URLSearchParams({
    appid: wechat.appId,
    secret: wechat.secret,
    js_code: code,
    grant_type: 'authorization_code',
  }).toString();

  let payload: { openid?: unknown; errcode?: unknown };
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(wechat.timeoutMs) });
    if (!response.ok) throw new Error(`WeChat answered HTTP ${response.status}`);
    // WeChat sends JSON with a text/plain content type, so parse the text ourselves.
    const parsed: unknown = JSON.parse(await response.text());
    if (typeof parsed !== 'object' || parsed === null) throw new Error('WeChat answered JSON that is not an object');
    payload = parsed;
  } catch {
    throw upstreamFailed('暂时连不上微信，请稍后再试');
  }
  if (typeof payload.errcode === 'number' && payload.errcode !== 0) {
    throw new ApiError(401, 'UNAUTHENTICATED', '微信登录失败：登录凭证无效或已过期，请重新登录');
  }
  if (typeof payload.openid !== 'string' || payload.openid === '') {
    throw upstreamFailed('微信没有返回用户标识，请稍后再试');
  }
  return payload.openid;
}
