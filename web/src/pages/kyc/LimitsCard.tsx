import { Card, DefinitionList, Money, StatusBadge } from '../../components/ui';
import {
  type KycSummary,
  REQUIREMENT_LABELS,
  resetWords,
  TIER_NAMES,
  usageLine,
  usagePercent,
} from '../../lib/kyc';

const STATUS_LABELS: Record<KycSummary['status'], string> = {
  active: 'Active',
  post_no_debit: 'Debits suspended',
  review_pending: 'Tier 3 in review',
};

/** The tier, its limits in the summary's currency, and today's usage against the daily limit. */
export function LimitsCard({ summary }: { summary: KycSummary }) {
  const { limits, usage, currency } = summary;
  return (
    <Card testId="kyc-limits">
      <div class="kyc-tier-head">
        <div>
          <p class="muted small">Your account level</p>
          <h2 data-testid="kyc-tier" data-tier={summary.tier}>
            {TIER_NAMES[summary.tier] ?? `Tier ${summary.tier}`}
          </h2>
        </div>
        <StatusBadge
          status={
            summary.status === 'post_no_debit' ? 'frozen' : summary.status === 'active' ? 'active' : 'pending'
          }
          label={STATUS_LABELS[summary.status]}
        />
      </div>
      {limits ? (
        <>
          <div class="kyc-usage" data-testid="kyc-usage">
            <p>
              <strong>{usageLine(usage.dailyDebitUsed, limits.dailyDebitLimit, currency)}</strong>
            </p>
            {/* The line above says it in words; the bar is decoration. */}
            <div class="meter" aria-hidden="true">
              <span
                class="meter-fill"
                style={{ width: `${usagePercent(usage.dailyDebitUsed, limits.dailyDebitLimit)}%` }}
              />
            </div>
            <p class="muted small">Resets at {resetWords(usage.resetsAt)} (Lagos time).</p>
          </div>
          <DefinitionList
            items={[
              ['Daily sending limit', <Money amount={limits.dailyDebitLimit} currency={currency} />],
              [
                'Largest single payment',
                <Money amount={limits.singleTransactionLimit} currency={currency} />,
              ],
              ['Largest single deposit', <Money amount={limits.singleDepositLimit} currency={currency} />],
              [
                'Maximum balance',
                limits.maxBalance === null ? (
                  'No maximum'
                ) : (
                  <Money amount={limits.maxBalance} currency={currency} />
                ),
              ],
              [
                'Room left in your balance',
                usage.balanceHeadroom === null ? (
                  'No maximum'
                ) : (
                  <Money amount={usage.balanceHeadroom} currency={currency} testId="kyc-headroom" />
                ),
              ],
            ]}
          />
        </>
      ) : (
        <p class="muted">
          Your tier does not allow {currency} wallets yet. Verify your identity to use them.
        </p>
      )}
    </Card>
  );
}

/** What the next tier still needs (the API lists only what is missing). */
export function NextTierCard({ summary }: { summary: KycSummary }) {
  const next = summary.nextTier;
  if (next.tier === null)
    return (
      <Card title="You are on the highest tier" testId="kyc-next">
        <p class="muted">Your account has the highest limits Vendra offers.</p>
      </Card>
    );
  return (
    <Card title={`To reach tier ${next.tier}`} testId="kyc-next">
      <ul class="checklist">
        {next.requirements.map((requirement) => (
          <li key={requirement} data-requirement={requirement}>
            <span class="checklist-mark" aria-hidden="true" />
            {REQUIREMENT_LABELS[requirement]}
          </li>
        ))}
      </ul>
      {next.requirements.length === 1 && next.requirements[0] === 'review_approval' && (
        <p class="muted small">
          We will move you to tier {next.tier} as soon as your documents are approved.
        </p>
      )}
    </Card>
  );
}
