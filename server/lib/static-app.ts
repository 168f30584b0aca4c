import fastifyStatic, { type SetHeadersResponse } from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { notFoundFor } from './errors';

/** Built files carry a content hash in their name (`app.0123abcd.js`) and never change; also their .br/.gz twins. */
const HASHED_FILE = /\.[0-9a-f]{8}\.\w+(\.br|\.gz)?$/;
const FOREVER = 'public, max-age=31536000, immutable';

/** The built index.html, or '' when the h5 app is not built (its inline scripts decide the CSP). */
export function readIndexHtml(staticDir: string): string {
  const file = join(staticDir, 'index.html');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/**
 * Hashed files are cached for a year; everything else (index.html) is asked for again each time, so a new
 * build reaches the user at the next start while its files come from the cache. Every file may come
 * compressed or not, so a shared cache must key on Accept-Encoding.
 */
function staticHeaders(response: SetHeadersResponse, path: string): void {
  response.setHeader('cache-control', HASHED_FILE.test(path) ? FOREVER : 'no-cache');
  response.setHeader('vary', 'Accept-Encoding');
}

/**
 * The built h5 app at '/'. `npm run build:h5` writes a brotli (.br) and a gzip (.gz) twin beside each text
 * file (scripts/h5/precompress.ts); `preCompressed` sends the twin the browser accepts with its
 * Content-Encoding, or the plain file. The twins are not routes of their own.
 * The app uses hash routing, so every non-API GET that is not a file answers index.html; unknown /api paths
 * keep the JSON 404.
 */
export async function registerStaticApp(app: FastifyInstance, staticDir: string): Promise<void> {
  const built = existsSync(join(staticDir, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: staticDir,
      prefix: '/',
      wildcard: false,
      globIgnore: ['**/*.br', '**/*.gz'],
      preCompressed: true,
      cacheControl: false,
      setHeaders: staticHeaders,
    });
  } else {
    app.get('/', async (_request, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('临江社区服务的网页版还没有构建：请先运行 npm run build:h5，再重新启动服务。接口在 /api 下可用。'),
    );
  }
  app.setNotFoundHandler((request, reply) => {
    if (built && request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html');
    const error = notFoundFor(request.url);
    return reply.code(error.statusCode).type('application/json; charset=utf-8').send(error.toBody());
  });
}
