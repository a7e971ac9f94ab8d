/**
 * The withdrawal fee, NIP-style and tiered, as a table: the fee of an amount
 * is the first tier whose `upTo` holds it. The same table answers the
 * reverse question, "how much can I withdraw with what I have", so the
 * quote's "withdraw everything" and the fee charged can never disagree.
 */
export const MAX_WITHDRAWAL = 500_000_000n; // NGN 5,000,000.00
export const MIN_WITHDRAWAL = 100_00n;

interface FeeTier {
  /** Inclusive upper bound of the amount, in kobo. */
  upTo: bigint;
  fee: bigint;
}

export const WITHDRAWAL_FEE_TIERS: readonly FeeTier[] = [
  { upTo: 5_000_00n, fee: 10_00n },
  { upTo: 50_000_00n, fee: 25_00n },
  { upTo: MAX_WITHDRAWAL, fee: 50_00n },
];

/** The fee of a withdrawal of `amount` kobo. */
export function withdrawalFee(amount: bigint): bigint {
  for (const tier of WITHDRAWAL_FEE_TIERS) if (amount <= tier.upTo) return tier.fee;
  return (WITHDRAWAL_FEE_TIERS.at(-1) as FeeTier).fee;
}

/**
 * The largest amount whose amount + fee fits in `budget` (what the person may
 * spend: available balance, capped by their limits), or 0n when not even the
 * minimum withdrawal fits. Each tier's best is min(its bound, budget - its fee);
 * the fee grows with the tier, so the answer is the largest candidate that
 * still falls in its own tier.
 */
export function maxWithdrawable(budget: bigint): bigint {
  let best = 0n;
  let floor = 0n; // exclusive lower bound of the tier
  for (const tier of WITHDRAWAL_FEE_TIERS) {
    const candidate = budget - tier.fee < tier.upTo ? budget - tier.fee : tier.upTo;
    if (candidate > floor && candidate >= MIN_WITHDRAWAL && candidate > best) best = candidate;
    floor = tier.upTo;
  }
  if (best > 0n && best + withdrawalFee(best) > budget) throw new Error('maxWithdrawable: fee table broken');
  return best;
}
