import { Card, DefinitionList, LoadError, Money, Skeleton, StatusBadge } from '../../components/ui';
import { api } from '../../lib/api';
import { formatDateTime, humanize } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import { ID_TYPE_LABELS } from '../../lib/kyc';
import type { StaffKyc } from '../../lib/types';

const verified = (n: StaffKyc['bvn']) =>
  n.last4 ? (
    <span>
      <span class="mono">•••••••{n.last4}</span> · verified {formatDateTime(n.verifiedAt)}
    </span>
  ) : (
    <span class="muted">Not verified</span>
  );

/** The tier-3 requests, newest first: the document submitted and the decision (who, when, why). */
function Reviews({ reviews }: { reviews: StaffKyc['reviews'] }) {
  if (!reviews.length) return <p class="muted">No tier-3 request yet.</p>;
  return (
    <div class="table-wrap">
      <table class="table" data-testid="customer-kyc-reviews">
        <thead>
          <tr>
            <th scope="col">Submitted</th>
            <th scope="col">Document</th>
            <th scope="col">Address</th>
            <th scope="col">Decision</th>
            <th scope="col">By</th>
            <th scope="col">Reason</th>
          </tr>
        </thead>
        <tbody>
          {reviews.map((r) => (
            <tr key={r.id}>
              <td>{formatDateTime(r.submittedAt)}</td>
              <td>
                {ID_TYPE_LABELS[r.idType] ?? r.idType} <span class="mono">{r.idNumber}</span>
              </td>
              <td>{r.address}</td>
              <td>
                <StatusBadge status={r.status} />
                {r.decidedAt && <div class="muted">{formatDateTime(r.decidedAt)}</div>}
              </td>
              <td>{r.reviewer ? `${r.reviewer.fullName} (${r.reviewer.email})` : '—'}</td>
              <td>{r.reason ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Per wallet currency: the tier's limits, what is used today and what is held now. */
function WalletLimits({ kyc }: { kyc: StaffKyc }) {
  return (
    <div class="table-wrap">
      <table class="table" data-testid="customer-wallet-limits">
        <thead>
          <tr>
            <th scope="col">Wallet</th>
            <th scope="col">Debited today</th>
            <th scope="col">Daily debit limit</th>
            <th scope="col">Held now</th>
            <th scope="col">Maximum balance</th>
            <th scope="col">Resets</th>
          </tr>
        </thead>
        <tbody>
          {kyc.wallets.map((w) => (
            <tr key={w.currency} data-testid={`wallet-limits-${w.currency}`}>
              <td>{w.currency}</td>
              <td>
                <Money amount={w.usage.dailyDebitUsed} currency={w.currency} />
              </td>
              <td>
                {w.limits ? (
                  <Money amount={w.limits.dailyDebitLimit} currency={w.currency} />
                ) : (
                  <span class="muted">Not allowed at tier {kyc.tier}</span>
                )}
              </td>
              <td>
                <Money amount={w.held} currency={w.currency} />
              </td>
              <td>
                {w.limits?.maxBalance == null ? (
                  <span class="muted">{w.limits ? 'No maximum' : '—'}</span>
                ) : (
                  <Money amount={w.limits.maxBalance} currency={w.currency} />
                )}
              </td>
              <td>{formatDateTime(w.usage.resetsAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The person's KYC: tier and state, BVN and NIN (last four only), tier-3 requests and decisions, limits use. */
export function CustomerKyc({ userId, version }: { userId: string; version: string }) {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<StaffKyc>(`/v1/admin/users/${encodeURIComponent(userId)}/kyc`, { signal }),
    [userId, version],
  );
  return (
    <>
      <Card title="KYC" testId="customer-kyc">
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={4} />
        ) : data ? (
          <DefinitionList
            items={[
              ['Tier', <span data-testid="customer-kyc-tier">Tier {data.tier}</span>],
              ['State', <StatusBadge status={data.status} label={humanize(data.status)} />],
              ['BVN', verified(data.bvn)],
              ['NIN', verified(data.nin)],
              ...(data.pnd ? ([['Post-no-debit', data.pndReason ?? 'Yes']] as [string, string][]) : []),
            ]}
          />
        ) : null}
      </Card>
      <Card title="Tier-3 requests" class="span-2" testId="customer-kyc-requests">
        {data ? <Reviews reviews={data.reviews} /> : error ? null : <Skeleton lines={2} />}
      </Card>
      <Card title="Wallet limits" class="span-2" testId="customer-limits">
        {data ? <WalletLimits kyc={data} /> : error ? null : <Skeleton lines={2} />}
      </Card>
    </>
  );
}
