/** Operators: the dispute queue, a dispute with its subject's timeline, review, requery, messages and resolution. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idempotencyHeader, idParams } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, ALL_STAFF, access, authOf, recordAudit, STAFF } from '../identity/index.js';
import { adminDisputeDetail } from './admin-detail.js';
import { listDisputes, openDispute, postMessage } from './disputes.js';
import { requeryDispute, resolveDispute, startReview } from './resolve.js';
import {
  adminDisputeSchema,
  changeErrors,
  disputeSchema,
  openBody,
  openErrors,
  disputePage,
  listQuery,
  messageBody,
  readErrors,
  resolveBody,
  resolveErrors,
} from './schemas.js';

const tags = ['admin'];
const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

export async function adminDisputeRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/disputes',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:read' }),
      schema: {
        tags,
        summary: 'The dispute queue, newest first; filter by status and overdue (open past their due date)',
        security: bearerSecurity,
        querystring: listQuery,
        response: { 200: disputePage },
      },
    },
    async (request) => listDisputes(ctx.db, request.query),
  );

  typed(app).get(
    '/v1/admin/disputes/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:read' }),
      schema: {
        tags,
        summary:
          "A dispute with its messages and its subject's timeline, provider calls, postings and refund",
        security: bearerSecurity,
        params: idParams,
        response: { 200: adminDisputeSchema, ...readErrors },
      },
    },
    async (request) => adminDisputeDetail(ctx, request.params.id),
  );
  registerOpenForCustomer(app, ctx);
  registerActions(app, ctx);
}

/** POST /v1/admin/disputes: staff (support included) open a dispute for a customer who called in. */
function registerOpenForCustomer(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/disputes',
    {
      onRequest: access({ roles: ALL_STAFF, scope: 'disputes:write', supportMay: true }),
      schema: {
        tags,
        summary:
          'Open a dispute for a customer on one of their transactions (support may; audited): the customer is acknowledged as if they had opened it',
        security: bearerSecurity,
        body: {
          ...openBody,
          properties: { ...openBody.properties, userId: { type: 'string', format: 'uuid' } },
          required: [...openBody.required, 'userId'],
        },
        response: { 201: disputeSchema, ...openErrors },
      },
    },
    async (request, reply) => {
      const { userId, ...input } = request.body;
      const staffId = authOf(request).userId;
      const d = await openDispute(ctx, userId, input, {
        staffId,
        audit: (tx, row) =>
          recordAudit(tx, {
            actorId: staffId,
            action: 'dispute.opened_for_customer',
            targetType: 'dispute',
            targetId: row.id,
            before: null,
            after: {
              userId,
              subjectType: input.subjectType,
              subjectId: input.subjectId,
              reason: input.reason,
            },
            requestId: request.id,
          }),
      });
      return reply.code(201).send(d);
    },
  );
}

function registerActions(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/disputes/:id/review',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:write' }),
      schema: {
        tags,
        summary: 'Take an opened dispute for review (audited; the customer is told)',
        security: bearerSecurity,
        params: idParams,
        response: { 200: adminDisputeSchema, ...changeErrors },
      },
    },
    async (request) => startReview(ctx, actorOf(request), request.params.id),
  );

  typed(app).post(
    '/v1/admin/disputes/:id/requery',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:write' }),
      schema: {
        tags,
        summary:
          "Ask the bill provider about the disputed payment now; its answer is applied as the vend job's would be",
        security: bearerSecurity,
        params: idParams,
        response: {
          200: adminDisputeSchema,
          ...errorResponses({ 400: ['bad_request'], 404: ['not_found'] }),
        },
      },
    },
    async (request) => requeryDispute(ctx, request.params.id),
  );

  typed(app).post(
    '/v1/admin/disputes/:id/messages',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:write' }),
      schema: {
        tags,
        summary: 'Write to the customer on an open dispute',
        security: bearerSecurity,
        params: idParams,
        body: messageBody,
        response: { 201: adminDisputeSchema, ...changeErrors },
      },
    },
    async (request, reply) => {
      await postMessage(
        ctx,
        { role: 'operator', userId: authOf(request).userId },
        request.params.id,
        request.body.body,
      );
      return reply.code(201).send(await adminDisputeDetail(ctx, request.params.id));
    },
  );

  typed(app).post(
    '/v1/admin/disputes/:id/resolve',
    {
      onRequest: access({ roles: STAFF, scope: 'disputes:write' }),
      schema: {
        tags,
        summary:
          "Resolve a dispute: refund (a ledger refund to the customer's wallet, at most once per transaction), reject with a reason, or delivered (the bill's token sent again); audited",
        description:
          'A payment still in flight is 409 subject_in_flight; one whose money already came back (failed, reversed, refunded) is 409 already_refunded.',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: resolveBody,
        response: { 200: adminDisputeSchema, ...resolveErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        resolveDispute(ctx, actorOf(request), request.params.id, request.body, claim),
      ).then(() => reply),
  );
}
