/** Operators: campaigns (create, fund, start, pause, resume, end), their spend and redemptions, receivables. */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../context.js';
import { errorResponses } from '../http/errors.js';
import { amountSchema, bearerSecurity, idempotencyHeader, idParams, listOf } from '../http/schemas.js';
import { typed } from '../http/type-provider.js';
import { idempotent } from '../idempotency/index.js';
import { type Actor, access, authOf, STAFF } from '../identity/index.js';
import type { CampaignStatus } from './campaign-states.js';
import {
  changeCampaignStatus,
  createCampaign,
  fundCampaign,
  listCampaigns,
  loadCampaign,
  campaignViews,
} from './campaigns.js';
import type { Trigger } from './model.js';
import { campaignRewards, listReceivables } from './rewards.js';
import { campaignErrors, campaignSchema, createCampaignBody, rewardSchema } from './schemas.js';

const tags = ['promotions'];
const actorOf = (request: FastifyRequest): Actor => ({ auth: authOf(request), requestId: request.id });

const ACTIONS: Record<string, { to: CampaignStatus; summary: string }> = {
  start: { to: 'active', summary: 'Start a draft campaign (audited)' },
  pause: {
    to: 'paused',
    summary: 'Pause a running campaign: triggers earn nothing until it resumes (audited)',
  },
  resume: { to: 'active', summary: 'Resume a paused campaign (audited)' },
  end: { to: 'ended', summary: 'End a campaign for good; what is left stays in its account (audited)' },
};

export async function campaignRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  registerReads(app, ctx);
  registerChanges(app, ctx);
}

/** GET: campaigns with their spend, one campaign, its redemptions, the receivables. */
function registerReads(app: FastifyInstance, ctx: AppContext): void {
  typed(app).get(
    '/v1/admin/campaigns',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:read' }),
      schema: {
        tags,
        summary: 'Campaigns, newest first, with their money: funded, spent, remaining, receivable',
        security: bearerSecurity,
        querystring: {
          type: 'object',
          properties: { status: { type: 'string', enum: ['draft', 'active', 'paused', 'ended'] } },
          additionalProperties: false,
        },
        response: { 200: listOf(campaignSchema) },
      },
    },
    async (request) => ({ data: await listCampaigns(ctx.db, request.query.status) }),
  );

  typed(app).get(
    '/v1/admin/campaigns/:id',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:read' }),
      schema: {
        tags,
        summary: 'A campaign with its spend',
        security: bearerSecurity,
        params: idParams,
        response: { 200: campaignSchema, ...errorResponses(['not_found']) },
      },
    },
    async (request) => (await campaignViews(ctx.db, [await loadCampaign(ctx.db, request.params.id)]))[0],
  );

  typed(app).get(
    '/v1/admin/campaigns/:id/rewards',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:read' }),
      schema: {
        tags,
        summary:
          "A campaign's redemptions, newest first (skipped decisions with why: budget_exhausted, per_person_limit, ...)",
        security: bearerSecurity,
        params: idParams,
        response: { 200: listOf(rewardSchema), ...errorResponses(['not_found']) },
      },
    },
    async (request) => ({ data: await campaignRewards(ctx.db, request.params.id) }),
  );

  typed(app).get(
    '/v1/admin/promotions/receivables',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:read' }),
      schema: {
        tags,
        summary: 'Rewards clawed back after the person had spent them: what they owe (nothing moved)',
        security: bearerSecurity,
        response: { 200: listOf(rewardSchema) },
      },
    },
    async () => ({ data: await listReceivables(ctx.db) }),
  );
}

/** Create, fund, start, pause, resume, end: each audited. */
function registerChanges(app: FastifyInstance, ctx: AppContext): void {
  typed(app).post(
    '/v1/admin/campaigns',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:write' }),
      schema: {
        tags,
        summary:
          'Create a campaign (a draft, with its own promotion account; fund and start it next; audited)',
        security: bearerSecurity,
        body: createCampaignBody,
        response: { 201: campaignSchema, ...campaignErrors },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const view = await createCampaign(ctx, actorOf(request), {
        ...b,
        trigger: b.trigger as Trigger,
        effect: b.effect as Record<string, unknown>,
        conditions: b.conditions as Record<string, unknown> | undefined,
      });
      return reply.code(201).send(view);
    },
  );

  typed(app).post(
    '/v1/admin/campaigns/:id/fundings',
    {
      onRequest: access({ roles: STAFF, scope: 'promotions:write' }),
      schema: {
        tags,
        summary:
          'Fund a campaign: promotions treasury -> campaign account (a ledger transaction with its audit row); the budget it can never pay past',
        security: bearerSecurity,
        headers: idempotencyHeader,
        params: idParams,
        body: {
          type: 'object',
          properties: { amount: amountSchema },
          required: ['amount'],
          additionalProperties: false,
        },
        response: { 201: campaignSchema, ...campaignErrors, ...errorResponses(['ledger_refused']) },
      },
    },
    async (request, reply) =>
      idempotent(request, reply, (claim) =>
        fundCampaign(ctx, actorOf(request), request.params.id, BigInt(request.body.amount), claim),
      ).then(() => reply),
  );

  for (const [action, { to, summary }] of Object.entries(ACTIONS)) {
    typed(app).post(
      `/v1/admin/campaigns/:id/${action}`,
      {
        onRequest: access({ roles: STAFF, scope: 'promotions:write' }),
        schema: {
          tags,
          summary,
          security: bearerSecurity,
          params: idParams,
          body: {
            type: ['object', 'null'],
            properties: { reason: { type: 'string', maxLength: 500 } },
            additionalProperties: false,
          },
          response: { 200: campaignSchema, ...campaignErrors },
        },
      },
      async (request) =>
        changeCampaignStatus(ctx, actorOf(request), request.params.id, to, request.body?.reason),
    );
  }
}
