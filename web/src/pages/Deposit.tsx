import { useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../components/AmountField';
import { defaultWallet, walletOptions } from '../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  focusFirstError,
  PageHeader,
  SelectField,
  Spinner,
} from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useIdempotencyKey, useTitle } from '../lib/hooks';
import { Link, useLocation } from '../lib/router';
import type { Deposit } from '../lib/types';
import { useWallets } from '../lib/wallets';
import { currencyExponent, formatMoney, toJsonAmount, toMajorString } from '../money';

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
        subtitle="Pay by card or bank transfer on our secure checkout page. You'll come straight back here."
        back={<Link href="/">← Home</Link>}
      />
      <Card>
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
          <fieldset class="fieldset">
            <legend class="sr-only">Quick amounts</legend>
            <div class="chips">
              {QUICK.map((q) => (
                <button
                  key={q}
                  type="button"
                  class="chip"
                  onClick={() => setAmount(toMajorString(q, currencyExponent(currency)))}
                >
                  {formatMoney(q, currency)}
                </button>
              ))}
            </div>
          </fieldset>
          <Button type="submit" size="lg" block loading={busy} data-testid="deposit-continue">
            Continue to payment
          </Button>
        </form>
      </Card>
    </div>
  );
}
