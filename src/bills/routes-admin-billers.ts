/** Operators: billers (enable, fee, commission, providers). */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { listOf, bearerSecurity } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf, STAFF } from '../identity/index.js';
import { changeBiller } from './admin-billers.js';
import { billerView, listBillers } from './catalogue.js';
import { adminBiller, billerIdParams } from './schemas-billers.js';

export async function adminBillerRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/v1/admin/billers',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:read' }),
      schema: {
        tags: ['admin'],
        summary: 'All billers, enabled or not',
        security: bearerSecurity,
        response: { 200: listOf(adminBiller) },
      },
    },
    async () => ({
      data: (await listBillers(ctx.db, { includeDisabled: true })).map((b) => ({
        ...billerView(b),
        providers: b.providers,
      })),
    }),
  );

  typed(app).patch(
    '/v1/admin/billers/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'billers:write' }),
      schema: {
        tags: ['admin'],
        summary:
          'Enable or disable a biller; set its fee (flat or percent with a cap), expected commission and providers',
        security: bearerSecurity,
        params: billerIdParams,
        body: {
          type: 'object',
          properties: {
            enabled: { type: 'boolean' },
            fee: {
              type: 'object',
              properties: {
                type: { type: 'string', enum: ['flat', 'percent'] },
                flat: { type: 'integer', minimum: 0, maximum: 100_000_00 },
                percentBps: { type: 'integer', minimum: 0, maximum: 2000 },
                cap: { type: 'integer', minimum: 0, maximum: 100_000_00 },
              },
              required: ['type'],
              additionalProperties: false,
            },
            commissionBps: { type: 'integer', minimum: 0, maximum: 5000 },
            // A flat commission per vend (makes the biller's commission flat; commissionBps makes it percent).
            commissionFlat: { type: 'integer', minimum: 0, maximum: 100_000_00 },
            providers: {
              type: 'array',
              items: { type: 'string', pattern: '^[a-z0-9-]{2,32}$' },
              minItems: 1,
              maxItems: 5,
              uniqueItems: true,
            },
            reason: { type: 'string', minLength: 3, maxLength: 500 },
          },
          required: ['reason'],
          additionalProperties: false,
        },
        response: { 200: adminBiller, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request) => {
      const b = request.body;
      const after = await changeBiller(
        ctx.db,
        authOf(request).userId,
        request.params.id,
        {
          enabled: b.enabled,
          commissionBps: b.commissionBps,
          commissionFlat: b.commissionFlat === undefined ? undefined : BigInt(b.commissionFlat),
          providers: b.providers,
          fee: b.fee && {
            type: b.fee.type,
            flat: b.fee.flat === undefined ? undefined : BigInt(b.fee.flat),
            percentBps: b.fee.percentBps,
            cap: b.fee.cap === undefined ? undefined : BigInt(b.fee.cap),
          },
        },
        b.reason,
      );
      return { ...billerView(after), providers: after.providers };
    },
  );
}
