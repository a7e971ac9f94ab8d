/**
 * The sandbox inbox (NOTIFY_MODE=sandbox or SMS_MODE=sandbox only): every email and SMS the
 * sandbox adapters kept, as an HTML page or, with `Accept: application/json`, as JSON. Hidden
 * from the API description: a developer's tool, not an API.
 */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { typed } from '../http/type-provider.js';
import { sandboxInbox } from './inbox.js';
import { sandboxInboxPage } from './sandbox-page.js';

const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; frame-ancestors 'none'";

const query = {
  type: 'object',
  properties: { to: { type: 'string', maxLength: 254 } },
  additionalProperties: false,
} as const;

export async function sandboxInboxRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get('/sandbox/inbox', { schema: { hide: true, querystring: query } }, async (request, reply) => {
    const data = await sandboxInbox(ctx.db, request.query.to);
    if ((request.headers.accept ?? '').includes('application/json')) return reply.send({ data });
    reply.type('text/html; charset=utf-8').header('content-security-policy', PAGE_CSP);
    return sandboxInboxPage(data);
  });
}
