/**
 * How a ledger posting reads to an operator. A hold sets money aside with
 * pending postings; when the hold is posted or voided its pending postings are
 * released by pending postings of the opposite sign. Those are shown as the
 * release of the hold, with a positive amount, not as negative debits.
 */
export interface PostingLike {
  side: string;
  pending?: boolean;
  amount?: number | bigint | string;
}

export function describePosting(x: PostingLike): { label: string; amount: bigint; release: boolean } {
  const raw = BigInt(x.amount ?? 0);
  const debit = x.side === 'D';
  if (x.pending && raw < 0n)
    return {
      label: debit ? 'Hold released (debit set aside)' : 'Hold released (credit set aside)',
      amount: -raw,
      release: true,
    };
  if (x.pending)
    return {
      label: debit ? 'Held (debit set aside)' : 'Held (credit set aside)',
      amount: raw,
      release: false,
    };
  return { label: debit ? 'Debit' : 'Credit', amount: raw, release: false };
}
