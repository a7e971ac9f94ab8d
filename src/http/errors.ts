import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, ERROR_STATUS, type ErrorCode } from '../errors/index.js';
import { SAFE_TEXT_KEYWORD } from './text.js';

// The codes and AppError live in the shared kernel (src/errors): re-exported
// here so the HTTP layer's imports keep working.
export {
  AppError,
  ERROR_STATUS,
  type ErrorCode,
  forbidden,
  notFound,
  statusOf,
  unauthorized,
} from '../errors/index.js';

export interface Problem {
  type: string;
  title: string;
  status: number;
  code: string;
  detail?: string;
  instance?: string;
  errors?: { path: string; message: string }[];
  [key: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  408: 'Request Timeout',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  423: 'Locked',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
};

export function problem(
  status: number,
  code: ErrorCode,
  detail: string,
  extra: Record<string, unknown> = {},
): Problem {
  return {
    type: `urn:vendra:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...extra,
  };
}

/** Maps Fastify's own errors to stable codes. */
function fromFastify(error: FastifyError): Problem | undefined {
  if (error.validation) {
    const errors = error.validation.map((v) => {
      const base = v.instancePath || '';
      const prop =
        v.keyword === 'additionalProperties'
          ? `/${(v.params as { additionalProperty?: string }).additionalProperty}`
          : v.keyword === 'required'
            ? `/${(v.params as { missingProperty?: string }).missingProperty}`
            : '';
      return {
        path: `${error.validationContext ?? 'body'}${base}${prop}`,
        message:
          v.keyword === SAFE_TEXT_KEYWORD
            ? 'must be text without control characters, lone surrogates or bidirectional overrides'
            : (v.message ?? 'is invalid'),
      };
    });
    const text = error.validation.find((v) => v.keyword === SAFE_TEXT_KEYWORD);
    if (text) {
      const field = errors[error.validation.indexOf(text)]!.path;
      return problem(
        400,
        'invalid_text',
        `${field} holds characters that are not allowed (control characters, lone surrogates or bidirectional overrides)`,
        { errors, field },
      );
    }
    const cursor = errors.some((e) => /\/cursor$/.test(e.path));
    if (cursor) return problem(400, 'invalid_cursor', 'The cursor is malformed', { errors });
    const unknownField = error.validation.some((v) => v.keyword === 'additionalProperties');
    const amount = errors.some((e) => /\/amount$/.test(e.path));
    const code = unknownField ? 'unknown_field' : amount ? 'invalid_amount' : 'validation_failed';
    const detail = amount
      ? 'amount must be a whole number of minor units (kobo), at least 1 and at most 9007199254740991'
      : error.message;
    return problem(400, code, detail, { errors });
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'body_too_large', 'The request body is larger than this endpoint accepts');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'unsupported_media_type', 'Send the body as application/json');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'empty_body', 'The request body is empty but JSON was declared');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return problem(400, 'malformed_json', 'The request body is not valid JSON');
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'invalid_content_length', 'The request body size does not match Content-Length');
    case 'FST_ERR_BAD_URL':
      return problem(400, 'bad_url', 'The URL is not validly percent-encoded');
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return problem(414, 'url_too_long', 'A path parameter is longer than this API accepts');
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return problem(400, 'malformed_json', 'The request body is not valid JSON');
  }
  if (error.statusCode === 429) {
    return problem(429, 'rate_limited', error.message || 'Too many requests');
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return problem(error.statusCode, 'bad_request', error.message);
  }
  return undefined;
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  let body: Problem;
  if (error instanceof AppError) {
    body = problem(error.status, error.code, error.message, error.extra);
    for (const [k, v] of Object.entries(error.headers)) reply.header(k, v);
    if (error.status >= 500) request.log.error({ err: error }, 'request failed');
  } else {
    const mapped = fromFastify(error);
    if (mapped) {
      body = mapped;
    } else {
      request.log.error({ err: error }, 'unhandled error');
      body = problem(500, 'internal_error', 'Something went wrong on our side; it has been logged');
    }
  }
  body.instance = request.url.split('?')[0];
  body.requestId = request.id;
  reply.status(body.status).type('application/problem+json').send(body);
}

/**
 * Fastify's clientErrorHandler: errors Node's HTTP parser raises before there
 * is a request (headers too large, a malformed request line or header, a
 * client too slow to send its headers) are answered as problem documents
 * too, then the connection is closed (the parser cannot resume on it).
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const body =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? problem(431, 'headers_too_large', 'The request headers are larger than this server accepts')
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? problem(408, 'request_timeout', 'The request was not received in time')
        : problem(400, 'malformed_request', 'The request is not valid HTTP');
  const json = JSON.stringify(body);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${body.status} ${body.title}\r\nContent-Type: application/problem+json\r\n` +
        `Content-Length: ${Buffer.byteLength(json)}\r\nConnection: close\r\n\r\n${json}`,
    );
  }
  socket.destroy();
}

/** Schema for a problem document, used in route responses so /docs shows the error shape. */
export const problemSchema = {
  $id: 'Problem',
  type: 'object',
  description: 'RFC 9457 problem details with a stable machine-readable code',
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string' },
    detail: { type: 'string' },
    instance: { type: 'string' },
    requestId: { type: 'string' },
    errors: {
      type: 'array',
      items: { type: 'object', properties: { path: { type: 'string' }, message: { type: 'string' } } },
    },
  },
  required: ['type', 'title', 'status', 'code'],
  additionalProperties: true,
} as const;

/**
 * Codes any route may answer whatever it does (authentication and access,
 * schema validation, the transport, overload): listed once, in the API
 * description, rather than on every route.
 */
export const CROSS_CUTTING_CODES: readonly ErrorCode[] = [
  'unauthorized',
  'token_expired',
  'invalid_token',
  'forbidden',
  'insufficient_scope',
  'account_frozen',
  'validation_failed',
  'unknown_field',
  'invalid_amount',
  'invalid_text',
  'empty_body',
  'malformed_json',
  'malformed_request',
  'invalid_content_length',
  'bad_url',
  'url_too_long',
  'headers_too_large',
  'request_timeout',
  'body_too_large',
  'unsupported_media_type',
  'bad_request',
  'rate_limited',
  'overloaded',
  'internal_error',
];

/**
 * Standard error responses for a route's schema, listing the codes it can
 * answer; each code is grouped under its status from the kernel's table.
 * (The older `{ 400: [...] }` form is accepted; its keys are ignored.)
 */
export function errorResponses(
  ...groups: (readonly ErrorCode[] | Partial<Record<number, readonly ErrorCode[]>>)[]
) {
  const byStatus = new Map<number, ErrorCode[]>();
  for (const group of groups) {
    const codes = Array.isArray(group) ? group : Object.values(group).flat();
    for (const code of codes as ErrorCode[]) {
      const list = byStatus.get(ERROR_STATUS[code]) ?? [];
      if (!list.includes(code)) list.push(code);
      byStatus.set(ERROR_STATUS[code], list);
    }
  }
  const out: Record<number, unknown> = {};
  for (const [status, list] of byStatus) {
    out[status] = {
      description: `Problem document; code is one of: ${list.join(', ')}`,
      content: { 'application/problem+json': { schema: { $ref: 'Problem#' } } },
    };
  }
  return out;
}
