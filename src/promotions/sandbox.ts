/**
 * The sandbox campaign: with no configuration, a sandbox install runs
 * "2% back on electricity, capped at ₦200", funded from the promotions
 * treasury, so a first electricity payment shows a cashback. Seeded once
 * (fixed id; funding and start idempotent), only when SANDBOX_CAMPAIGN is on
 * (its default in development with the sandbox gateway; refused in production).
 */
import { v5 as uuidv5 } from 'uuid';
import type { AppContext } from '../context.js';
import { transitionRow } from '../db/state-machine.js';
import { recordAudit } from '../identity/index.js';
import { campaignStates } from './campaign-states.js';
import { createCampaign, fundCampaign, PROMOTIONS_NAMESPACE } from './campaigns.js';

export const SANDBOX_CAMPAIGN_ID = uuidv5('sandbox-campaign:electricity-2pc', PROMOTIONS_NAMESPACE);
/** ₦1,000,000.00 of budget. */
export const SANDBOX_CAMPAIGN_BUDGET = 100_000_000n;

export async function seedSandboxCampaign(ctx: AppContext): Promise<void> {
  const existing = await ctx.db.query('SELECT 1 FROM promotions.campaigns WHERE id = $1', [
    SANDBOX_CAMPAIGN_ID,
  ]);
  if (existing.rows.length > 0) return;
  await ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [SANDBOX_CAMPAIGN_ID]);
    const again = await tx.query('SELECT 1 FROM promotions.campaigns WHERE id = $1', [SANDBOX_CAMPAIGN_ID]);
    if (again.rows.length > 0) return;
    await createCampaign(
      ctx,
      null,
      {
        name: '2% back on electricity',
        description: 'Sandbox: 2% cashback on electricity payments, capped at ₦200 per payment',
        trigger: 'bill_payment.succeeded',
        conditions: { categories: ['electricity'] },
        effect: { type: 'cashback_percent', bps: 200, cap: 20_000 },
      },
      { id: SANDBOX_CAMPAIGN_ID, sandbox: true, tx },
    );
    await fundCampaign(
      ctx,
      null,
      SANDBOX_CAMPAIGN_ID,
      SANDBOX_CAMPAIGN_BUDGET,
      {
        scope: 'sandbox',
        key: 'seed',
        system: true,
      },
      tx,
    );
    await transitionRow(tx, campaignStates, {
      table: 'promotions.campaigns',
      id: SANDBOX_CAMPAIGN_ID,
      from: 'draft',
      to: 'active',
      set: { updated_at: 'now()' },
    });
    await recordAudit(tx, {
      actorId: null,
      action: 'campaign.start',
      targetType: 'campaign',
      targetId: SANDBOX_CAMPAIGN_ID,
      before: { status: 'draft' },
      after: { status: 'active' },
      reason: 'sandbox seed',
    });
  });
  ctx.log.info({ campaignId: SANDBOX_CAMPAIGN_ID }, 'sandbox campaign seeded');
}
