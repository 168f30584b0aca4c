import type { FastifyServerOptions } from 'fastify';

/** Where log lines go (tests pass a collector; default stdout). */
export interface LogStream {
  write(line: string): void;
}

/** Key names whose values never reach a log line, wherever they appear in a logged object. */
const PERSONAL_KEYS = ['authorization', 'cookie', 'token', 'phone', 'idNumber', 'name', 'displayName', 'code', 'openid', 'deviceId'];

/**
 * Logger settings that keep personal data out of logs (DOMAIN.md §6): request bodies are never logged,
 * a request is logged as method + path (no query string: it may carry a code or a phone), and
 * known personal keys are censored in anything a handler logs.
 */
export function privateLoggerOptions(level: string, stream?: LogStream): FastifyServerOptions['logger'] {
  return {
    level,
    ...(stream ? { stream } : {}),
    redact: {
      paths: [
        'req.headers.authorization',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        // pino's wildcard spans one level only: top level, one and two levels down ({ booking: { elder: { phone } } }).
        ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
      ],
      censor: '[redacted]',
    },
    serializers: {
      req(request: { method: string; url: string; id?: string }) {
        return { method: request.method, path: request.url.split('?')[0], reqId: request.id };
      },
    },
  };
}
