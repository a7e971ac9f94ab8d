import { useEffect, useRef, useState } from 'preact/hooks';
import { Icon } from '../components/icons';
import { LineRow } from '../components/LineRow';
import { defaultWallet, WalletCard } from '../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  Spinner,
} from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useAsync, useTitle } from '../lib/hooks';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import { VerifyBanner } from '../components/VerifyBanner';
import type { Deposit, Line, Page, Wallet } from '../lib/types';
import { useLiveEvent, useWallets } from '../lib/wallets';
import { depositIdFor, FundingAccountCard } from './Deposit';

const CURRENCIES = ['NGN', 'USD', 'GBP', 'EUR', 'GHS', 'KES', 'XOF'];

function DepositStatus({ reference }: { reference: string }) {
  const [deposit, setDeposit] = useState<Deposit | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [gaveUp, setGaveUp] = useState(false);
  const started = useRef(Date.now());
  const { reload } = useWallets();

  useEffect(() => {
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const id = depositIdFor(reference) ?? reference;
    const poll = async () => {
      try {
        const d = await api.get<Deposit>(`/v1/deposits/${encodeURIComponent(id)}`);
        if (cancelled) return;
        setDeposit(d);
        setError(null);
        if (d.status === 'pending') {
          if (Date.now() - started.current < 90_000) timer = setTimeout(poll, 1500);
          else setGaveUp(true);
        } else void reload();
      } catch (e) {
        if (!cancelled) setError(errorMessage(e));
      }
    };
    void poll();
    return () => {
      cancelled = true;
      if (timer) clearTimeout(timer);
    };
  }, [reference, reload]);

  useLiveEvent((name, data) => {
    if (name === 'deposit.succeeded' && (data.reference === reference || data.id === deposit?.id)) {
      setDeposit((d) => (d ? { ...d, status: 'succeeded' } : d));
    }
  });

  const dismiss = () => navigate('/', { replace: true });
  const amount = deposit ? <Money amount={deposit.amount} currency={deposit.currency} /> : null;
  return (
    <div class="deposit-status" data-testid="deposit-status" data-status={deposit?.status ?? 'loading'}>
      {error ? (
        <Alert kind="error" title="We couldn't check your deposit">
          {error} If you paid, your balance will update as soon as the payment is confirmed.
        </Alert>
      ) : !deposit ? (
        <Alert kind="info" title="Checking your deposit…" />
      ) : deposit.status === 'succeeded' ? (
        <Alert kind="success" title="Deposit received">
          {amount} has been added to your wallet.
        </Alert>
      ) : deposit.status === 'failed' ? (
        <Alert kind="error" title="Deposit failed">
          The payment of {amount} did not go through. No money was taken from your wallet.
        </Alert>
      ) : (
        <Alert kind="info" title="Waiting for confirmation">
          {amount} is on its way. {gaveUp ? 'This is taking longer than usual; ' : ''}Your balance updates the
          moment the payment is confirmed.
        </Alert>
      )}
      <Button variant="ghost" size="sm" onClick={dismiss}>
        Dismiss
      </Button>
    </div>
  );
}

function RecentActivity({ wallet }: { wallet: Wallet }) {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<Line>>(`/v1/wallets/${wallet.id}/transactions?limit=5`, { signal }),
    [wallet.id],
  );
  // Reload when the balance changes (a new line exists).
  const last = useRef(wallet.balance);
  useEffect(() => {
    if (last.current !== wallet.balance) {
      last.current = wallet.balance;
      void reload();
    }
  }, [wallet.balance, reload]);

  return (
    <Card
      title="Recent activity"
      actions={
        <Link href={`/history?wallet=${wallet.id}`} class="link">
          See all
        </Link>
      }
      testId="recent-activity"
    >
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={3} />
      ) : data?.data.length ? (
        <ul class="lines">
          {data.data.map((line) => (
            <li key={line.id}>
              <LineRow line={line} href={`/history?wallet=${wallet.id}&line=${line.id}`} />
            </li>
          ))}
        </ul>
      ) : (
        <EmptyState title="No transactions yet">Add money to get started.</EmptyState>
      )}
    </Card>
  );
}

function CreateWallet({ existing, onCreated }: { existing: string[]; onCreated: () => void }) {
  const choices = CURRENCIES.filter((c) => !existing.includes(c));
  const [currency, setCurrency] = useState(choices[0] ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  if (!choices.length) return null;
  if (!open)
    return (
      <Button variant="secondary" size="sm" onClick={() => setOpen(true)} data-testid="add-wallet">
        <Icon name="plus" size={16} /> Add a wallet
      </Button>
    );
  return (
    <form
      class="inline-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!currency) return;
        setBusy(true);
        setError(null);
        try {
          await api.post('/v1/wallets', { currency });
          setOpen(false);
          onCreated();
        } catch (err) {
          setError(errorMessage(err));
        } finally {
          setBusy(false);
        }
      }}
    >
      <SelectField
        label="Currency"
        name="currency"
        value={currency}
        onValue={setCurrency}
        options={choices.map((c) => ({ value: c, label: c }))}
      />
      <div class="row">
        <Button type="submit" size="sm" loading={busy}>
          Create wallet
        </Button>
        <Button variant="ghost" size="sm" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </div>
      {error && <Alert>{error}</Alert>}
    </form>
  );
}

export function HomePage() {
  useTitle('Home');
  const { user } = useSession();
  const { wallets, error, provisioning, reload, changed } = useWallets();
  const { query } = useLocation();
  const deposit = query.get('deposit');
  const primary = defaultWallet(wallets);
  const emptyNgn = primary?.currency === 'NGN' && Number(primary.balance) === 0 ? primary : undefined;
  const firstName = user?.fullName.split(/\s+/)[0] ?? '';

  return (
    <div class="page">
      <PageHeader
        title={`Hello, ${firstName}`}
        subtitle="Here is your money at a glance."
        actions={
          <Link href="/kyc" class="btn btn-secondary btn-sm" data-testid="account-level-link">
            Account level
          </Link>
        }
      />
      {user && <VerifyBanner user={user} />}
      {deposit && <DepositStatus reference={deposit} />}
      {error && !wallets ? (
        <LoadError error={{ detail: error }} onRetry={reload} />
      ) : !wallets || (provisioning && wallets.length === 0) ? (
        <div class="wallet-grid">
          <div class="wallet-card wallet-skeleton">
            <Spinner label={provisioning ? 'Setting up your wallet' : 'Loading your wallets'} />
          </div>
        </div>
      ) : wallets.length === 0 ? (
        <EmptyState
          title="You don't have a wallet yet"
          action={<CreateWallet existing={[]} onCreated={reload} />}
        >
          Create one to add money, pay bills and send money.
        </EmptyState>
      ) : (
        <>
          <div class="wallet-grid" data-testid="wallets">
            {wallets.map((w) => (
              <WalletCard key={w.id} wallet={w} highlight={changed.has(w.id)} />
            ))}
          </div>
          <div class="quick-actions">
            <Link
              href={`/deposit${primary ? `?wallet=${primary.id}` : ''}`}
              class="quick"
              data-testid="action-deposit"
            >
              <Icon name="plus" />
              <span>Add money</span>
            </Link>
            <Link href="/bills" class="quick" data-testid="action-bills">
              <Icon name="bolt" />
              <span>Pay bills</span>
            </Link>
            <Link href="/send" class="quick" data-testid="action-send">
              <Icon name="send" />
              <span>Send</span>
            </Link>
            <Link href="/withdraw" class="quick" data-testid="action-withdraw">
              <Icon name="bank" />
              <span>Withdraw</span>
            </Link>
          </div>
          <div class="home-grid">
            {/* An empty wallet leads with its account number: the way in, for a new person. */}
            {emptyNgn && <FundingAccountCard walletId={emptyNgn.id} compact />}
            {primary && <RecentActivity wallet={primary} />}
            {primary?.currency === 'NGN' && !emptyNgn && <FundingAccountCard walletId={primary.id} compact />}
            <Card title="Wallets">
              <p class="muted">Hold money in more than one currency.</p>
              <CreateWallet existing={wallets.map((w) => w.currency)} onCreated={reload} />
            </Card>
          </div>
        </>
      )}
    </div>
  );
}
