/** Customers: saved cards and auto top-up rules. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { bearerSecurity, idempotencyHeader, idParams, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf } from '../identity/index.js';
import { createRule, deleteRule, listRules, updateRule } from './auto-topup.js';
import { listCards, removeCard } from './cards.js';
import { cardSchema, createRuleBody, ruleErrors, ruleSchema, updateRuleBody } from './schemas.js';

const big = (v: number | undefined) => (v === undefined ? undefined : BigInt(v));

/** A rule change from the API (JSON integers) to minor units. */
const patchOf = (b: {
  cardId?: string;
  threshold?: number;
  amount?: number;
  maxPerDay?: number;
  maxPerMonth?: number;
  enabled?: boolean;
}) => ({
  cardId: b.cardId,
  threshold: big(b.threshold),
  amount: big(b.amount),
  maxPerDay: b.maxPerDay,
  maxPerMonth: big(b.maxPerMonth),
  enabled: b.enabled,
});

export async function autoTopupRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerCards(app, ctx);
  registerRules(app, ctx);
}

/** Saved cards: list and remove. */
function registerCards(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/cards',
    {
      onRequest: access({ scope: 'cards:read' }),
      schema: {
        tags: ['auto-topup'],
        summary:
          'My saved cards (from a card deposit: the gateway’s reusable authorization), last4 and brand only',
        security: bearerSecurity,
        response: { 200: listOf(cardSchema) },
      },
    },
    async (request) => ({ data: await listCards(ctx.db, authOf(request).userId) }),
  );

  typed(app).delete(
    '/v1/cards/:id',
    {
      onRequest: access({ scope: 'cards:write' }),
      schema: {
        tags: ['auto-topup'],
        summary: 'Remove a saved card (an auto top-up rule charging it is switched off)',
        security: bearerSecurity,
        params: idParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses(['not_found']) },
      },
    },
    async (request, reply) => {
      await removeCard(ctx.db, authOf(request).userId, request.params.id);
      reply.status(204);
    },
  );
}

/** Auto top-up rules: list, create, change, remove. */
function registerRules(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/auto-topup/rules',
    {
      onRequest: access({ scope: 'auto_topup:read' }),
      schema: {
        tags: ['auto-topup'],
        summary: 'My auto top-up rules, each with its recent charges',
        security: bearerSecurity,
        response: { 200: listOf(ruleSchema) },
      },
    },
    async (request) => ({ data: await listRules(ctx.db, authOf(request).userId) }),
  );

  typed(app).post(
    '/v1/auto-topup/rules',
    {
      onRequest: access({ scope: 'auto_topup:write', pin: true }),
      schema: {
        tags: ['auto-topup'],
        summary:
          'Top up a wallet from a saved card when it falls below a threshold, at most maxPerDay times a day and maxPerMonth a month (one rule per wallet)',
        security: bearerSecurity,
        headers: idempotencyHeader,
        body: createRuleBody,
        response: { 201: ruleSchema, ...ruleErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) => {
        const b = request.body;
        return createRule(
          ctx,
          authOf(request).userId,
          {
            walletId: b.walletId,
            cardId: b.cardId,
            threshold: BigInt(b.threshold),
            amount: BigInt(b.amount),
            maxPerDay: b.maxPerDay,
            maxPerMonth: BigInt(b.maxPerMonth),
            enabled: b.enabled,
          },
          claim,
        );
      }).then(() => reply),
  );

  typed(app).patch(
    '/v1/auto-topup/rules/:id',
    {
      onRequest: access({ scope: 'auto_topup:write', pin: true }),
      schema: {
        tags: ['auto-topup'],
        summary: 'Change an auto top-up rule (card, threshold, amount, caps, on/off)',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: updateRuleBody,
        response: { 200: ruleSchema, ...ruleErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) => {
        const b = request.body;
        return updateRule(ctx, authOf(request).userId, request.params.id, patchOf(b), claim);
      }).then(() => reply),
  );

  typed(app).delete(
    '/v1/auto-topup/rules/:id',
    {
      onRequest: access({ scope: 'auto_topup:write' }),
      schema: {
        tags: ['auto-topup'],
        summary: 'Stop auto top-up for a wallet',
        security: bearerSecurity,
        params: idParams,
        response: { 204: { type: 'null', description: 'Removed' }, ...errorResponses(['not_found']) },
      },
    },
    async (request, reply) => {
      await deleteRule(ctx, authOf(request).userId, request.params.id);
      reply.status(204);
    },
  );
}
