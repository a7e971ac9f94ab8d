import { useState } from 'preact/hooks';
import { defaultWallet } from '../components/WalletCard';
import { Alert, LoadError, PageHeader, Skeleton } from '../components/ui';
import { api, qs } from '../lib/api';
import { useAsync, useTitle } from '../lib/hooks';
import type { KycSummary } from '../lib/kyc';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { useWallets } from '../lib/wallets';
import { BvnForm, NinForm, Tier3Form, VerifiedNumber } from './kyc/Forms';
import { LimitsCard, NextTierCard } from './kyc/LimitsCard';

/**
 * The sandbox's public test numbers (see the API description of POST /v1/me/kyc/bvn). The API has
 * no flag saying which provider it runs, so the hint shows in development builds only.
 */
function SandboxHint() {
  if (!import.meta.env.DEV) return null;
  return (
    <Alert kind="info" title="Development" testId="kyc-sandbox-hint">
      With the sandbox identity provider, BVN 22222222222 and NIN 11111111111 verify with your own name;
      22222222223 gives a name mismatch and a number starting with 0 is not found.
    </Alert>
  );
}

function Steps({ summary, onChange }: { summary: KycSummary; onChange: (message: string) => void }) {
  const pending = summary.status === 'review_pending';
  return (
    <div class="stack">
      {summary.bvn === null ? (
        <BvnForm
          onVerified={(r) => onChange(`Your BVN ${r.number} is verified. You are on tier ${r.tier}.`)}
        />
      ) : (
        <VerifiedNumber label="BVN" masked={summary.bvn} testId="kyc-bvn-verified" />
      )}
      {summary.nin === null ? (
        <NinForm
          onVerified={(r) => onChange(`Your NIN ${r.number} is verified. You are on tier ${r.tier}.`)}
        />
      ) : (
        <VerifiedNumber label="NIN" masked={summary.nin} testId="kyc-nin-verified" />
      )}
      {pending && (
        <Alert kind="info" title="Tier 3 in review" testId="kyc-review-pending">
          We have your address and ID document; our team will review them shortly.
        </Alert>
      )}
      {summary.tier === 2 && !pending && (
        <Tier3Form onSubmitted={() => onChange('Thanks: your address and ID document are with our team.')} />
      )}
    </div>
  );
}

export function KycPage() {
  useTitle('Account level');
  const { user } = useSession();
  const { wallets } = useWallets();
  const currency = defaultWallet(wallets)?.currency ?? 'NGN';
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<KycSummary>(`/v1/me/kyc${qs({ currency })}`, { signal }),
    [currency],
  );
  const [message, setMessage] = useState<string | null>(null);
  const changed = (text: string) => {
    setMessage(text);
    void reload();
  };
  return (
    <div class="page narrow">
      <PageHeader
        title="Account level"
        subtitle="Verify your identity to raise your limits."
        back={<Link href="/">← Home</Link>}
      />
      <div aria-live="polite">
        {message && (
          <Alert kind="success" testId="kyc-success">
            {message}
          </Alert>
        )}
      </div>
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={5} />
      ) : data ? (
        <div class="stack" data-testid="kyc-page">
          {data.status === 'post_no_debit' && (
            <Alert kind="warning" title="Debits are suspended">
              Money can still come in, but none can go out. Contact support to find out why.
            </Alert>
          )}
          <LimitsCard summary={data} />
          <NextTierCard summary={data} />
          {data.tier < 3 && (
            <>
              {(data.bvn === null || data.nin === null) && (
                <>
                  <p class="muted small">
                    The name on your BVN and NIN must match the name on your Vendra account ({user?.fullName}
                    ).
                  </p>
                  <SandboxHint />
                </>
              )}
              <Steps summary={data} onChange={changed} />
            </>
          )}
        </div>
      ) : null}
    </div>
  );
}
