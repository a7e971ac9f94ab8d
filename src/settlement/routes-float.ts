/** Operators: provider float (ours vs theirs, drift, thresholds) and float top-ups. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idempotencyHeader, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import { changeFloatSettings, checkProviderFloat, floatOverview, recordFloatTopup } from './float.js';
import {
  checkSchema,
  floatSchema,
  providerParams,
  settingsBody,
  settingsSchema,
  topupBody,
  topupSchema,
} from './schemas.js';

const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

export async function floatRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/providers/float',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:read' }),
      schema: {
        tags: ['admin'],
        summary:
          "Each bill provider's float: our ledger's figure, the provider's at the last check, the drift, thresholds, open alerts and recent top-ups",
        security: bearerSecurity,
        response: { 200: listOf(floatSchema) },
      },
    },
    async () => ({ data: await floatOverview(ctx) }),
  );
  registerTopup(app, ctx);
  registerSettings(app, ctx);
}

/** POST /v1/admin/providers/:id/float-topups: money sent from our bank to the provider's float. */
function registerTopup(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/providers/:id/float-topups',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Record a float top-up (settlement bank -> provider float in the ledger; audited). Idempotent by bank reference: the same one again answers the first (200), with another amount 409',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: providerParams,
        body: topupBody,
        response: {
          200: topupSchema,
          201: topupSchema,
          ...errorResponses(['not_found', 'bank_reference_reused', 'ledger_refused']),
        },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        recordFloatTopup(
          ctx,
          actorOf(request),
          {
            provider: request.params.id,
            amount: BigInt(request.body.amount),
            bankReference: request.body.bankReference,
          },
          claim,
        ),
      ).then(() => reply),
  );
}

/** PUT /v1/admin/providers/:id/float-settings and POST .../float-check. */
function registerSettings(app: FastifyInstance, ctx: AppContext): void {
  typed(app).put(
    '/v1/admin/providers/:id/float-settings',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Set the low-float alert threshold (0: off) and the drift tolerated before an alert, minor units (audited)',
        security: bearerSecurity,
        params: providerParams,
        body: settingsBody,
        response: { 200: settingsSchema, ...errorResponses(['not_found']) },
      },
    },
    async (request) =>
      changeFloatSettings(ctx, actorOf(request), request.params.id, {
        ...(request.body.lowFloatThreshold === undefined
          ? {}
          : { lowFloatThreshold: BigInt(request.body.lowFloatThreshold) }),
        ...(request.body.driftThreshold === undefined
          ? {}
          : { driftThreshold: BigInt(request.body.driftThreshold) }),
      }),
  );

  typed(app).post(
    '/v1/admin/providers/:id/float-check',
    {
      onRequest: access({ roles: STAFF, scope: 'providers:read' }),
      schema: {
        tags: ['admin'],
        summary:
          "Read the provider's balance now and compare it with our float (what the worker does every minute)",
        security: bearerSecurity,
        params: providerParams,
        response: { 200: checkSchema, ...errorResponses(['not_found']) },
      },
    },
    async (request) => checkProviderFloat(ctx, request.params.id),
  );
}
