/** Funding: deposits, the gateway's webhook and (in sandbox mode) the simulated checkout. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { AppError, notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import { amountSchema, bearerSecurity, idempotencyHeader, idParams, toMinor } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { access, authOf, getUser } from '../identity/index.js';
import { createDeposit, findDepositByReference, getDeposit } from './deposits.js';
import { sandboxChargeEvent, signWebhook } from './gateway.js';
import { handleGatewayWebhook } from './gateway-webhooks.js';
import { sandboxCheckoutPage } from './sandbox-page.js';
import { depositErrors, depositSchema, readErrors } from './schemas.js';

/** A sandbox checkout's reference, in its URL. */
const referenceParams = {
  type: 'object',
  properties: { reference: { type: 'string', maxLength: 64 } },
  required: ['reference'],
} as const;

export async function depositRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- funding ----
  registerDeposit(app, ctx);
  registerDepositRead(app, ctx);
  // The gateway's webhook needs the raw body for its signature.
  await registerGatewayWebhook(app, ctx);
  if (ctx.config.gatewayMode === 'sandbox') await registerSandboxCheckout(app, ctx);
}

/** POST /v1/wallets/:id/deposits: start funding a wallet. */
function registerDeposit(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/wallets/:id/deposits',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'deposits:write' }),
      schema: {
        tags: ['deposits'],
        summary:
          'Start a deposit: returns the gateway checkout URL; the wallet is credited when the signed webhook lands',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: {
          type: 'object',
          properties: { amount: amountSchema },
          required: ['amount'],
          additionalProperties: false,
        },
        response: { 201: depositSchema, ...depositErrors },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        createDeposit(
          ctx,
          authOf(request).userId,
          request.params.id,
          toMinor(request.body.amount),
          baseUrlOf(request, ctx),
          claim,
        ),
      ).then(() => reply),
  );
}

/** GET /v1/deposits/:id: one deposit. */
function registerDepositRead(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/deposits/:id',
    {
      onRequest: access({ scope: 'deposits:read' }),
      schema: {
        tags: ['deposits'],
        summary: 'A deposit and its status',
        security: bearerSecurity,
        params: idParams,
        response: { 200: depositSchema, ...readErrors },
      },
    },
    async (request) => getDeposit(ctx, authOf(request).userId, request.params.id),
  );
}

/** POST /v1/webhooks/gateway, in its own scope with a raw-body parser. */
async function registerGatewayWebhook(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/json',
      { parseAs: 'string', bodyLimit: 64 * 1024 },
      (request, body, done) => {
        (request as FastifyRequest & { rawBody?: string }).rawBody = body as string;
        try {
          done(null, JSON.parse(body as string));
        } catch {
          done(Object.assign(new SyntaxError('malformed JSON'), { statusCode: 400 }), undefined);
        }
      },
    );
    typed(scope).post(
      '/v1/webhooks/gateway',
      {
        schema: {
          tags: ['deposits'],
          summary:
            'Payment gateway webhook (Paystack-style, x-paystack-signature: HMAC-SHA512 of the raw body)',
          body: { type: 'object' },
          response: {
            200: {
              type: 'object',
              properties: { received: { type: 'boolean' }, outcome: { type: 'string' } },
            },
            ...errorResponses({ 401: ['invalid_signature'] }),
          },
        },
      },
      async (request) => {
        const raw = (request as FastifyRequest & { rawBody?: string }).rawBody ?? '';
        // The event's effect and the webhook's log row commit together.
        const outcome = await handleGatewayWebhook(
          ctx,
          raw,
          request.headers['x-paystack-signature'],
          request.log,
        );
        return { received: true, outcome };
      },
    );
  });
}

/** The sandbox gateway's checkout pages (GATEWAY_MODE=sandbox only). */
async function registerSandboxCheckout(app: FastifyInstance, ctx: AppContext): Promise<void> {
  typed(app).get(
    '/sandbox/checkout/:reference',
    {
      schema: {
        hide: true,
        params: referenceParams,
      },
    },
    async (request, reply) => {
      const deposit = await findDepositByReference(ctx, request.params.reference);
      if (!deposit) throw notFound('Checkout');
      reply
        .type('text/html; charset=utf-8')
        .header(
          'content-security-policy',
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        );
      return sandboxCheckoutPage(deposit);
    },
  );
  await app.register(async (scope) => {
    scope.addContentTypeParser(
      'application/x-www-form-urlencoded',
      { parseAs: 'string', bodyLimit: 1024 },
      (_req, body, done) => {
        done(null, Object.fromEntries(new URLSearchParams(body as string)));
      },
    );
    typed(scope).post(
      '/sandbox/checkout/:reference',
      {
        schema: {
          tags: ['deposits'],
          summary:
            'Sandbox gateway: pay (success) or fail a checkout; the simulator then sends the signed webhook',
          params: referenceParams,
          body: {
            type: 'object',
            properties: {
              outcome: { type: 'string', enum: ['success', 'failed'] },
              // `lose`: the gateway records the charge but its webhook never arrives (verify finds it).
              webhook: { type: 'string', enum: ['send', 'lose'] },
            },
            required: ['outcome'],
            additionalProperties: false,
          },
        },
      },
      async (request, reply) => {
        const deposit = await findDepositByReference(ctx, request.params.reference);
        if (!deposit) throw notFound('Checkout');
        const email = (await getUser(ctx.db, deposit.user_id))?.email ?? 'customer@sandbox';
        const { outcome, authorization } = await recordSandboxCharge(ctx, deposit, email, request.body);
        if (request.body.webhook === 'lose')
          return { reference: deposit.reference, outcome, webhook: 'lost' };
        const event = sandboxChargeEvent(outcome, {
          reference: deposit.reference,
          amount: deposit.amount,
          currency: deposit.currency.trim(),
          email,
          authorization,
        });
        const raw = JSON.stringify(event);
        const res = await app.inject({
          method: 'POST',
          url: '/v1/webhooks/gateway',
          headers: {
            'content-type': 'application/json',
            'x-paystack-signature': signWebhook(ctx.config.gatewaySecret, raw),
          },
          payload: raw,
        });
        const webhook = res.json() as { outcome?: string };
        if (request.headers['content-type']?.startsWith('application/x-www-form-urlencoded')) {
          return reply.redirect(`/?deposit=${encodeURIComponent(deposit.reference)}`, 303);
        }
        return { reference: deposit.reference, outcome, webhook: webhook.outcome ?? 'error' };
      },
    );
  });
}

/**
 * Tells the simulator what the customer did at the checkout, so its
 * transaction verify can answer for it (a lost webhook included). The first
 * outcome of a checkout stands: the one the simulator answers is the one sent.
 */
async function recordSandboxCharge(
  ctx: AppContext,
  deposit: { reference: string; amount: bigint; currency: string },
  email: string,
  body: { outcome: 'success' | 'failed'; webhook?: 'send' | 'lose' },
): Promise<{ outcome: 'success' | 'failed'; authorization?: Record<string, unknown> }> {
  const gateway = ctx.paystack?.gateway;
  if (!gateway) throw new AppError('not_sandbox', 'The sandbox gateway is not running');
  const res = await gateway.call<{ status?: string; authorization?: Record<string, unknown> }>(
    'POST',
    '/_sim/charges',
    {
      reference: deposit.reference,
      amount: Number(deposit.amount),
      currency: deposit.currency.trim(),
      email,
      status: body.outcome,
      webhook_lost: body.webhook === 'lose',
    },
  );
  const stored = res.data?.status;
  const outcome = stored === 'success' || stored === 'failed' ? stored : body.outcome;
  // The reusable card authorization of a paid checkout (Paystack's `authorization` object).
  return { outcome, authorization: outcome === 'success' ? res.data?.authorization : undefined };
}

export function baseUrlOf(request: FastifyRequest, ctx: AppContext): string {
  return ctx.config.publicBaseUrl ?? `${request.protocol}://${request.host}`;
}
