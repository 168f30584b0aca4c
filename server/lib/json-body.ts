import type { FastifyInstance } from 'fastify';
import { badRequest } from './errors';

/**
 * The deepest nesting of arrays and objects a request body may have. Our schemas go four levels deep at most;
 * a megabyte of `[[[[…` would otherwise be parsed whole and then walked by the validator and the
 * prototype-poisoning check, each level a stack frame.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * Whether `text` nests arrays/objects deeper than `maxDepth`: one pass over the characters, skipping strings,
 * stopping at the first level too deep — it costs what reading a flat body of the same size costs.
 */
export function nestsDeeperThan(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // backslash: the next character is escaped
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * The JSON body parser: Fastify's own safe parser (it refuses `__proto__` and `constructor.prototype` keys),
 * plus three things it does not do. An empty body sent as application/json (some clients do this for POST
 * without data, e.g. sign-out) counts as no body instead of a 400; a body nested too deep is refused before
 * it is parsed; and a body refused for a forbidden key says so rather than calling valid JSON invalid.
 */
export function registerJsonBodyParser(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text.trim() === '') return done(null, undefined);
    if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return done(badRequest('提交的内容层级太多，请检查后重试'), undefined);
    return parseJson(request, text, (error, value) => {
      if (error && isJson(text)) {
        return done(badRequest('提交的内容含有不允许的字段名（__proto__ 或 constructor），请去掉后重试'), undefined);
      }
      return done(error, value);
    });
  });
}
