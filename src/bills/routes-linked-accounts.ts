/** The customer's linked accounts: link (verified with the provider), list, rename, unlink, suggestions. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { bearerSecurity, idParams, listOf, moneySchema } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { access, authOf } from '../identity/index.js';
import { createValidationCache } from './customer-validation.js';
import {
  linkAccount,
  linkedAccountView,
  linkSuggestions,
  listLinkedAccounts,
  renameLinkedAccount,
  unlinkAccount,
} from './linked-accounts.js';
import { linkBody, linkedAccountSchema, nicknameBody } from './schemas-due.js';

const tags = ['bills'];

export async function linkedAccountRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  const cache = createValidationCache(ctx.config.redisUrl);
  app.addHook('onClose', async () => cache.close());

  typed(app).post(
    '/v1/linked-accounts',
    {
      config: { rateLimit: rateLimit(ctx, 'validate') },
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary:
          'Link a meter or utility account: verified with the provider, its verified name and address kept; at most 20',
        security: bearerSecurity,
        body: linkBody,
        response: {
          201: linkedAccountSchema,
          ...errorResponses({
            400: ['invalid_customer_ref', 'validation_failed'],
            404: ['biller_not_found'],
            409: ['linked_account_exists', 'linked_accounts_limit'],
            422: ['customer_not_found', 'product_not_found', 'product_disabled', 'biller_disabled'],
            503: ['providers_unavailable', 'validation_unavailable'],
          }),
        },
      },
    },
    async (request, reply) => {
      const linked = await linkAccount(ctx, cache, authOf(request).userId, request.body);
      reply.status(201);
      return linkedAccountView(linked);
    },
  );

  registerReads(app, ctx);
  registerSuggestions(app, ctx);
  registerChanges(app, ctx);
}

/** GET /v1/linked-accounts. */
function registerReads(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/linked-accounts',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: "The caller's linked accounts",
        security: bearerSecurity,
        response: { 200: listOf(linkedAccountSchema) },
      },
    },
    async (request) => ({
      data: (await listLinkedAccounts(ctx.db, authOf(request).userId)).map(linkedAccountView),
    }),
  );
}

/** GET /v1/linked-accounts/suggestions. */
function registerSuggestions(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/linked-accounts/suggestions',
    {
      onRequest: access({ scope: 'bills:read' }),
      schema: {
        tags,
        summary: 'Meters and numbers paid before that are not linked yet',
        security: bearerSecurity,
        response: {
          200: listOf({
            type: 'object',
            properties: {
              billerId: { type: 'string' },
              billerName: { type: 'string' },
              category: { type: ['string', 'null'] },
              productCode: { type: 'string' },
              customerRef: { type: 'string' },
              customerName: { type: ['string', 'null'] },
              lastAmount: moneySchema,
              lastPaidAt: { type: 'string' },
            },
          }),
        },
      },
    },
    async (request) => ({ data: await linkSuggestions(ctx.db, authOf(request).userId) }),
  );
}

/** PATCH and DELETE /v1/linked-accounts/:id. */
function registerChanges(app: FastifyInstance, ctx: AppContext): void {
  typed(app).patch(
    '/v1/linked-accounts/:id',
    {
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary: 'Rename a linked account',
        security: bearerSecurity,
        params: idParams,
        body: nicknameBody,
        response: { 200: linkedAccountSchema, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request) =>
      linkedAccountView(
        await renameLinkedAccount(ctx.db, authOf(request).userId, request.params.id, request.body.nickname),
      ),
  );

  typed(app).delete(
    '/v1/linked-accounts/:id',
    {
      onRequest: access({ scope: 'bills:write' }),
      schema: {
        tags,
        summary: 'Unlink an account (its bills are no longer shown)',
        security: bearerSecurity,
        params: idParams,
        response: { 204: { type: 'null' }, ...errorResponses({ 404: ['not_found'] }) },
      },
    },
    async (request, reply) => {
      await unlinkAccount(ctx.db, authOf(request).userId, request.params.id);
      reply.status(204);
      return null;
    },
  );
}
