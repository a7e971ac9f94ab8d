import { createHash, timingSafeEqual } from 'node:crypto';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyRequest,
  LogController,
} from 'fastify';
import type { AppContext } from '../context.js';
import { errorHandler, unauthorized } from './errors.js';
import { registry } from './metrics.js';

/** Constant-time comparison of the presented bearer token with METRICS_TOKEN (hashed to equal lengths). */
function bearerMatches(request: FastifyRequest, token: string): boolean {
  const header = request.headers.authorization;
  if (typeof header !== 'string' || !header.startsWith('Bearer ')) return false;
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(header.slice('Bearer '.length)), digest(token));
}

/** GET /metrics (Prometheus text), behind METRICS_TOKEN as a bearer token when it is set. */
export function registerMetricsRoute(app: FastifyInstance, ctx: AppContext): void {
  const token = ctx.config.metricsToken;
  app.get(
    '/metrics',
    {
      schema: { hide: true },
      logLevel: 'warn', // a scrape every few seconds is not worth a log line
      onRequest: async (request) => {
        if (token !== undefined && !bearerMatches(request, token))
          throw unauthorized('GET /metrics needs the METRICS_TOKEN bearer token');
      },
    },
    async (_request, reply) => {
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
}

/**
 * With METRICS_PORT set, /metrics is served by a listener of its own on HOST:METRICS_PORT
 * (a port that need not be exposed where the API is) and not by the API.
 */
export async function startMetricsListener(ctx: AppContext): Promise<FastifyInstance | undefined> {
  const port = ctx.config.metricsPort;
  if (port === undefined) return undefined;
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    // Scrapes are not worth a log line each.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setErrorHandler(errorHandler);
  registerMetricsRoute(app, ctx);
  await app.listen({ host: ctx.config.host, port });
  return app;
}
