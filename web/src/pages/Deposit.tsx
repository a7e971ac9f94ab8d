import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount, QuickAmounts } from '../components/AmountField';
import { defaultWallet, walletOptions } from '../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  CopyButton,
  EmptyState,
  focusFirstError,
  PageHeader,
  SelectField,
  Spinner,
} from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useAsync, useIdempotencyKey, useInterval, useTitle } from '../lib/hooks';
import { Link, useLocation } from '../lib/router';
import type { Deposit, FundingAccount } from '../lib/types';
import { useWallets } from '../lib/wallets';
import { toJsonAmount } from '../money';

const KEY = 'vendra.deposit.';

/** The deposit id for a checkout reference (the gateway returns only the reference to /?deposit=…). */
export function depositIdFor(reference: string): string | null {
  try {
    return sessionStorage.getItem(KEY + reference);
  } catch {
    return null;
  }
}

function remember(deposit: Deposit) {
  try {
    sessionStorage.setItem(KEY + deposit.reference, deposit.id);
  } catch {
    // without storage we fall back to looking the deposit up by reference
  }
}

/** Only follow a checkout URL on this origin (the sandbox) or over https (a real gateway). */
function safeCheckoutUrl(raw: string): string | null {
  try {
    const url = new URL(raw, window.location.origin);
    if (url.origin === window.location.origin || url.protocol === 'https:') return url.toString();
  } catch {
    // fall through
  }
  return null;
}

const QUICK = [100000, 500000, 1000000, 2000000];

/**
 * The wallet's own bank account number: money sent to it by bank transfer
 * lands in the wallet. Asks for one when the person may have one and has
 * none; polls while the provider is assigning it.
 */
export function FundingAccountCard({ walletId, compact = false }: { walletId: string; compact?: boolean }) {
  const url = `/v1/wallets/${walletId}/funding-account`;
  const { data, error, reload, setData } = useAsync<FundingAccount>(
    (signal) => api.get<FundingAccount>(url, { signal }),
    [url],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  useInterval(() => void reload(), 2000, data?.status === 'pending');
  // Someone who became eligible since registration (a BVN or NIN verified) gets one on their next visit.
  const asked = useRef(false);
  useEffect(() => {
    if (data?.status !== 'none' || !data.eligible || asked.current) return;
    asked.current = true;
    void ask();
  }, [data?.status, data?.eligible]);
  if (error || !data) return null; // the card form below still works
  async function ask() {
    setBusy(true);
    setFailure(null);
    try {
      setData(await api.post<FundingAccount>(url, {}));
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  let body: ComponentChildren;
  if (data.status === 'assigned' && data.accountNumber)
    body = (
      <div class="funding-account" data-testid="funding-account">
        <p>
          Send money to <strong data-testid="funding-account-number">{data.accountNumber}</strong> (
          {data.bankName}), {data.accountName}
        </p>
        <CopyButton text={data.accountNumber} label="Copy account number" testId="funding-account-copy" />
      </div>
    );
  else if (data.status === 'pending') body = <Spinner label="Setting up your account number" />;
  else if (!data.eligible)
    body = (
      <p class="muted">
        Verify your BVN or NIN to get your own account number. <Link href="/kyc">Verify now</Link>
      </p>
    );
  else
    body = (
      <>
        {data.status === 'failed' && (
          <Alert>We could not set up your account number. Please try again.</Alert>
        )}
        <Button
          variant="secondary"
          size="sm"
          loading={busy}
          onClick={ask}
          data-testid="funding-account-request"
        >
          Get an account number
        </Button>
      </>
    );
  return (
    <Card title={compact ? 'Fund by bank transfer' : 'Bank transfer'} testId="funding-account-card">
      {failure && <Alert>{failure}</Alert>}
      {!compact && data.status === 'assigned' && (
        <p class="muted">From any bank app. It arrives in this wallet within moments, any time of day.</p>
      )}
      {body}
    </Card>
  );
}

export function DepositPage() {
  useTitle('Add money');
  const { wallets } = useWallets();
  const { query } = useLocation();
  const [walletId, setWalletId] = useState<string>(query.get('wallet') ?? '');
  const wallet = defaultWallet(wallets, walletId);
  const currency = wallet?.currency ?? 'NGN';
  const [amount, setAmount] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { key, settle } = useIdempotencyKey(`${wallet?.id}|${amount}`);

  if (!wallets) return <Spinner label="Loading your wallets" />;
  if (!wallet)
    return (
      <div class="page narrow">
        <PageHeader title="Add money" />
        <EmptyState title="No wallet yet" action={<Link href="/">Go home</Link>}>
          Your wallet is still being set up.
        </EmptyState>
      </div>
    );

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const checked = checkAmount(amount, currency, { min: 1 });
    if (typeof checked === 'string') {
      setError(checked);
      return focusFirstError(form.current);
    }
    setError(undefined);
    setBusy(true);
    try {
      const deposit = await api.post<Deposit>(
        `/v1/wallets/${wallet.id}/deposits`,
        { amount: toJsonAmount(checked) },
        { idempotencyKey: key },
      );
      remember(deposit);
      const target = deposit.checkoutUrl ? safeCheckoutUrl(deposit.checkoutUrl) : null;
      if (!target) {
        setFailure('The payment page address looks wrong, so we did not open it. Please try again.');
        setBusy(false);
        return;
      }
      window.location.assign(target);
    } catch (e) {
      settle(e);
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <div class="page narrow">
      <PageHeader
        title="Add money"
        subtitle="Send a bank transfer to your own account number, or pay on our secure checkout page."
        back={<Link href="/">← Home</Link>}
      />
      {wallet.currency === 'NGN' && <FundingAccountCard walletId={wallet.id} />}
      <Card title="Card or checkout">
        <form ref={form} class="form" onSubmit={submit} noValidate data-testid="deposit-form">
          {failure && <Alert testId="form-error">{failure}</Alert>}
          {wallets.length > 1 && (
            <SelectField
              label="Wallet"
              name="wallet"
              value={wallet.id}
              onValue={setWalletId}
              options={walletOptions(wallets)}
            />
          )}
          <AmountField value={amount} onValue={setAmount} currency={currency} error={error} />
          <QuickAmounts amounts={QUICK} currency={currency} onPick={setAmount} current={amount} />
          <Button type="submit" size="lg" block loading={busy} data-testid="deposit-continue">
            Continue to payment
          </Button>
        </form>
      </Card>
    </div>
  );
}
