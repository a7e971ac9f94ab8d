/** Wallet-to-wallet transfers and resolving their recipient. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { rateLimit } from '../http/rate-limit.js';
import {
  amountSchema,
  bearerSecurity,
  currencySchema,
  idempotencyHeader,
  moneySchema,
  textSchema,
  toMinor,
  uuidSchema,
} from '../http/schemas.js';
import { displayText } from '../http/text.js';
import { typed } from '../http/type-provider.js';
import { idempotentInBatch } from '../idempotency/index.js';
import { access, authOf } from '../identity/index.js';
import { recipientSchema, transferErrors } from './schemas.js';
import { resolveRecipient, transfer } from './transfers.js';

/** A transfer as the API answers it. */
const transferSchema = {
  type: 'object',
  properties: {
    id: uuidSchema,
    // completed, or pending_review (202) when the risk rules hold it for an operator.
    status: { type: 'string', enum: ['completed', 'pending_review'] },
    amount: moneySchema,
    currency: currencySchema,
    fromWalletId: uuidSchema,
    toWalletId: uuidSchema,
    recipient: { type: 'object', properties: { name: { type: 'string' } } },
    narration: { type: 'string' },
    createdAt: { type: 'string' },
  },
} as const;

export async function transferRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // ---- transfers ----
  typed(app).post(
    '/v1/recipients/resolve',
    {
      config: { rateLimit: rateLimit(ctx, 'lookup'), rateLimitAlso: rateLimit(ctx, 'lookupDaily') },
      onRequest: access({ scope: 'transfers:write' }),
      schema: {
        tags: ['transfers'],
        summary: 'Look up a recipient by email or phone to confirm their name before sending',
        security: bearerSecurity,
        body: { oneOf: [recipientSchema.oneOf[1], recipientSchema.oneOf[2]] },
        response: {
          200: {
            type: 'object',
            properties: { fullName: { type: 'string' }, maskedEmail: { type: 'string' } },
          },
          ...errorResponses({ 404: ['recipient_not_found'] }),
        },
      },
    },
    async (request) => {
      const body = request.body;
      const user = await resolveRecipient(
        ctx,
        'email' in body ? { email: body.email } : { phone: body.phone },
      );
      const [local = '', domain = ''] = user.email.split('@');
      // Shown to someone else: never with characters that could disguise it.
      return { fullName: displayText(user.fullName), maskedEmail: `${local.slice(0, 2)}***@${domain}` };
    },
  );

  typed(app).post(
    '/v1/transfers',
    {
      config: { rateLimit: rateLimit(ctx, 'money') },
      onRequest: access({ scope: 'transfers:write', pin: true }),
      schema: {
        tags: ['transfers'],
        summary: 'Send money to another person (synchronous); same currency only',
        security: bearerSecurity,
        headers: idempotencyHeader,
        body: {
          type: 'object',
          properties: {
            fromWalletId: uuidSchema,
            to: recipientSchema,
            amount: amountSchema,
            narration: textSchema(140),
          },
          required: ['fromWalletId', 'to', 'amount'],
          additionalProperties: false,
        },
        response: {
          201: transferSchema,
          202: {
            ...transferSchema,
            description: 'Held for review by the risk rules: the money is on hold until an operator decides',
            properties: { ...transferSchema.properties, caseId: { type: 'string' } },
          },
          ...transferErrors,
        },
      },
    },
    async (request, reply) =>
      idempotentInBatch(request, reply, (claim) =>
        transfer(
          ctx,
          authOf(request).userId,
          { ...request.body, amount: toMinor(request.body.amount) },
          claim,
        ),
      ).then(() => reply),
  );
}
