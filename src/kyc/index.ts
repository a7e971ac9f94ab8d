/**
 * KYC: CBN tiered accounts. Tier rules (versioned limits per tier and
 * currency), BVN and NIN verification through an identity provider (numbers
 * sealed at rest), the tier-3 review queue and post-no-debit. Other modules
 * ask it what a person may do (tierOf, rulesFor, debitRefusal); enforcing the
 * limits inside the money transaction is theirs.
 */
export { createDojahProvider, type DojahOptions } from './dojah.js';
export {
  type Applicant,
  createSandboxProvider,
  type IdentityKind,
  type IdentityProvider,
  type IdentityRecord,
  type LookupResult,
  SANDBOX_NUMBERS,
} from './identity-provider.js';
export { assertCanDebit, debitRefusal, setPostNoDebit, setWalletPostNoDebit } from './pnd.js';
export { getProfile, type KycProfile, tierOf } from './profiles.js';
export {
  assertCanReceive,
  chargeLimits,
  currencyNotAllowed,
  forgetTierRules,
  type LimitCharge,
  limitHolder,
  RULES_CACHE_MS,
} from './limit-holder.js';
export { type ReviewStatus, reviewStates } from './review-states.js';
export { kycRoutes } from './routes.js';
export { createIdentityProvider } from './runtime.js';
export {
  listTierRules,
  rulesFor,
  setTierRules,
  type Tier,
  type TierRule,
  type TierRuleInput,
  TIERS,
} from './rules.js';
export { createSealer, masked, type Sealer } from './sealing.js';
export {
  assertPhoneForTier,
  listTierSettings,
  requiresVerifiedPhone,
  setTierSettings,
  type TierSettings,
} from './tier-settings.js';
export { type KycStatus, type KycSummary, kycSummary, lagosDay } from './summary.js';
export {
  ID_TYPES,
  type IdType,
  listReviews,
  type Review,
  reviewTier3,
  submitTier3,
  type Tier3Input,
} from './tier3.js';
export { namesMatch, type VerificationOutcome, verifyBvn, verifyNin } from './verify.js';
