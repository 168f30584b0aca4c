import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import type { ErrorBody, ErrorCode } from '@contract/errors';
import { fieldLabel } from '@contract/field-labels';
import { isDatabaseUnavailable } from '../db/portable';

/** An error meant for the user: its status, code and Chinese message are sent as they are. */
export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.fields ? { fields: this.fields } : {}) } };
  }
}

export const badRequest = (message: string, fields?: Record<string, string>) =>
  new ApiError(400, 'VALIDATION_FAILED', message, fields);
export const unauthenticated = (message = '请先登录') => new ApiError(401, 'UNAUTHENTICATED', message);
export const forbidden = (message = '您没有权限进行此操作') => new ApiError(403, 'FORBIDDEN', message);
export const notFound = (message = '没有找到您要的内容') => new ApiError(404, 'NOT_FOUND', message);
export const conflict = (message: string) => new ApiError(409, 'CONFLICT', message);
export const rateLimited = () => new ApiError(429, 'RATE_LIMITED', '操作太频繁了，请稍等一分钟再试');
export const upstreamFailed = (message: string) => new ApiError(502, 'UPSTREAM_FAILED', message);
export const serviceUnavailable = (message = '服务暂时不可用，请稍后再试') => new ApiError(503, 'UNAVAILABLE', message);

/**
 * A 400 about one field that passed its schema but is still wrong (no such community, a stale cursor …),
 * worded like a schema's: fields = { town: "乡镇（街道）：没有这个乡镇（街道）" }. `summary` replaces the
 * default top-level message when a plainer sentence fits better.
 */
export function fieldError(field: string, message: string, summary?: string): ApiError {
  const text = `${fieldLabel([field])}：${message}`;
  return badRequest(summary ?? `请检查填写的内容：${text}`, { [field]: text });
}

/** Turns zod issues (as fastify-type-provider-zod reports them) into `fields`: path → "纬度：不能大于 90". */
function validationError(error: FastifyError, labels: Record<string, string> = {}): ApiError {
  const fields: Record<string, string> = {};
  for (const issue of error.validation ?? []) {
    const path = issue.instancePath.split('/').filter(Boolean);
    const key = path.join('.') || (error.validationContext ?? 'body');
    const typedPath = path.map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
    // The route's own labels by the path without list positions ('name', 'services.name').
    const own = labels[path.filter((segment) => !/^\d+$/.test(segment)).join('.')];
    fields[key] ??= `${own ?? fieldLabel(typedPath)}：${issue.message}`;
  }
  return badRequest(`请检查填写的内容：${Object.values(fields).join('；')}`, fields);
}

/** Fastify's own 4xx errors (bad JSON, wrong content type, body too large …) in the API's shape. */
function frameworkClientError(error: FastifyError): ApiError | null {
  const status = error.statusCode ?? 500;
  if (status < 400 || status >= 500) return null;
  switch (error.code) {
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return badRequest('请求内容不是有效的 JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return badRequest('请求内容的长度与声明的不符，请重新提交');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return badRequest('请求内容为空');
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ApiError(413, 'VALIDATION_FAILED', '提交的内容太大了');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ApiError(415, 'VALIDATION_FAILED', '不支持的请求格式，请以 JSON 提交');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return new ApiError(414, 'VALIDATION_FAILED', '地址太长了，请检查后重试');
    case 'FST_ERR_BAD_URL':
      return badRequest('地址有误，请检查后重试');
    default:
      if (status === 429) return rateLimited();
      if (status === 404) return notFound();
      return new ApiError(status, 'VALIDATION_FAILED', '请求有误，请检查后重试');
  }
}

/** PostgreSQL's class 22 "data exception" (22003 out of range, 22021 bad byte, 22P02 bad text for a type …). */
function isDataException(error: FastifyError): boolean {
  return typeof error.code === 'string' && /^22[0-9A-Z]{3}$/.test(error.code);
}

/** Any error as the API's answer: its own ApiError, a validation 400, a database outage 503, a framework 4xx, or a logged generic 500. */
function sendError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let apiError: ApiError | null = null;
  if (error instanceof ApiError) apiError = error;
  else if (hasZodFastifySchemaValidationErrors(error)) apiError = validationError(error, request.routeOptions.config.fieldLabels);
  else if (isDatabaseUnavailable(error)) {
    // Not a bug: the database is restarting or out of reach. Say so, and that trying again will work.
    request.log.warn({ err: { type: error.name, code: error.code } }, 'database unavailable');
    apiError = serviceUnavailable('系统暂时连不上数据库，请稍后再试');
  } else if (isDataException(error)) {
    // Input the schemas let through but the database cannot hold (an id past PostgreSQL's integer, a NUL in
    // text): the caller's mistake, not a bug of ours — but a schema that should have refused it, so warn.
    request.log.warn({ err: { type: error.name, code: error.code } }, 'database refused a value');
    apiError = badRequest('请检查填写的内容：有的值超出了允许的范围，或含有无法识别的字符');
  } else apiError = frameworkClientError(error);

  if (!apiError) {
    // A bug. Log what it was (message and stack only: no request body, headers or user data), answer generically.
    request.log.error({ err: { type: error.name, message: error.message, stack: error.stack } }, 'unhandled error');
    apiError = new ApiError(500, 'INTERNAL', '服务出了点问题，请稍后再试');
  }
  return reply.code(apiError.statusCode).type('application/json; charset=utf-8').send(apiError.toBody());
}

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler(sendError);
}

/**
 * Fastify's `frameworkErrors` option: errors found while routing, before any handler or error handler
 * (a path parameter over maxParamLength, a badly percent-encoded path). Without it Fastify answers
 * those itself, in English and in another shape.
 */
export const frameworkErrors = sendError;

/** The 404 body for an unknown path: API callers and browsers get a message that fits. */
export function notFoundFor(url: string): ApiError {
  return url.startsWith('/api') ? notFound('没有这个接口，请检查地址') : notFound('没有找到这个页面');
}

/** The headers every answer made outside Fastify's reply (the connection-level errors below) carries too. */
const RAW_ANSWER_HEADERS = 'Content-Type: application/json; charset=utf-8\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close';

/** What Node's HTTP parser or its timers found wrong with a connection, as the API's error. */
export function connectionError(error: NodeJS.ErrnoException): ApiError {
  switch (error.code) {
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new ApiError(408, 'VALIDATION_FAILED', '请求发送得太慢，已超时，请检查网络后重试');
    case 'HPE_HEADER_OVERFLOW':
      return new ApiError(431, 'VALIDATION_FAILED', '请求头太大了，请清理浏览器的 Cookie 后重试');
    case 'HPE_INVALID_METHOD':
      return badRequest('不支持这种请求方法');
    case 'HPE_INVALID_CONTENT_LENGTH':
    case 'HPE_UNEXPECTED_CONTENT_LENGTH':
      return badRequest('请求内容的长度有误，请重新提交');
    case 'HPE_INVALID_TRANSFER_ENCODING':
    case 'HPE_INVALID_CHUNK_SIZE':
      return badRequest('请求内容的分段格式有误，请重新提交');
    default:
      return badRequest('请求格式有误，请检查后重试');
  }
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP layer refuses before Fastify sees it (bad framing, a
 * header over the size limit, a request or its headers not received in time). Node and Fastify would answer
 * those in English and in another shape; this writes the API's JSON shape in Chinese, then closes the
 * connection (what comes after a broken request on it cannot be trusted).
 */
export function clientErrorHandler(error: NodeJS.ErrnoException, socket: Socket): void {
  // A reset connection has nobody left to answer.
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  // As Node does: answer only if no response has started on this socket, or the peer would read a corrupted one.
  const inFlight = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (socket.writable && !inFlight?.headersSent) {
    const apiError = connectionError(error);
    const body = Buffer.from(JSON.stringify(apiError.toBody()), 'utf8');
    const status = apiError.statusCode;
    const head = `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${RAW_ANSWER_HEADERS}\r\nContent-Length: ${body.length}\r\n\r\n`;
    // One small write goes out at once (as Node's own answer does) before the socket is destroyed.
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
  }
  socket.destroy();
}
