import { useEffect, useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../components/AmountField';
import {
  BeneficiaryChips,
  SaveBeneficiaryOption,
  saveBeneficiary,
  useBeneficiaries,
} from '../components/Beneficiaries';
import { FailureAlert } from '../components/FailureAlert';
import { PinStep, usePin } from '../components/PinPad';
import { Icon } from '../components/icons';
import { defaultWallet, walletOptions } from '../components/WalletCard';
import {
  Button,
  Card,
  DefinitionList,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Spinner,
  StatusBadge,
  TextField,
} from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useAsync, useIdempotencyKey, useInterval, useStepFocus, useTitle } from '../lib/hooks';
import { isPinRefusal } from '../lib/pin';
import { Link } from '../lib/router';
import type { Bank, Beneficiary, Withdrawal, WithdrawalQuote } from '../lib/types';
import { useLiveEvent, useWallets } from '../lib/wallets';
import { currencyExponent, formatMoney, toJsonAmount, toMajorString } from '../money';

const FINAL = ['succeeded', 'completed', 'failed', 'reversed'];

function WithdrawalStatus({
  initial,
  bank,
  accountName,
  savedNote,
}: {
  initial: Withdrawal;
  bank: string;
  accountName: string;
  savedNote: string;
}) {
  const [w, setW] = useState(initial);
  const { reload } = useWallets();
  const final = FINAL.includes(w.status);
  const refresh = async () => {
    try {
      setW(await api.get<Withdrawal>(`/v1/withdrawals/${initial.id}`));
    } catch {
      // keep the last known state; the next poll tries again
    }
  };
  useLiveEvent((name, data) => {
    if (name === 'withdrawal.updated' && (data.id ?? data.withdrawalId) === initial.id) {
      void refresh();
      void reload();
    }
  });
  useInterval(() => void refresh(), 3000, !final);
  const ok = w.status === 'succeeded';
  const bad = w.status === 'failed';
  // Paid, then sent back by the bank: refunded in full (fee included) by a new transaction.
  const returned = w.status === 'reversed';
  return (
    <Card testId="withdrawal-status">
      <div
        class={`hero ${ok ? 'hero-success' : bad || returned ? 'hero-failed' : 'hero-pending'}`}
        aria-live="polite"
      >
        {ok ? (
          <Icon name="check" size={32} />
        ) : bad || returned ? (
          <Icon name="x" size={32} />
        ) : (
          <span class="spinner" />
        )}
        <div>
          <h2>
            {ok
              ? 'Withdrawal sent'
              : bad
                ? 'Withdrawal failed'
                : returned
                  ? 'Withdrawal returned'
                  : 'Withdrawal on its way'}
          </h2>
          <p>
            {returned
              ? `The bank sent the payment back. ${formatMoney(w.total, w.currency)}, the fee included, is back in your wallet.`
              : ok
                ? `${formatMoney(w.amount, w.currency)} has been paid to ${accountName} at ${bank}.`
                : bad
                  ? `The bank did not accept the payment. ${formatMoney(w.total, w.currency)} is back in your wallet.${w.failureReason ? ` Reason: ${w.failureReason}.` : ''}`
                  : `We're sending ${formatMoney(w.amount, w.currency)} to ${accountName} at ${bank}. Most withdrawals arrive within minutes.`}
          </p>
          {savedNote && (
            <p class="muted small" data-testid="beneficiary-saved">
              {savedNote}
            </p>
          )}
        </div>
      </div>
      <DefinitionList
        items={[
          ['Status', <StatusBadge status={w.status} />],
          ['Amount', <Money amount={w.amount} currency={w.currency} />],
          ['Fee', <Money amount={w.fee} currency={w.currency} />],
          [
            'Total debited',
            <strong>
              <Money amount={w.total} currency={w.currency} />
            </strong>,
          ],
          ['Reference', <span class="mono">{w.id}</span>],
        ]}
      />
      <Link href="/" class="btn btn-ghost btn-md">
        Home
      </Link>
    </Card>
  );
}

/** Why the amount cannot go: with its fee it passes the balance or today's limit. */
function overBudget(q: WithdrawalQuote): string {
  const fee = formatMoney(q.fee, q.currency);
  if (q.maxAmount === 0) return `With the ${fee} fee this is more than you can withdraw now`;
  const most = formatMoney(q.maxAmount, q.currency);
  const why = q.cappedBy === 'available_balance' ? 'your balance' : "today's limit";
  return `With the ${fee} fee that comes to ${formatMoney(q.total, q.currency)}, more than ${why} allows. You can withdraw up to ${most}.`;
}

export function WithdrawPage() {
  useTitle('Withdraw');
  const { wallets, reload } = useWallets();
  const [walletId, setWalletId] = useState('');
  const wallet = defaultWallet(wallets, walletId);
  const currency = wallet?.currency ?? 'NGN';
  const banks = useAsync((signal) => api.get<{ data: Bank[] }>('/v1/banks', { signal }), []);
  const [bankCode, setBankCode] = useState('');
  const [accountNumber, setAccountNumber] = useState('');
  const [accountName, setAccountName] = useState<{ key: string; name: string } | null>(null);
  const [resolving, setResolving] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [narration, setNarration] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [review, setReview] = useState<bigint | null>(null);
  // The server's quote of the amount under review: the fee and the total debited, before confirming.
  const [quote, setQuote] = useState<WithdrawalQuote | null>(null);
  const [quoting, setQuoting] = useState(false);
  // The refusal itself (not its message): a tier limit is shown with its own words.
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Withdrawal | null>(null);
  const entry = usePin();
  const saved = useBeneficiaries('bank');
  const savedAccounts = saved.data?.data ?? [];
  const [saveIt, setSaveIt] = useState(false);
  const [savedNote, setSavedNote] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const lookup = `${bankCode}:${accountNumber}`;
  const payload =
    review !== null
      ? { amount: toJsonAmount(review), bankCode, accountNumber, narration: narration.trim() || undefined }
      : null;
  const { key, settle } = useIdempotencyKey(JSON.stringify([wallet?.id, payload]));
  useStepFocus(done ? 'done' : review !== null ? 'review' : 'form');

  // Resolve the account name as soon as a bank and a 10-digit account number are in.
  useEffect(() => {
    if (!bankCode || !/^\d{10}$/.test(accountNumber)) return;
    if (accountName?.key === lookup) return;
    let cancelled = false;
    setResolving(true);
    setErrors((e) => ({ ...e, accountNumber: '' }));
    api
      .post<{ accountName: string }>('/v1/payout-accounts/resolve', { bankCode, accountNumber })
      .then((r) => !cancelled && setAccountName({ key: lookup, name: r.accountName }))
      .catch((e) => {
        if (cancelled) return;
        setAccountName(null);
        setErrors((prev) => ({ ...prev, accountNumber: errorMessage(e) }));
      })
      .finally(() => !cancelled && setResolving(false));
    return () => {
      cancelled = true;
    };
  }, [bankCode, accountNumber, lookup, accountName?.key]);

  if (!wallets) return <Spinner label="Loading your wallets" />;
  const bankName = banks.data?.data.find((b) => b.code === bankCode)?.name ?? bankCode;

  if (done) {
    return (
      <div class="page narrow">
        <PageHeader title="Withdraw" />
        <WithdrawalStatus
          initial={done}
          bank={bankName}
          accountName={accountName?.name ?? accountNumber}
          savedNote={savedNote}
        />
      </div>
    );
  }

  const submit = (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const next: Record<string, string> = {};
    if (!bankCode) next.bank = 'Choose your bank';
    if (!/^\d{10}$/.test(accountNumber)) next.accountNumber = 'An account number is 10 digits';
    else if (accountName?.key !== lookup && !resolving)
      next.accountNumber = errors.accountNumber || 'We could not confirm this account';
    const checked = checkAmount(amountText, currency, { available: wallet?.available });
    if (typeof checked === 'string') next.amount = checked;
    setErrors(next);
    if (Object.keys(next).length || resolving) return focusFirstError(form.current);
    void quoteFor(checked as bigint);
  };

  /** Asks the server for the fee and total; goes to review only when amount + fee fits. */
  const quoteFor = async (amount: bigint) => {
    if (!wallet) return;
    setQuoting(true);
    try {
      const q = await api.post<WithdrawalQuote>('/v1/withdrawals/quote', {
        walletId: wallet.id,
        amount: toJsonAmount(amount),
        bankCode,
        accountNumber,
      });
      if (!q.fits) {
        setErrors({ amount: overBudget(q) });
        return focusFirstError(form.current);
      }
      setQuote(q);
      setReview(amount);
    } catch (e) {
      setFailure(e);
    } finally {
      setQuoting(false);
    }
  };

  /** "Withdraw everything": the available balance minus the fee it carries (capped by today's limit). */
  const everything = async () => {
    if (!wallet) return;
    setQuoting(true);
    setErrors((e) => ({ ...e, amount: '' }));
    try {
      const q = await api.post<WithdrawalQuote>('/v1/withdrawals/quote', {
        walletId: wallet.id,
        everything: true,
      });
      setAmountText(toMajorString(q.amount, currencyExponent(q.currency)));
    } catch (e) {
      setErrors((prev) => ({ ...prev, amount: errorMessage(e) }));
    } finally {
      setQuoting(false);
    }
  };

  const confirm = async () => {
    if (!wallet || !payload) return;
    setBusy(true);
    setFailure(null);
    try {
      const w = await api.post<Withdrawal>(`/v1/wallets/${wallet.id}/withdrawals`, payload, {
        idempotencyKey: key,
        pin: entry.pin,
      });
      settle();
      if (saveIt) {
        // Once the withdrawal is accepted; the server asks the bank for the name again.
        setSavedNote(await saveBeneficiary({ kind: 'bank', bankCode, accountNumber }));
        void saved.reload();
      }
      setDone(w);
      void reload();
    } catch (e) {
      settle(e);
      entry.refused(e);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  /** A saved account fills bank and number; its name is resolved again, as for one typed in. */
  const pick = (b: Beneficiary) => {
    setBankCode(b.bankCode ?? '');
    setAccountNumber(b.accountNumber ?? '');
    setErrors({});
  };

  if (review !== null && wallet) {
    return (
      <div class="page narrow">
        <PageHeader title="Withdraw" subtitle="Check the details before you confirm." />
        <Card title="Confirm withdrawal" testId="withdraw-review">
          <DefinitionList
            items={[
              ['To', <strong>{accountName?.name}</strong>],
              ['Bank', bankName],
              ['Account number', <span class="mono">{accountNumber}</span>],
              ['Amount', <Money amount={review} currency={currency} />],
              [
                'Fee',
                <span data-testid="withdraw-fee">
                  <Money amount={quote?.fee ?? 0} currency={currency} />
                </span>,
              ],
              [
                'Total debited',
                <strong data-testid="withdraw-total">
                  <Money amount={quote?.total ?? review} currency={currency} />
                </strong>,
              ],
              ['From', `${wallet.currency} wallet`],
            ]}
          />
          <SaveBeneficiaryOption
            checked={saveIt}
            onValue={setSaveIt}
            hidden={savedAccounts.some((b) => b.bankCode === bankCode && b.accountNumber === accountNumber)}
          />
          <PinStep value={entry.pin} onValue={entry.setPin} failure={failure} disabled={busy} />
          {failure !== null && !isPinRefusal(failure) && <FailureAlert error={failure} currency={currency} />}
          <div class="row row-end">
            <Button
              variant="ghost"
              onClick={() => {
                setReview(null);
                setQuote(null);
              }}
              disabled={busy}
            >
              Back
            </Button>
            <Button
              size="lg"
              onClick={confirm}
              loading={busy}
              disabled={!entry.complete}
              data-testid="withdraw-confirm"
            >
              Withdraw {formatMoney(review, currency)}
            </Button>
          </div>
        </Card>
      </div>
    );
  }

  return (
    <div class="page narrow">
      <PageHeader title="Withdraw" subtitle="Send money from your wallet to your bank account." />
      <Card>
        <form ref={form} class="form" onSubmit={submit} noValidate data-testid="withdraw-form">
          {failure !== null && <FailureAlert error={failure} currency={currency} />}
          {wallets.length > 1 && wallet && (
            <SelectField
              label="From"
              name="wallet"
              value={wallet.id}
              onValue={setWalletId}
              options={walletOptions(wallets)}
            />
          )}
          <BeneficiaryChips items={savedAccounts} onPick={pick} onChanged={() => void saved.reload()} />
          {banks.error ? (
            <LoadError error={banks.error} onRetry={banks.reload} />
          ) : (
            <SelectField
              label="Bank"
              name="bank"
              id="bank"
              value={bankCode}
              onValue={(v) => {
                setBankCode(v);
                setAccountName(null);
              }}
              placeholder={banks.loading ? 'Loading banks…' : 'Choose your bank'}
              required
              options={(banks.data?.data ?? []).map((b) => ({ value: b.code, label: b.name }))}
              error={errors.bank}
            />
          )}
          <TextField
            label="Account number"
            name="accountNumber"
            id="accountNumber"
            value={accountNumber}
            onValue={(v) => setAccountNumber(v.replace(/\D/g, '').slice(0, 10))}
            inputMode="numeric"
            autoComplete="off"
            maxLength={10}
            error={errors.accountNumber || undefined}
          />
          <div aria-live="polite" class="resolved">
            {resolving && <span class="muted small">Checking account…</span>}
            {!resolving && accountName?.key === lookup && (
              <span class="resolved-name" data-testid="account-name">
                <Icon name="check" size={16} /> {accountName.name}
              </span>
            )}
          </div>
          <AmountField
            value={amountText}
            onValue={setAmountText}
            currency={currency}
            error={errors.amount}
            hint={
              wallet ? (
                <span class="row row-between">
                  <span>Available: {formatMoney(wallet.available, wallet.currency)}</span>
                  <button
                    type="button"
                    class="link-button"
                    onClick={everything}
                    disabled={quoting}
                    data-testid="withdraw-everything"
                  >
                    Withdraw everything
                  </button>
                </span>
              ) : undefined
            }
          />
          <TextField
            label="Note"
            name="narration"
            id="narration"
            value={narration}
            onValue={setNarration}
            required={false}
            maxLength={100}
          />
          <Button type="submit" size="lg" block loading={quoting} data-testid="withdraw-continue">
            Continue
          </Button>
        </form>
      </Card>
    </div>
  );
}
