/** Staff: the risk case queue, one case, resolving it and freezing the person from it. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { idParams, pageOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, bearerOrApiKeySecurity, STAFF } from '../identity/index.js';
import { freezeFromCase, getCase, listCases, resolveCase } from './cases.js';
import { authErrors, caseQuery, caseSchema, freezeBody, resolveBody } from './schemas.js';

export async function caseRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerCaseList(app, ctx);
  registerCaseGet(app, ctx);
  registerCaseResolve(app, ctx);
  registerCaseFreeze(app, ctx);
}

/** GET /v1/admin/risk/cases: oldest first (open unless status says otherwise), each with recent activity. */
function registerCaseList(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/risk/cases',
    {
      onRequest: access({ roles: STAFF, scope: 'risk:read' }),
      schema: {
        tags: ['admin', 'risk'],
        summary:
          "Risk cases, oldest first (open unless status says otherwise), each with the person's last 20 debits",
        security: bearerOrApiKeySecurity,
        querystring: caseQuery,
        response: {
          200: pageOf(caseSchema),
          ...errorResponses(authErrors, { 400: ['validation_failed', 'unknown_field', 'invalid_cursor'] }),
        },
      },
    },
    async (request) => listCases(ctx.db, request.query),
  );
}

/** GET /v1/admin/risk/cases/:id */
function registerCaseGet(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/risk/cases/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'risk:read' }),
      schema: {
        tags: ['admin', 'risk'],
        summary: "One risk case with the person's last 20 debits",
        security: bearerOrApiKeySecurity,
        params: idParams,
        response: {
          200: caseSchema,
          ...errorResponses(authErrors, { 400: ['validation_failed'], 404: ['not_found'] }),
        },
      },
    },
    async (request) => getCase(ctx.db, request.params.id),
  );
}

/** POST /v1/admin/risk/cases/:id/resolve */
function registerCaseResolve(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/risk/cases/:id/resolve',
    {
      onRequest: access({ roles: STAFF, scope: 'risk:write' }),
      schema: {
        tags: ['admin', 'risk'],
        summary:
          'Decide an open case: release or refuse held money, dismiss or confirm a flag or block (audited)',
        description:
          'release / refuse call the money module that held the debit, in the same transaction as the ' +
          'decision and its audit record. A held case cannot be dismissed or confirmed (400 validation_failed).',
        security: bearerOrApiKeySecurity,
        params: idParams,
        body: resolveBody,
        response: {
          200: caseSchema,
          ...errorResponses(authErrors, {
            400: ['validation_failed', 'unknown_field'],
            404: ['not_found'],
            409: ['cannot_target_self', 'risk_case_not_open', 'risk_case_not_held'],
          }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        resolveCase(
          tx,
          ctx,
          { auth: authOf(request), requestId: request.id },
          request.params.id,
          request.body,
        ),
      ),
  );
}

/** POST /v1/admin/risk/cases/:id/freeze */
function registerCaseFreeze(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/risk/cases/:id/freeze',
    {
      onRequest: access({ roles: STAFF, scope: 'risk:write' }),
      schema: {
        tags: ['admin', 'risk'],
        summary: 'Freeze the person a case is about, recorded on the case (audited)',
        description:
          'Operators may freeze customers only; an admin may freeze staff. Nobody may freeze themselves.',
        security: bearerOrApiKeySecurity,
        params: idParams,
        body: freezeBody,
        response: {
          200: caseSchema,
          ...errorResponses(authErrors, {
            400: ['validation_failed', 'unknown_field'],
            404: ['not_found'],
            409: ['cannot_target_self'],
          }),
        },
      },
    },
    async (request) =>
      ctx.db.transaction((tx) =>
        freezeFromCase(
          tx,
          { auth: authOf(request), requestId: request.id },
          request.params.id,
          request.body.reason,
        ),
      ),
  );
}
