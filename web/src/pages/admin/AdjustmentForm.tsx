import { useRef, useState } from 'preact/hooks';
import { Alert, Button, Card, focusFirstError, SelectField, TextField } from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { useIdempotencyKey } from '../../lib/hooks';
import { useSession } from '../../lib/session';
import { formatMoney, isMoneyError, parseMoney } from '../../money';

/**
 * A manual refund (credit) or correction (debit) of a wallet, with a reason;
 * one Idempotency-Key per attempt, so a double click or a retry moves money
 * once. The server refuses operators above its admin threshold with a message
 * shown here. Support staff do not see it.
 */
export function AdjustmentForm({
  walletId,
  currency,
  relatedId,
  onDone,
}: {
  walletId: string;
  currency: string;
  relatedId?: string;
  onDone: (message: string) => void;
}) {
  const { user } = useSession();
  const [direction, setDirection] = useState('credit');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  // One key per (direction, amount, reason): a retry of an uncertain outcome reuses it.
  const idem = useIdempotencyKey(JSON.stringify([walletId, direction, amount.trim(), reason.trim()]));
  if (user?.role !== 'operator' && user?.role !== 'admin') return null;

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    const minor = parseMoney(amount, 2);
    if (isMoneyError(minor)) found.amount = minor.error;
    else if (minor <= 0n) found.amount = 'Enter an amount greater than zero';
    if (reason.trim().length < 5)
      found.reason = 'Give a reason of at least 5 characters (it goes into the audit log)';
    setErrors(found);
    setFailure(null);
    if (Object.keys(found).length || isMoneyError(minor)) return focusFirstError(form.current);
    setBusy(true);
    try {
      await api.post(
        `/v1/admin/wallets/${encodeURIComponent(walletId)}/adjustments`,
        { direction, amount: Number(minor), reason: reason.trim(), ...(relatedId ? { relatedId } : {}) },
        { idempotencyKey: idem.key },
      );
      idem.settle();
      setAmount('');
      setReason('');
      onDone(
        `${direction === 'credit' ? 'Refunded' : 'Corrected'} ${formatMoney(minor, currency)} (${direction === 'credit' ? 'credited to' : 'debited from'} the wallet).`,
      );
    } catch (e) {
      idem.settle(e);
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title="Manual refund or correction" testId="adjustment-form">
      <form ref={form} onSubmit={submit} noValidate class="stack">
        <SelectField
          label="Direction"
          name="direction"
          id={`adj-direction-${walletId}`}
          value={direction}
          onValue={setDirection}
          options={[
            { value: 'credit', label: 'Refund: credit the wallet' },
            { value: 'debit', label: 'Correction: debit the wallet' },
          ]}
        />
        <TextField
          label="Amount (₦)"
          name="amount"
          id={`adj-amount-${walletId}`}
          value={amount}
          onValue={setAmount}
          error={errors.amount}
          inputMode="decimal"
        />
        <TextField
          label="Why (for the audit log)"
          name="reason"
          id={`adj-reason-${walletId}`}
          value={reason}
          onValue={setReason}
          error={errors.reason}
        />
        {failure && <Alert testId="adjustment-error">{failure}</Alert>}
        <div>
          <Button type="submit" loading={busy} data-testid="adjustment-submit">
            Record adjustment
          </Button>
        </div>
      </form>
    </Card>
  );
}
