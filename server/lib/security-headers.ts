import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/** The API answers JSON only: it may load nothing and be framed by nobody. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** sha256 sources for the inline scripts of the built index.html (Taro writes one that sets the root font size). */
function inlineScriptHashes(indexHtml: string): string[] {
  const hashes: string[] = [];
  for (const match of indexHtml.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi)) {
    hashes.push(`'sha256-${createHash('sha256').update(match[1], 'utf8').digest('base64')}'`);
  }
  return hashes;
}

/**
 * The Content-Security-Policy of the h5 app, fitted to its build: scripts only from our origin plus the exact
 * inline scripts of this index.html (by hash, so an injected one does not run); styles from our origin and
 * inline (React and NutUI set style attributes); images also as data:/blob: (the share poster and icons);
 * requests only to our own API; never framed (clickjacking).
 */
export function appContentSecurityPolicy(indexHtml: string): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...inlineScriptHashes(indexHtml)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/**
 * Headers on every answer Fastify sends: no MIME sniffing, no referrer (addresses can hold ids), no framing,
 * the CSP of the app or of the API, and `Cache-Control: no-store` on every API answer — most carry a token or
 * personal data, and no cache between the user and us (a shared proxy, the browser's disk) may keep those.
 * The few public ones are cheap to answer again.
 */
export function registerSecurityHeaders(app: FastifyInstance, appPolicy: string): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const api = request.url.startsWith('/api');
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    reply.header('x-frame-options', 'DENY');
    reply.header('content-security-policy', api ? API_POLICY : appPolicy);
    if (api) reply.header('cache-control', 'no-store');
    return payload;
  });
}
