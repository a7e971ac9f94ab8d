/**
 * Promotions: campaigns as data (trigger -> conditions -> limits -> effect)
 * paying rewards from their own funded ledger accounts, clawbacks and
 * receivables, saved cards and auto top-up. Triggers come from outbox events
 * (promotionConsumers, run by the worker).
 */
export { checkAutoTopup, type TopupOutcome } from './auto-topup.js';
export {
  changeCampaignStatus,
  createCampaign,
  fundCampaign,
  listCampaigns,
  treasuryAccountId,
  treasuryAccounts,
} from './campaigns.js';
export { clawBack, grantReward, listRewards, processTrigger } from './rewards.js';
export { promotionRoutes } from './routes.js';
export { SANDBOX_CAMPAIGN_ID, seedSandboxCampaign } from './sandbox.js';
export { onBillPayment, promotionConsumers, saveDepositCard } from './triggers.js';
