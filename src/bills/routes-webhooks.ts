/** The bill provider's webhook. */
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.js';
import { notFound } from '../errors/index.js';
import { errorResponses } from '../http/errors.js';
import { acceptVtpassHint, webhookSecretMatches } from './webhooks.js';

export async function webhookRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  // VTpass webhooks are hints: acknowledge, then confirm by requery in the worker. With
  // VTPASS_WEBHOOK_SECRET set, only the secret path exists (the plain one answers 404).
  const webhookSecret = ctx.config.vtpassWebhookSecret;
  // The params schema exists only with a secret: typed by hand (a conditional schema infers nothing).
  app.post<{ Params: { secret?: string } }>(
    webhookSecret ? '/v1/webhooks/vtpass/:secret' : '/v1/webhooks/vtpass',
    {
      schema: {
        tags: ['bills'],
        summary: 'Provider webhook (VTpass transaction-update); a hint confirmed by requery',
        ...(webhookSecret
          ? {
              params: {
                type: 'object',
                properties: { secret: { type: 'string', maxLength: 256 } },
                required: ['secret'],
              },
            }
          : {}),
        body: { type: 'object' },
        response: {
          200: { type: 'object', properties: { response: { type: 'string' } } },
          ...errorResponses({ 404: ['not_found'] }),
        },
      },
    },
    async (request) => {
      if (webhookSecret && !webhookSecretMatches(webhookSecret, request.params.secret))
        throw notFound('Webhook');
      await acceptVtpassHint(ctx, request.body);
      return { response: 'success' };
    },
  );
}
