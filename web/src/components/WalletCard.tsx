import { useEffect, useState } from 'preact/hooks';
import type { Wallet } from '../lib/types';
import { formatMoney } from '../money';
import { FrozenWalletNote } from './Support';
import { Money, StatusBadge, cx } from './ui';

const HIDE_KEY = 'vendra.hideBalances';
const HIDE_EVENT = 'vendra:hide-balances';

function readHidden(): boolean {
  try {
    return localStorage.getItem(HIDE_KEY) === '1';
  } catch {
    return false;
  }
}

/** Balances hidden or shown, remembered on this device and the same on every card. */
export function useHiddenBalances(): [boolean, () => void] {
  const [hidden, setHidden] = useState(readHidden);
  useEffect(() => {
    const update = () => setHidden(readHidden());
    window.addEventListener(HIDE_EVENT, update);
    return () => window.removeEventListener(HIDE_EVENT, update);
  }, []);
  const toggle = () => {
    try {
      localStorage.setItem(HIDE_KEY, readHidden() ? '0' : '1');
    } catch {
      // Storage refused: this card only, for this visit.
      setHidden((h) => !h);
      return;
    }
    window.dispatchEvent(new Event(HIDE_EVENT));
  };
  return [hidden, toggle];
}

function Hidden({ testId }: { testId: string }) {
  return (
    <span class="money money-hidden" data-testid={testId} data-hidden="true">
      <span aria-hidden="true">₦ ••••••</span>
      <span class="sr-only">hidden</span>
    </span>
  );
}

export function WalletCard({ wallet, highlight }: { wallet: Wallet; highlight?: boolean }) {
  const [hidden, toggle] = useHiddenBalances();
  const amount = (value: number, testId: string) =>
    hidden ? <Hidden testId={testId} /> : <Money amount={value} currency={wallet.currency} testId={testId} />;
  return (
    <article
      class={cx('wallet-card', highlight && 'flash', wallet.status !== 'active' && 'wallet-inactive')}
      data-testid={`wallet-${wallet.currency}`}
      data-wallet-id={wallet.id}
      aria-label={`${wallet.currency} wallet`}
    >
      <div class="wallet-top">
        <span class="wallet-currency">{wallet.currency} wallet</span>
        {wallet.status !== 'active' && <StatusBadge status={wallet.status} />}
        <button
          type="button"
          class="link-btn wallet-eye"
          aria-pressed={hidden ? 'true' : 'false'}
          onClick={toggle}
          data-testid="toggle-balance"
        >
          {hidden ? 'Show balance' : 'Hide balance'}
        </button>
      </div>
      <p class="wallet-label">Balance</p>
      <p class="wallet-balance" aria-live="polite" aria-atomic="true">
        {amount(wallet.balance, 'wallet-balance')}
      </p>
      <div class="wallet-sub">
        <div>
          <span class="wallet-label">Available</span>
          {amount(wallet.available, 'wallet-available')}
        </div>
        <div>
          <span class="wallet-label">On hold</span>
          {amount(wallet.held, 'wallet-held')}
        </div>
      </div>
      {wallet.status === 'frozen' && <FrozenWalletNote />}
    </article>
  );
}

/** Picks the wallet to act from: the requested one, else the first active NGN, else the first active. */
export function defaultWallet(wallets: Wallet[] | undefined, preferred?: string | null): Wallet | undefined {
  if (!wallets?.length) return undefined;
  return (
    wallets.find((w) => w.id === preferred) ??
    wallets.find((w) => w.currency === 'NGN' && w.status === 'active') ??
    wallets.find((w) => w.status === 'active') ??
    wallets[0]
  );
}

export function walletOptions(wallets: Wallet[]) {
  return wallets.map((w) => ({
    value: w.id,
    label: `${w.currency} wallet · ${formatMoney(w.available, w.currency)} available${w.status !== 'active' ? ` (${w.status})` : ''}`,
  }));
}
