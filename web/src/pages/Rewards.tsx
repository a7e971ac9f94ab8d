import {
  Card,
  CopyButton,
  EmptyState,
  LoadError,
  Money,
  PageHeader,
  Skeleton,
  StatusBadge,
} from '../components/ui';
import { api } from '../lib/api';
import { categoryLabel, formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import type { PublicCampaign, RewardsResponse } from '../lib/types';

/** What a campaign pays, in words. */
export function effectText(c: Pick<PublicCampaign, 'effect' | 'currency'>): string {
  const e = c.effect;
  const naira = (minor: number | undefined) => `₦${((minor ?? 0) / 100).toLocaleString('en-NG')}`;
  if (e?.type === 'cashback_percent')
    return `${(e.bps ?? 0) / 100}% back${e.cap ? `, up to ${naira(e.cap)} a payment` : ''}`;
  if (e?.type === 'flat') return `${naira(e.amount)} back`;
  if (e?.type === 'referral') return `${naira(e.referrer)} for you, ${naira(e.referee)} for your friend`;
  return '';
}

const TRIGGER_TEXT: Record<string, string> = {
  'bill_payment.succeeded': 'On bill payments',
  first_deposit: 'On your first deposit',
  referral_first_payment: 'When a friend you invited makes their first payment',
};

const ROLE_TEXT: Record<string, string> = {
  customer: 'Cashback',
  referrer: 'Referral bonus (you invited)',
  referee: 'Referral bonus (welcome)',
};

/** The person's own referral code, to copy or share; a friend gives it when signing up. */
function InviteCard() {
  const { user } = useSession();
  if (!user?.referralCode) return null;
  const code = user.referralCode;
  const link = `${window.location.origin}/signup?ref=${encodeURIComponent(code)}`;
  const share = typeof navigator.share === 'function';
  return (
    <Card title="Invite friends" testId="invite">
      <p>
        Your referral code is{' '}
        <strong class="mono" data-testid="referral-code">
          {code}
        </strong>
        . A friend who signs up with it and makes a first payment earns you both a bonus while a referral
        campaign runs.
      </p>
      <div class="row">
        <CopyButton text={code} label="Copy code" testId="copy-referral" />
        <CopyButton text={link} label="Copy invite link" testId="copy-invite-link" />
        {share && (
          <button
            type="button"
            class="btn btn-ghost btn-sm"
            onClick={() =>
              navigator
                .share({ title: 'Join me on Vendra', text: `Sign up with my code ${code}`, url: link })
                .catch(() => undefined)
            }
          >
            Share
          </button>
        )}
      </div>
    </Card>
  );
}

/** Campaigns running now, and what the person earned from them. */
export function RewardsPage() {
  useTitle('Rewards');
  const campaigns = useAsync(
    (signal) => api.get<{ data: PublicCampaign[] }>('/v1/campaigns', { signal }),
    [],
  );
  const rewards = useAsync((signal) => api.get<RewardsResponse>('/v1/rewards', { signal }), []);
  return (
    <div class="page">
      <PageHeader
        title="Rewards"
        subtitle="Cashback and bonuses from Vendra's running campaigns, paid into your wallet."
      />
      <InviteCard />
      <Card title="Running campaigns" testId="campaigns">
        {campaigns.error ? (
          <LoadError error={campaigns.error} onRetry={campaigns.reload} />
        ) : campaigns.loading && !campaigns.data ? (
          <Skeleton lines={2} />
        ) : campaigns.data?.data.length ? (
          <ul class="list">
            {campaigns.data.data.map((c) => (
              <li key={c.id} class="list-item" data-testid={`campaign-${c.id}`}>
                <div>
                  <strong>{c.name}</strong>
                  <div class="muted">
                    {TRIGGER_TEXT[c.trigger ?? ''] ?? c.trigger}
                    {c.categories?.length ? ` · ${c.categories.map((k) => categoryLabel(k)).join(', ')}` : ''}
                    {c.endsAt ? ` · until ${formatDateTime(c.endsAt)}` : ''}
                  </div>
                  {c.description && <div class="muted">{c.description}</div>}
                </div>
                <span class="badge badge-success">{effectText(c)}</span>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No campaign is running now" />
        )}
      </Card>
      <Card title="What you earned" testId="rewards">
        {rewards.error ? (
          <LoadError error={rewards.error} onRetry={rewards.reload} />
        ) : rewards.loading && !rewards.data ? (
          <Skeleton lines={3} />
        ) : rewards.data?.data.length ? (
          <>
            <p>
              Earned so far:{' '}
              <Money amount={rewards.data.totals?.earned ?? 0} currency="NGN" testId="rewards-total" />
            </p>
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Campaign</th>
                    <th scope="col">Kind</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {rewards.data.data.map((r) => (
                    <tr key={r.id} data-testid="reward-row">
                      <td>{formatDateTime(r.createdAt)}</td>
                      <td>{r.campaignName}</td>
                      <td>{ROLE_TEXT[r.role ?? ''] ?? r.role}</td>
                      <td>
                        <Money amount={r.amount ?? 0} currency={r.currency ?? 'NGN'} signed="credit" />
                      </td>
                      <td>
                        <StatusBadge
                          status={
                            r.status === 'paid'
                              ? 'succeeded'
                              : r.status === 'clawed_back'
                                ? 'reversed'
                                : (r.status ?? '')
                          }
                          label={
                            r.status === 'clawed_back'
                              ? 'reversed with its payment'
                              : r.status === 'receivable'
                                ? 'owed back'
                                : r.status
                          }
                        />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        ) : (
          <EmptyState title="Nothing earned yet" action={<Link href="/bills">Pay a bill</Link>}>
            Pay a bill that a running campaign covers and its cashback lands here.
          </EmptyState>
        )}
      </Card>
    </div>
  );
}
