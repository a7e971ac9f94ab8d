import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { FailureAlert } from '../../components/FailureAlert';
import { PinStep, usePin } from '../../components/PinPad';
import { defaultWallet } from '../../components/WalletCard';
import { Alert, Button, Card, DefinitionList, Money } from '../../components/ui';
import { api } from '../../lib/api';
import { useIdempotencyKey } from '../../lib/hooks';
import { isPinRefusal } from '../../lib/pin';
import { Link, navigate } from '../../lib/router';
import { useWallets } from '../../lib/wallets';
import { formatMoney, toJsonAmount } from '../../money';
import { quoteRequest, useQuote } from './quote';
import type { Draft } from './reducer';

/** The last step: the server's fee and total for the draft, and the Pay button. */
export function ReviewStep({ draft, onBack }: { draft: Draft; onBack: () => void }) {
  const { wallets } = useWallets();
  const wallet = defaultWallet(wallets);
  const currency = wallet?.currency ?? 'NGN';
  const quoted = useQuote(quoteRequest(draft.biller.id, draft.product.code, draft.amount));
  const [busy, setBusy] = useState(false);
  // The refusal itself (not its message): a tier limit is shown with its own words.
  const [failure, setFailure] = useState<unknown>(null);
  const entry = usePin();
  const payload = {
    walletId: wallet?.id,
    billerId: draft.biller.id,
    productCode: draft.product.code,
    customerRef: draft.customerRef,
    amount: toJsonAmount(draft.amount),
    ...(draft.phone ? { phone: draft.phone } : {}),
  };
  const { key, settle } = useIdempotencyKey(JSON.stringify(payload));

  const total = quoted.quote ? BigInt(quoted.quote.total) : null;
  const short = wallet && total !== null ? BigInt(wallet.available) < total : !wallet;

  const pay = async () => {
    if (!wallet) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.post<{ id: string; status: string }>('/v1/bill-payments', payload, {
        idempotencyKey: key,
        pin: entry.pin,
      });
      settle();
      navigate(`/bills/payments/${created.id}`);
    } catch (e) {
      settle(e);
      entry.refused(e);
      setFailure(e);
      setBusy(false);
    }
  };

  const pending = <span class="muted">{quoted.loading ? 'Checking…' : '—'}</span>;
  return (
    <Card title="Confirm payment" testId="bill-review">
      <DefinitionList
        items={[
          ['Biller', draft.biller.name],
          ['Product', draft.product.name],
          [draft.biller.customerRefLabel, <span class="mono">{draft.customerRef}</span>],
          ...(draft.customer
            ? ([
                [
                  'Customer',
                  <strong data-testid="review-customer-name">{draft.customer.customerName}</strong>,
                ],
              ] as [string, ComponentChildren][])
            : []),
          ...(draft.customer?.address ? ([['Address', draft.customer.address]] as [string, string][]) : []),
          ['Amount', <Money amount={draft.amount} currency={currency} testId="review-amount" />],
          [
            'Fee',
            quoted.quote ? (
              <Money amount={quoted.quote.fee} currency={currency} testId="bill-fee" />
            ) : (
              pending
            ),
          ],
          [
            'Total',
            quoted.quote ? (
              <strong>
                <Money amount={quoted.quote.total} currency={currency} testId="bill-total" />
              </strong>
            ) : (
              pending
            ),
          ],
          [
            'From',
            wallet
              ? `${wallet.currency} wallet · ${formatMoney(wallet.available, wallet.currency)} available`
              : '—',
          ],
        ]}
      />
      {quoted.error && <Alert kind="error">{quoted.error}</Alert>}
      {short && quoted.quote && (
        <Alert kind="warning">
          Your available balance is not enough for this payment. <Link href="/deposit">Add money</Link> first.
        </Alert>
      )}
      {!short && <PinStep value={entry.pin} onValue={entry.setPin} failure={failure} disabled={busy} />}
      {failure !== null && !isPinRefusal(failure) && <FailureAlert error={failure} currency={currency} />}
      <div class="row row-end">
        <Button variant="ghost" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button
          size="lg"
          onClick={pay}
          loading={busy}
          disabled={short || total === null || !entry.complete}
          data-testid="bill-pay"
        >
          {total === null ? 'Pay' : `Pay ${formatMoney(total, currency)}`}
        </Button>
      </div>
    </Card>
  );
}
