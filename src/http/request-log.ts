import {
  type FastifyBaseLogger,
  type FastifyError,
  type FastifyReply,
  type FastifyRequest,
  LogController,
} from 'fastify';
import { type Logger, redactUrl } from '../log.js';

const enabled = (log: FastifyBaseLogger, level: 'debug' | 'info') =>
  (log as unknown as Logger).isLevelEnabled(level);

/**
 * One log line per request at info, when it ends: method, path (the query by
 * its parameter names only, as log.ts redacts it), route, status and response
 * time; the request id comes with the request's logger. Fastify's default is
 * two lines a request (arrival and outcome), and writing them was a
 * noticeable share of the API's CPU; the arrival line, with the request's
 * (redacted) headers, is kept at debug.
 */
export class RequestLogController extends LogController {
  override incomingRequest(request: FastifyRequest): void {
    if (enabled(request.log, 'debug')) request.log.debug({ req: request }, 'incoming request');
  }

  override requestCompleted(
    error: Error | null | undefined,
    request: FastifyRequest,
    reply: FastifyReply,
  ): void {
    if (!error && !enabled(reply.log, 'info')) return;
    const line = {
      method: request.method,
      url: redactUrl(request.url),
      route: request.routeOptions.url ?? 'unmatched',
      statusCode: reply.statusCode,
      responseTime: Math.round(reply.elapsedTime * 100) / 100,
    };
    if (error) reply.log.error({ ...line, err: error }, 'request errored');
    else reply.log.info(line, 'request completed');
  }
}

type FrameworkErrorHandler = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => void;

/**
 * Fastify ends a request it refuses before routing (a bad URL encoding, a
 * parameter too long) without the outcome line: log that request's line here.
 */
export function loggingFrameworkErrors(handler: FrameworkErrorHandler): FrameworkErrorHandler {
  return (error, request, reply) => {
    handler(error, request, reply);
    if (!enabled(request.log, 'info')) return;
    const line = { method: request.method, url: redactUrl(request.url), statusCode: reply.statusCode };
    request.log.info({ ...line, route: 'unmatched', code: error.code }, 'request refused before routing');
  };
}
