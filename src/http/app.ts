import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import Fastify, {
  type FastifyBaseLogger,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
} from 'fastify';
import type { AppContext } from '../context.js';
import { CROSS_CUTTING_CODES, clientErrorHandler, errorHandler, problem, problemSchema } from './errors.js';
import { httpDuration } from './metrics.js';
import { registerMetricsRoute } from './metrics-listener.js';
import { registerRateLimits } from './rate-limit.js';
import { loggingFrameworkErrors, RequestLogController } from './request-log.js';
import { docsCsp, registerSecurityHeaders } from './security-headers.js';
import { addSafeTextKeyword, markRouteInputs, restrictDateTime } from './text.js';

declare module 'fastify' {
  interface FastifyInstance {
    ctx: AppContext;
  }
  interface FastifyContextConfig {
    /**
     * Serialise 2xx answers with the route's response schema (fast-json-stringify)
     * instead of the app's JSON.stringify: for hot routes whose schema lists
     * every field the handler returns (a field it does not list is dropped).
     */
    serializeBySchema?: boolean;
  }
}

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

function makeAjv(coerceTypes: false | 'array') {
  const ajv = new Ajv({
    removeAdditional: false,
    useDefaults: true,
    coerceTypes,
    allErrors: false,
    strict: false,
  });
  addFormats(ajv);
  addSafeTextKeyword(ajv);
  restrictDateTime(ajv);
  return ajv;
}
const strictAjv = makeAjv(false);
const coercingAjv = makeAjv('array');

const REQUEST_ID = /^[A-Za-z0-9._-]{8,64}$/;

export type RoutePlugin = (app: FastifyInstance, ctx: AppContext) => Promise<void>;

export interface HttpAppOptions {
  /** Route plugins, registered in order (the composition root passes the modules'). */
  routes: RoutePlugin[];
  /** Runs before the routes are registered (e.g. to watch each route as it is added). */
  beforeRoutes?: (app: FastifyInstance) => void;
  /** Runs once every route is registered; a throw closes the app and fails the start. */
  afterRoutes?: (app: FastifyInstance) => void;
}

/**
 * The Fastify app: logging, request ids, validation, the error handler,
 * OpenAPI, security headers, health and metrics. Plain infrastructure: it
 * knows no module, the routes come in as plugins.
 */
export async function createHttpApp(ctx: AppContext, options: HttpAppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    loggerInstance: ctx.log as unknown as FastifyBaseLogger,
    // One line a request at info (see request-log.ts).
    logController: new RequestLogController(),
    bodyLimit: ctx.config.bodyLimitBytes,
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    // Only the configured proxies may name the client (TRUST_PROXY: hops or addresses); never any peer.
    trustProxy: trustProxyOption(ctx.config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
    return503OnClosing: true,
    // Errors before routing (a bad URL encoding, a parameter too long) and before
    // Fastify sees a request (the HTTP parser's) are problem documents like any other.
    frameworkErrors: loggingFrameworkErrors(errorHandler),
    clientErrorHandler,
  });
  app.decorate('ctx', ctx);
  await registerSecurityHeaders(app, ctx);
  // Bodies are validated strictly (a string is never coerced into an amount);
  // query strings and path parameters arrive as text and are coerced.
  app.setValidatorCompiler(({ schema, httpPart }) =>
    httpPart === 'body' ? strictAjv.compile(schema) : coercingAjv.compile(schema),
  );
  // No route takes plain text: such a body is 415 unsupported_media_type, not a confusing 400.
  app.removeContentTypeParser('text/plain');
  app.addSchema(problemSchema);
  app.setErrorHandler(errorHandler);
  // Routes without a response schema still never lose a bigint (money) to JSON.stringify.
  // This serialiser replaces fast-json-stringify on every route, schema or not, except
  // where a route opts into its schema (serializeBySchema).
  app.setReplySerializer((payload) =>
    JSON.stringify(payload, (_k, v) =>
      typeof v === 'bigint' ? (Number.isSafeInteger(Number(v)) ? Number(v) : v.toString()) : v,
    ),
  );
  app.setNotFoundHandler((request, reply) => {
    const body = problem(404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
    reply
      .status(404)
      .type('application/problem+json')
      .send({ ...body, requestId: request.id });
  });

  // Every string a client sends is checked for control and bidi characters (400 invalid_text).
  app.addHook('onRoute', (route) => markRouteInputs(route.schema as Record<string, unknown> | undefined));
  // Every documented API route answers problem documents on error: say so in
  // its schema when the route did not list its own 4xx answers.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as { hide?: boolean; response?: Record<string, unknown> } | undefined;
    if (!schema || schema.hide || !route.url.startsWith('/v1/')) return;
    schema.response = schema.response ?? {};
    const response = schema.response;
    if (!Object.keys(response).some((k) => k.startsWith('4'))) {
      response['4xx'] = { description: 'Problem document (RFC 9457) with a stable code', $ref: 'Problem#' };
    }
  });
  app.addHook('onRoute', (route) => {
    if (!route.config?.serializeBySchema) return;
    const existing = route.preSerialization;
    route.preSerialization = [
      ...(Array.isArray(existing) ? existing : existing ? [existing] : []),
      serializeBySchema,
    ];
  });
  options.beforeRoutes?.(app);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });
  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    httpDuration.observe(
      { method: request.method, route, status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });

  await registerRateLimits(app, ctx);
  await app.register(cookie);
  await registerDocs(app);
  registerHealth(app, ctx);
  // With METRICS_PORT set, /metrics lives on its own listener (startMetricsListener), not here.
  if (ctx.config.metricsPort === undefined) registerMetricsRoute(app, ctx);

  for (const plugin of options.routes) {
    await app.register(async (scope) => plugin(scope, ctx));
  }
  try {
    options.afterRoutes?.(app);
  } catch (error) {
    await app.close(); // the modules' resources (LISTEN connection, caches) are released
    throw error;
  }
  return app;
}

/** preSerialization: a 2xx answer goes through the route's compiled response schema, when it has one. */
function serializeBySchema(
  _request: FastifyRequest,
  reply: FastifyReply,
  payload: unknown,
  done: (error: Error | null, payload: unknown) => void,
): void {
  const status = reply.statusCode;
  if (status >= 200 && status < 300) {
    const serialize = reply.getSerializationFunction(String(status)) ?? reply.getSerializationFunction('2xx');
    if (serialize) reply.serializer(serialize);
  }
  done(null, payload);
}

/** OpenAPI 3.1 at /openapi.json and the interactive docs at /docs. */
async function registerDocs(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Vendra API',
        version: '0.1.0',
        description:
          'Wallets, transfers and bill payments on a double-entry ledger. Money is always an integer in minor units ' +
          '(kobo for NGN) with the currency beside it. Errors are RFC 9457 problem documents with a stable `code`. ' +
          'Every money-moving POST requires an `Idempotency-Key` header. Besides the codes each route lists, any ' +
          `route may answer: ${CROSS_CUTTING_CODES.join(', ')}.`,
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
          apiKey: { type: 'apiKey', in: 'header', name: 'x-api-key' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true, transformStaticCSP: docsCsp });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}

/** Liveness, and readiness (the database answers within 2 s). */
function registerHealth(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/health/live',
    {
      schema: {
        tags: ['health'],
        summary: 'The process is up',
        response: { 200: { type: 'object', properties: { status: { type: 'string' } } } },
      },
    },
    async () => ({ status: 'ok' }),
  );
  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The process can serve: the database answers',
        response: {
          200: { type: 'object', properties: { status: { type: 'string' }, database: { type: 'string' } } },
          503: { $ref: 'Problem#' },
        },
      },
    },
    async (_request, reply) => {
      try {
        await withTimeout(ctx.db.query('SELECT 1'), 2000);
        return { status: 'ok', database: ctx.db.kind };
      } catch (error) {
        reply.status(503).type('application/problem+json');
        return problem(
          503,
          'database_unavailable',
          `The database did not answer: ${(error as Error).message}`,
        );
      }
    },
  );
}

/** A hop count trusts that many proxies nearest to us (as proxy-addr counts them); a list trusts those addresses. */
function trustProxyOption(trust: AppContext['config']['trustProxy']) {
  if (typeof trust !== 'number') return trust;
  return (_address: string, hop: number) => hop < trust;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
    promise.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}
