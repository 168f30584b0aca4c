/**
 * A fuzz test of the whole API, generated from its own OpenAPI document: for every operation, requests with
 * values drawn from its schemas (in range, at the edges, of the wrong type, missing, extra, garbled), signed in
 * as each kind of user or not at all, from a fixed seed so a failure can be replayed. Every answer must be
 * below 500, JSON in the API's error shape when it is an error, and in Chinese.
 */
import type { InjectOptions } from 'fastify';
import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, type TestApp } from './testing/app';

jest.setTimeout(120_000);

const SEED = 20261130;
const REQUESTS = 3000;

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Schema = any;

const ODD_STRINGS = [
  '', ' ', '0', '-1', '1e309', 'NaN', 'null', 'true', '[]', '{}', '%', '%zz', '../../etc/passwd', "' or 1=1 --",
  '<script>alert(1)</script>', '\u0000', '\uFFFF', '\uD800', '😀'.repeat(50), '新市社区', 'x'.repeat(5000),
  '2026-02-30', '2026-11-26T02:00:00Z', '9'.repeat(40), 'sp-xinshi-elder-canteen', 'xinshi', '220681002',
];

class Fuzzer {
  constructor(private readonly next: () => number) {}

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Anything at all: for the wrong-type cases. */
  junk(depth = 0): unknown {
    const kind = this.pick(['string', 'number', 'bool', 'null', 'array', 'object'] as const);
    if (depth > 2 && (kind === 'array' || kind === 'object')) return null;
    switch (kind) {
      case 'string':
        return this.pick(ODD_STRINGS);
      case 'number':
        return this.pick([0, -1, 1, 0.5, 1e308, -1e308, 2 ** 53, Number.MAX_SAFE_INTEGER + 2, 1234567]);
      case 'bool':
        return this.chance(0.5);
      case 'null':
        return null;
      case 'array':
        return [this.junk(depth + 1), this.junk(depth + 1)];
      case 'object':
        return { a: this.junk(depth + 1), __x: this.junk(depth + 1) };
    }
  }

  /** A value for `schema`: mostly of its shape (in range or at an edge), sometimes junk. */
  value(schema: Schema, depth = 0): unknown {
    if (!schema || this.chance(0.08) || depth > 5) return this.junk(depth);
    const union = schema.anyOf ?? schema.oneOf;
    if (union) return this.value(this.pick(union), depth);
    if (schema.allOf) return this.value(schema.allOf[0], depth);
    if ('const' in schema) return schema.const;
    if (schema.enum) return this.chance(0.85) ? this.pick(schema.enum) : this.pick(ODD_STRINGS);
    const type = Array.isArray(schema.type) ? this.pick(schema.type) : schema.type;
    switch (type) {
      case 'string':
        return this.string(schema);
      case 'integer':
      case 'number':
        return this.number(schema, type === 'integer');
      case 'boolean':
        return this.chance(0.5);
      case 'null':
        return null;
      case 'array': {
        const length = this.pick([0, 1, 2, 3, schema.maxItems ?? 5, (schema.maxItems ?? 50) + 1]);
        return Array.from({ length: Math.min(length, 60) }, () => this.value(schema.items, depth + 1));
      }
      case 'object':
        return this.object(schema, depth);
      default:
        return this.junk(depth);
    }
  }

  private string(schema: Schema): string {
    if (this.chance(0.3)) return this.pick(ODD_STRINGS);
    if (schema.format === 'date' || /\\d\{4\}-/.test(schema.pattern ?? '')) return this.pick(['2026-11-26', '2026-11-27', '2026-12-31', '1900-01-01']);
    if (schema.format === 'date-time') return this.pick(['2026-11-26T02:00:00.000Z', '2026-11-27T10:00:00.000Z']);
    const min = schema.minLength ?? 0;
    const max = schema.maxLength ?? 40;
    const length = this.pick([min, Math.min(max, min + 8), max, max + 1]);
    return '临江abc123-_'.repeat(Math.ceil(length / 11) + 1).slice(0, length);
  }

  private number(schema: Schema, integer: boolean): number {
    const min = typeof schema.minimum === 'number' ? schema.minimum : -1000;
    const max = typeof schema.maximum === 'number' ? schema.maximum : 1000;
    const candidates = [min, max, min - 1, max + 1, 0, 1, 2, 3, 5, 10, 125.5, 41.8, 126.9];
    const value = this.pick(candidates);
    return integer && this.chance(0.9) ? Math.trunc(value) : value;
  }

  private object(schema: Schema, depth: number): Record<string, unknown> {
    const result: Record<string, unknown> = {};
    const required = new Set<string>(schema.required ?? []);
    for (const [key, child] of Object.entries(schema.properties ?? {})) {
      if (required.has(key) ? this.chance(0.95) : this.chance(0.6)) result[key] = this.value(child, depth + 1);
    }
    if (this.chance(0.1)) result.unexpected = this.junk(depth + 1);
    return result;
  }

  /** A query or path parameter's text. */
  param(schema: Schema): string {
    const value = this.value(schema);
    return typeof value === 'string' ? value : JSON.stringify(value) ?? '';
  }
}

/** Percent-encoded; a lone surrogate (not encodable) goes as the raw bytes of one, which is a fair test too. */
function encodePathSegment(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: string; required?: boolean; schema: Schema }[];
  body: Schema | null;
}

function operationsOf(doc: Schema): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries<Schema>(doc.paths)) {
    if (!path.startsWith('/api')) continue;
    for (const [method, operation] of Object.entries<Schema>(methods)) {
      // Deleting an account would delete the demo accounts the run signs in with (its own test covers it).
      if (method === 'delete' && path === '/api/me') continue;
      operations.push({
        method: method.toUpperCase(),
        path,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema ?? null,
      });
    }
  }
  return operations;
}

/** Letters a Chinese message may carry: names of things the user can act on, not English sentences. */
const ALLOWED_LATIN = /JSON|Cookie|__proto__|constructor|ID|CSV|Idempotency-Key|DATABASE_URL/g;

/**
 * Latin words a message may quote: the API's own values (enum members, true/false — "只能是 due 或 visited")
 * and whatever the request itself sent (an unknown key echoed back). Anything else is English prose.
 */
function quotableWords(doc: Schema): Set<string> {
  const words = new Set(['true', 'false']);
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if (key === 'enum' && Array.isArray(value)) value.forEach((v) => typeof v === 'string' && v.split(/[^A-Za-z]+/).forEach((w) => words.add(w)));
        else walk(value);
      }
    }
  };
  walk(doc);
  return words;
}

function problemWith(
  response: { statusCode: number; headers: Record<string, unknown>; body: string },
  quotable: (word: string) => boolean,
): string | null {
  if (response.statusCode >= 500) return `status ${response.statusCode}: ${response.body.slice(0, 300)}`;
  const type = String(response.headers['content-type'] ?? '');
  if (response.statusCode < 400) {
    if (type.includes('application/json')) JSON.parse(response.body);
    return null;
  }
  if (!type.includes('application/json')) return `error ${response.statusCode} as ${type}`;
  const body = JSON.parse(response.body);
  const { error, ...rest } = body;
  if (Object.keys(rest).length > 0 || typeof error?.code !== 'string' || typeof error?.message !== 'string') {
    return `not in the error shape: ${response.body.slice(0, 300)}`;
  }
  const { code, message, fields, ...extra } = error;
  if (Object.keys(extra).length > 0) return `extra keys in the error: ${response.body.slice(0, 300)}`;
  if (!/^[A-Z_]+$/.test(code)) return `odd code ${code}`;
  for (const text of [message, ...Object.values((fields ?? {}) as Record<string, string>)]) {
    if (typeof text !== 'string' || !/[\u4e00-\u9fff]/.test(text)) return `a message without Chinese: ${text}`;
    const latin = (text.replace(ALLOWED_LATIN, '').match(/[A-Za-z]{3,}/g) ?? []).find((word) => !quotable(word));
    if (latin) return `English in a message ("${latin}"): ${text}`;
  }
  return null;
}

describe('fuzzing the API from its OpenAPI document', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it(`${REQUESTS} generated requests (seed ${SEED}): no 5xx, every error in the API's shape and in Chinese`, async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const operations = operationsOf(doc);
    const enumWords = quotableWords(doc);
    expect(operations.length).toBeGreaterThan(50);
    const fuzz = new Fuzzer(random(SEED));
    const accounts: DemoAccountKey[] = ['resident', 'worker', 'street', 'provider', 'elder', 'volunteer', 'bath-provider'];
    const tokens = new Map<DemoAccountKey, string>();
    const tokenOf = async (account: DemoAccountKey) => {
      if (!tokens.has(account)) tokens.set(account, (await t.signIn(account)).authorization);
      return tokens.get(account)!;
    };

    const problems: string[] = [];
    const statuses = new Map<number, number>();
    for (let i = 0; i < REQUESTS; i += 1) {
      // Sign-out and consent withdrawal end sessions: start again now and then.
      if (i % 250 === 0) tokens.clear();
      const operation = fuzz.pick(operations);
      let url = operation.path.replace(/\{(\w+)\}/g, (_match, name: string) => {
        const parameter = operation.parameters.find((p) => p.in === 'path' && p.name === name);
        const text = fuzz.chance(0.3) ? String(fuzz.pick([1, 2, 3, 999999])) : fuzz.param(parameter?.schema);
        return encodePathSegment(text.slice(0, fuzz.chance(0.9) ? 80 : 300));
      });
      const query = new URLSearchParams();
      for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
        if (parameter.required ? fuzz.chance(0.95) : fuzz.chance(0.5)) query.append(parameter.name, fuzz.param(parameter.schema));
      }
      if (fuzz.chance(0.05)) query.append('unknown', 'x');
      if ([...query].length > 0) url += `?${query}`;

      const headers: Record<string, string> = {};
      const who = fuzz.pick(['none', 'garbage', 'user', 'user', 'user'] as const);
      if (who === 'garbage') headers.authorization = fuzz.pick(['Bearer x', 'Bearer ' + 'A'.repeat(43), 'Basic abc', 'Bearer']);
      if (who === 'user') headers.authorization = await tokenOf(fuzz.pick(accounts));
      for (const parameter of operation.parameters.filter((p) => p.in === 'header')) {
        if (fuzz.chance(0.7)) headers[parameter.name] = fuzz.param(parameter.schema).replace(/[^\x20-\x7e]/g, '');
      }

      const request: InjectOptions = { method: operation.method as InjectOptions['method'], url, headers };
      if (operation.body || (operation.method !== 'GET' && fuzz.chance(0.2))) {
        const shape = fuzz.pick(['schema', 'schema', 'schema', 'schema', 'junk', 'text', 'empty'] as const);
        if (shape === 'text') request.payload = fuzz.pick(['{', 'not json', '{"a":1,}', '[1,2', '\u0000']);
        else if (shape === 'empty') request.payload = '';
        else request.payload = JSON.stringify(shape === 'schema' ? fuzz.value(operation.body) : fuzz.junk());
        headers['content-type'] = fuzz.chance(0.95) ? 'application/json' : fuzz.pick(['text/plain', 'application/xml', 'multipart/form-data']);
      }

      const response = await t.app.inject(request);
      statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
      let problem: string | null;
      try {
        const sent = `${request.url} ${typeof request.payload === 'string' ? request.payload : ''}`;
        problem = problemWith(response, (word) => enumWords.has(word) || sent.includes(word));
      } catch (error) {
        problem = `unreadable answer (${(error as Error).message}): ${response.body.slice(0, 200)}`;
      }
      if (problem) problems.push(`#${i} ${operation.method} ${url.slice(0, 200)}: ${problem}`);
    }

    expect(problems.slice(0, 20)).toEqual([]);
    // The run reached past the validators: some requests were answered 2xx, some refused for a rule or a role.
    const count = (from: number, to: number) => [...statuses].filter(([s]) => s >= from && s < to).reduce((n, [, c]) => n + c, 0);
    expect(count(200, 300)).toBeGreaterThan(REQUESTS / 20);
    expect(count(400, 401)).toBeGreaterThan(REQUESTS / 10);
    expect(count(401, 405)).toBeGreaterThan(REQUESTS / 50);
  });
});
