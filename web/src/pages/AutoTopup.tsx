import { useRef, useState } from 'preact/hooks';
import { PinStep, usePin } from '../components/PinPad';
import { isPinRefusal } from '../lib/pin';
import { AmountField, checkAmount } from '../components/AmountField';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  StatusBadge,
  TextField,
} from '../components/ui';
import { api, errorMessage, newIdempotencyKey, request } from '../lib/api';
import { formatDateTime } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import type { AutoTopupRule, SavedCard } from '../lib/types';
import { useWallets } from '../lib/wallets';

const naira = (minor: number | undefined) => (minor === undefined ? '' : (minor / 100).toFixed(2));

interface RuleFormProps {
  walletId: string;
  cards: SavedCard[];
  rule: AutoTopupRule | undefined;
  onDone: (message: string) => void;
}

/** Creates or changes the wallet's rule; one idempotency key per form, so a double submit saves once. */
function RuleForm({ walletId, cards, rule, onDone }: RuleFormProps) {
  const [cardId, setCardId] = useState(rule?.cardId ?? cards[0]?.id ?? '');
  const [threshold, setThreshold] = useState(naira(rule?.threshold));
  const [amount, setAmount] = useState(naira(rule?.amount));
  const [maxPerDay, setMaxPerDay] = useState(String(rule?.maxPerDay ?? 1));
  const [maxPerMonth, setMaxPerMonth] = useState(naira(rule?.maxPerMonth));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  // A rule lets the worker charge the card later: it is set with the transaction PIN.
  const entry = usePin();
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const t = checkAmount(threshold, 'NGN');
    const a = checkAmount(amount, 'NGN', { min: 100 });
    const m = checkAmount(maxPerMonth, 'NGN');
    const perDay = Number(maxPerDay);
    const next: Record<string, string> = {};
    if (!cardId) next.card = 'Choose a card';
    if (typeof t === 'string') next.threshold = t;
    if (typeof a === 'string') next.amount = a;
    if (typeof m === 'string') next.maxPerMonth = m;
    else if (typeof a !== 'string' && m < a) next.maxPerMonth = 'At least one top-up a month';
    if (!Number.isInteger(perDay) || perDay < 1 || perDay > 10) next.maxPerDay = 'From 1 to 10';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    const body = {
      cardId,
      threshold: Number(t),
      amount: Number(a),
      maxPerDay: perDay,
      maxPerMonth: Number(m),
      enabled: true,
    };
    setBusy(true);
    setFailure(null);
    try {
      const options = { idempotencyKey: key.current, pin: entry.pin };
      if (rule) await request('PATCH', `/v1/auto-topup/rules/${rule.id}`, { body, ...options });
      else await api.post('/v1/auto-topup/rules', { ...body, walletId }, options);
      key.current = newIdempotencyKey();
      onDone(rule ? 'Auto top-up updated.' : 'Auto top-up is on.');
    } catch (e) {
      entry.refused(e);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid="auto-topup-form">
      <SelectField
        label="Card to charge"
        name="card"
        value={cardId}
        onValue={setCardId}
        error={errors.card}
        options={cards.map((c) => ({ value: c.id ?? '', label: `${c.brand} •••• ${c.last4}` }))}
      />
      <AmountField
        value={threshold}
        onValue={setThreshold}
        currency="NGN"
        error={errors.threshold}
        name="threshold"
        label="When my balance falls below"
      />
      <AmountField
        value={amount}
        onValue={setAmount}
        currency="NGN"
        error={errors.amount}
        name="topup-amount"
        label="Top up by"
      />
      <TextField
        label="At most this many times a day"
        name="maxPerDay"
        type="number"
        value={maxPerDay}
        onValue={setMaxPerDay}
        error={errors.maxPerDay}
      />
      <AmountField
        value={maxPerMonth}
        onValue={setMaxPerMonth}
        currency="NGN"
        error={errors.maxPerMonth}
        name="maxPerMonth"
        label="At most this much a month"
      />
      <PinStep value={entry.pin} onValue={entry.setPin} failure={failure} disabled={busy} />
      {failure !== null && !isPinRefusal(failure) && <Alert>{errorMessage(failure)}</Alert>}
      <div class="row row-end">
        <Button type="submit" loading={busy} disabled={!entry.complete} data-testid="auto-topup-save">
          {rule ? 'Save changes' : 'Turn on auto top-up'}
        </Button>
      </div>
    </form>
  );
}

/** Saved cards (from a card deposit) and the wallet's auto top-up rule with its charges. */
export function AutoTopupPage() {
  useTitle('Cards and auto top-up');
  const { wallets, reload: reloadWallets } = useWallets();
  const wallet = wallets?.find((w) => w.currency === 'NGN');
  const cards = useAsync((signal) => api.get<{ data: SavedCard[] }>('/v1/cards', { signal }), []);
  const rules = useAsync(
    (signal) => api.get<{ data: AutoTopupRule[] }>('/v1/auto-topup/rules', { signal }),
    [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const rule = rules.data?.data.find((r) => r.walletId === wallet?.id);
  const changed = (m: string) => {
    setMessage(m);
    void cards.reload();
    void rules.reload();
    void reloadWallets();
  };
  const remove = async (card: SavedCard) => {
    try {
      await api.delete(`/v1/cards/${card.id}`);
      changed(`Card •••• ${card.last4} removed.`);
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  const stop = async () => {
    if (!rule) return;
    try {
      await api.delete(`/v1/auto-topup/rules/${rule.id}`);
      changed('Auto top-up is off.');
    } catch (e) {
      setMessage(errorMessage(e));
    }
  };
  return (
    <div class="page">
      <PageHeader
        title="Cards and auto top-up"
        subtitle="A card you pay a deposit with is saved with the gateway. Auto top-up charges it when your balance runs low."
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      <Card title="Saved cards" testId="saved-cards">
        {cards.error ? (
          <LoadError error={cards.error} onRetry={cards.reload} />
        ) : cards.loading && !cards.data ? (
          <Skeleton lines={2} />
        ) : cards.data?.data.length ? (
          <ul class="list">
            {cards.data.data.map((c) => (
              <li key={c.id} class="list-item" data-testid="saved-card">
                <span>
                  <strong>
                    {c.brand} •••• {c.last4}
                  </strong>{' '}
                  <span class="muted">
                    expires {c.expMonth}/{c.expYear}
                  </span>
                </span>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() => remove(c)}
                  data-testid={`remove-card-${c.last4}`}
                >
                  Remove
                </Button>
              </li>
            ))}
          </ul>
        ) : (
          <EmptyState title="No saved card" action={<Link href="/deposit">Add money with a card</Link>}>
            Pay a deposit with a card and it is saved here.
          </EmptyState>
        )}
      </Card>
      {wallet && cards.data?.data.length ? (
        <Card
          title="Auto top-up"
          testId="auto-topup"
          actions={
            rule?.enabled ? (
              <Button size="sm" variant="secondary" onClick={stop} data-testid="auto-topup-stop">
                Turn off
              </Button>
            ) : null
          }
        >
          {rule && (
            <p data-testid="auto-topup-summary">
              {rule.enabled ? 'On' : 'Off'}: when the balance falls below{' '}
              <Money amount={rule.threshold ?? 0} currency="NGN" />, top up{' '}
              <Money amount={rule.amount ?? 0} currency="NGN" /> from {rule.card?.brand} ••••{' '}
              {rule.card?.last4}, at most {rule.maxPerDay} a day and{' '}
              <Money amount={rule.maxPerMonth ?? 0} currency="NGN" /> a month.
            </p>
          )}
          <RuleForm
            key={rule?.id ?? 'new'}
            walletId={wallet.id ?? ''}
            cards={cards.data.data}
            rule={rule}
            onDone={changed}
          />
          {rule?.charges?.length ? (
            <div class="table-wrap">
              <table class="table">
                <thead>
                  <tr>
                    <th scope="col">When</th>
                    <th scope="col">Amount</th>
                    <th scope="col">Status</th>
                  </tr>
                </thead>
                <tbody>
                  {rule.charges.map((c) => (
                    <tr key={c.id} data-testid="auto-topup-charge">
                      <td>{formatDateTime(c.createdAt)}</td>
                      <td>
                        <Money amount={c.amount ?? 0} currency="NGN" />
                      </td>
                      <td>
                        <StatusBadge status={c.status ?? ''} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </Card>
      ) : null}
    </div>
  );
}
