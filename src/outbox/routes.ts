import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import {
  access,
  authenticateStream,
  authIsCurrent,
  authOf,
  bearerOrApiKeySecurity as security,
  endsStream,
  issueStreamToken,
  recordAudit,
  STAFF,
  STREAM_END_EVENT,
  STREAM_TOKEN_TTL_SECONDS,
} from '../identity/index.js';
import { listDeadLetters, retryDeadLetter } from './dead-letters.js';
import { createEventHub, type LiveEvent } from './live-events.js';

/** A live stream is closed after this; the browser reconnects with a fresh stream token. */
export const MAX_STREAM_MS = 60 * 60_000;
const HEARTBEAT_MS = 25_000;
/** A client this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

const authErrors = {
  401: ['unauthorized', 'token_expired', 'invalid_token'],
  403: ['forbidden', 'insufficient_scope', 'account_frozen'],
} as const;

const deadLetterSchema = {
  type: 'object',
  properties: {
    eventId: { type: 'string' },
    consumer: { type: 'string' },
    type: { type: 'string' },
    key: { type: ['string', 'null'] },
    payload: { type: ['object', 'array', 'string', 'number', 'boolean', 'null'], additionalProperties: true },
    userId: { type: ['string', 'null'] },
    attempts: { type: 'integer' },
    lastError: { type: ['string', 'null'] },
    createdAt: { type: 'string', format: 'date-time' },
    deadAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['eventId', 'consumer', 'type', 'attempts', 'lastError', 'createdAt'],
} as const;

/** The stream's response headers: never cached, never buffered by a proxy. */
const sseHeaders = (requestId: string) => ({
  'content-type': 'text/event-stream; charset=utf-8',
  'cache-control': 'no-store',
  connection: 'keep-alive',
  'x-accel-buffering': 'no',
  'x-request-id': requestId,
});

/** GET /v1/events/stream: its OpenAPI entry. */
const streamSchema = {
  tags: ['events'],
  summary:
    'Live events (Server-Sent Events): wallet.balance_updated, transfer.received, deposit.succeeded, withdrawal.updated, bill_payment.updated',
  description:
    'Authenticate with a bearer token, or open with EventSource("/v1/events/stream?token=..."), the token from ' +
    "POST /v1/events/stream-token. Each message is `event: <type>` with the event's JSON data " +
    '(`{"truncated": true}` means refetch). The stream closes after an hour; EventSource then reconnects ' +
    '(fetch a new token first). The stream ends when its session ends (logout, revocation) or its API key is ' +
    'revoked, and when the user is frozen.',
  querystring: {
    type: 'object',
    properties: { token: { type: 'string', minLength: 1, maxLength: 2048 } },
    additionalProperties: false,
  },
  response: {
    200: {
      description: 'text/event-stream',
      content: { 'text/event-stream': { schema: { type: 'string' } } },
    },
    ...errorResponses({
      400: ['validation_failed'],
      401: ['token_expired', 'invalid_token'],
      403: ['account_frozen'],
      429: ['too_many_streams'],
    }),
  },
};

/** Operator routes for dead letters, and the live event stream (SSE) for browsers. */
export async function outboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  deadLetterRoutes(app, ctx);
  await liveEventRoutes(app, ctx);
}

/** Operators: the dead deliveries, and retrying one (audit-logged). */
function deadLetterRoutes(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/outbox/dead-letters',
    {
      onRequest: access({ roles: STAFF, scope: 'outbox:read' }),
      schema: {
        tags: ['admin'],
        summary: 'Outbox deliveries that exhausted their attempts',
        security,
        querystring: {
          type: 'object',
          properties: {
            consumer: { type: 'string', maxLength: 64 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 50 },
            cursor: { type: 'string', maxLength: 512 },
          },
          additionalProperties: false,
        },
        response: {
          200: pageOf(deadLetterSchema),
          ...errorResponses({ 400: ['validation_failed', 'unknown_field', 'invalid_cursor'], ...authErrors }),
        },
      },
    },
    async (request) => listDeadLetters(ctx.db, request.query),
  );

  typed(app).post(
    '/v1/admin/outbox/dead-letters/retry',
    {
      onRequest: access({ roles: STAFF, scope: 'outbox:write' }),
      schema: {
        tags: ['admin'],
        summary: 'Queue a dead delivery again with a fresh attempt budget (audited)',
        security,
        body: {
          type: 'object',
          properties: {
            eventId: { type: 'string', pattern: '^[0-9]{1,19}$' },
            consumer: { type: 'string', minLength: 1, maxLength: 64 },
            reason: { type: 'string', minLength: 3, maxLength: 500 },
          },
          required: ['eventId', 'consumer', 'reason'],
          additionalProperties: false,
        },
        response: {
          204: { type: 'null', description: 'Queued' },
          ...errorResponses({
            400: ['validation_failed', 'unknown_field'],
            ...authErrors,
            404: ['not_found'],
          }),
        },
      },
    },
    async (request, reply) => {
      const { eventId, consumer, reason } = request.body;
      await ctx.db.transaction(async (tx) => {
        if (!(await retryDeadLetter(tx, BigInt(eventId), consumer))) throw notFound('Dead delivery');
        await recordAudit(tx, {
          actorId: authOf(request).userId,
          action: 'outbox.retry_dead_letter',
          targetType: 'outbox_delivery',
          targetId: `${eventId}:${consumer}`,
          before: { status: 'dead' },
          after: { status: 'pending' },
          reason,
          requestId: request.id,
        });
      });
      reply.status(204);
    },
  );

  /** Each open stream's end, and the check that its session or API key is still active. */
}

/** Customers: a stream token, and the SSE stream of their live events. */
async function liveEventRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const openStreams = new Map<() => void, () => Promise<boolean>>();
  // A stream-end notice sent while the LISTEN connection was down is lost: check every stream instead.
  const recheckStreams = () => {
    for (const [end, isCurrent] of openStreams) {
      isCurrent().then(
        (current) => current || end(),
        (error) => ctx.log.warn({ err: error }, 'could not recheck a live stream'),
      );
    }
  };
  const hub = await createEventHub(ctx.db, ctx.log, { onReconnect: recheckStreams });
  // preClose, not onClose: the server waits for open connections before onClose runs, and a stream never ends.
  app.addHook('preClose', async () => {
    for (const end of [...openStreams.keys()]) end();
  });
  app.addHook('onClose', async () => {
    await hub.close();
  });

  typed(app).post(
    '/v1/events/stream-token',
    {
      config: { rateLimit: rateLimit(ctx, 'streamToken') },
      onRequest: access({ scope: 'events:read', supportMay: true }),
      schema: {
        tags: ['events'],
        summary:
          'A short-lived token (60 s) to open the event stream from a browser (EventSource cannot send headers)',
        security: [{ bearer: [] }],
        response: {
          200: { type: 'object', properties: { token: { type: 'string' }, expiresIn: { type: 'integer' } } },
        },
      },
    },
    async (request) => {
      const { userId, sessionId, apiKeyId } = authOf(request);
      return {
        token: await issueStreamToken(ctx.config, userId, { sessionId, apiKeyId }),
        expiresIn: STREAM_TOKEN_TTL_SECONDS,
      };
    },
  );

  typed(app).get(
    '/v1/events/stream',
    {
      // The URL carries a (short-lived) token: keep it out of the info-level request logs.
      logLevel: 'warn',
      onRequest: access({ scope: 'events:read', authenticate: authenticateStream }),
      schema: streamSchema,
    },
    async (request, reply) => {
      const auth = authOf(request);
      const raw = reply.raw;
      let started = false;
      let ended = false;
      let heartbeat: NodeJS.Timeout | undefined;
      let maxAge: NodeJS.Timeout | undefined;
      const end = () => {
        if (ended) return;
        ended = true;
        unsubscribe();
        clearInterval(heartbeat);
        clearTimeout(maxAge);
        openStreams.delete(end);
        if (started) raw.end();
      };
      const write = (chunk: string) => {
        if (ended || !started) return;
        if (raw.writableLength > MAX_BUFFERED_BYTES) return end();
        raw.write(chunk);
      };
      const unsubscribe = hub.subscribe(auth.userId, (event: LiveEvent) => {
        if (event.type === STREAM_END_EVENT) {
          if (endsStream(event.data, auth)) end();
          return;
        }
        const data = event.truncated ? { truncated: true } : (event.data ?? {});
        write(`event: ${event.type.replace(/[\r\n]/g, '')}\ndata: ${JSON.stringify(data)}\n\n`);
      });
      // Checked again once subscribed: a logout or freeze that committed after authentication sent
      // its notice before this stream listened.
      if (!(await authIsCurrent(request, auth)) || ended) {
        end();
        throw new AppError('invalid_token', 'The session has ended; log in again');
      }
      started = true;
      reply.hijack();
      raw.writeHead(200, sseHeaders(request.id));
      raw.write('retry: 3000\n: connected\n\n');
      heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      maxAge = setTimeout(end, MAX_STREAM_MS);
      openStreams.set(end, () => authIsCurrent(request, auth));
      request.raw.on('close', end);
    },
  );
}
