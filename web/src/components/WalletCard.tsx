import type { Wallet } from '../lib/types';
import { formatMoney } from '../money';
import { FrozenWalletNote } from './Support';
import { Money, StatusBadge, cx } from './ui';

export function WalletCard({ wallet, highlight }: { wallet: Wallet; highlight?: boolean }) {
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
      </div>
      <p class="wallet-label">Balance</p>
      <p class="wallet-balance" aria-live="polite" aria-atomic="true">
        <Money amount={wallet.balance} currency={wallet.currency} testId="wallet-balance" />
      </p>
      <div class="wallet-sub">
        <div>
          <span class="wallet-label">Available</span>
          <Money amount={wallet.available} currency={wallet.currency} testId="wallet-available" />
        </div>
        <div>
          <span class="wallet-label">On hold</span>
          <Money amount={wallet.held} currency={wallet.currency} testId="wallet-held" />
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
