import { createHash } from 'node:crypto';
import fastifyHelmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply } from 'fastify';

type HelmetOptions = NonNullable<Parameters<FastifyReply['helmet']>[0]>;
type CspDirectives = Record<string, string[]>;

/** The API answers JSON only: it may load nothing and be framed by nobody. */
const API_DIRECTIVES: CspDirectives = {
  'default-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'none'"],
};

/** sha256 sources for the inline scripts of the built index.html (Taro's root font size, the loading frame). */
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
export function appCspDirectives(indexHtml: string): CspDirectives {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", ...inlineScriptHashes(indexHtml)],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    'connect-src': ["'self'"],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** helmet's defaults, with our CSP (and none of helmet's default directives: upgrade-insecure-requests would break http://localhost) and no framing at all. */
function helmetOptions(directives: CspDirectives): HelmetOptions {
  return {
    contentSecurityPolicy: { useDefaults: false, directives },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' }, // addresses can hold ids
  };
}

/**
 * Security headers on every answer, by @fastify/helmet: its defaults (nosniff, no referrer, no framing, HSTS …)
 * with the app's CSP on pages and files, the API's on /api — also on the 404 of an unknown /api path, which has no
 * route to carry route options, hence one hook choosing per request rather than helmet's per-route config.
 * Every API answer is also `Cache-Control: no-store`: most carry a token or personal data, and no cache between the
 * user and us (a shared proxy, the browser's disk) may keep those. The few public ones are cheap to answer again.
 */
export async function registerSecurityHeaders(app: FastifyInstance, indexHtml: string): Promise<void> {
  const forApp = helmetOptions(appCspDirectives(indexHtml));
  const forApi = helmetOptions(API_DIRECTIVES);
  await app.register(fastifyHelmet, { global: false });
  app.addHook('onRequest', async (request, reply) => {
    const api = request.url.startsWith('/api');
    reply.helmet(api ? forApi : forApp);
    if (api) reply.header('cache-control', 'no-store');
  });
}
