import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../components/AmountField';
import {
  BeneficiaryChips,
  SaveBeneficiaryOption,
  saveBeneficiary,
  useBeneficiaries,
} from '../components/Beneficiaries';
import { FailureAlert } from '../components/FailureAlert';
import { Icon } from '../components/icons';
import { PinStep, usePin } from '../components/PinPad';
import { defaultWallet, walletOptions } from '../components/WalletCard';
import {
  Button,
  Card,
  cx,
  DefinitionList,
  focusFirstError,
  Money,
  PageHeader,
  SelectField,
  Spinner,
  TextField,
} from '../components/ui';
import { ApiError, api, errorMessage } from '../lib/api';
import { isPinRefusal } from '../lib/pin';
import { useIdempotencyKey, useStepFocus, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import type { Beneficiary, Transfer } from '../lib/types';
import { useWallets } from '../lib/wallets';
import { formatMoney, toJsonAmount } from '../money';

type Mode = 'email' | 'phone';
interface Resolved {
  key: string;
  fullName: string;
  maskedEmail?: string;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?\d{10,14}$/;

function normalise(mode: Mode, value: string): string {
  return mode === 'email' ? value.trim().toLowerCase() : value.replace(/[\s-]/g, '');
}

/** A Nigerian local number in the international form the server stores (08031234567 -> +2348031234567). */
const international = (phone: string) => (/^0\d{10}$/.test(phone) ? `+234${phone.slice(1)}` : phone);

/** Whether a saved beneficiary is the recipient typed in. */
function isSaved(b: Beneficiary, mode: Mode, target: string): boolean {
  return mode === 'email' ? b.to?.email === target : b.to?.phone === international(target);
}

function recipientProblem(mode: Mode, value: string): string | undefined {
  if (value === '')
    return mode === 'email' ? "Enter the recipient's email" : "Enter the recipient's phone number";
  if (mode === 'email' && !EMAIL.test(value)) return 'Enter a valid email address';
  if (mode === 'phone' && !PHONE.test(value)) return 'Enter a phone number like 08031234567';
  return undefined;
}

export function SendPage() {
  useTitle('Send money');
  const { wallets, reload } = useWallets();
  const [walletId, setWalletId] = useState('');
  const wallet = defaultWallet(wallets, walletId);
  const currency = wallet?.currency ?? 'NGN';
  const [mode, setMode] = useState<Mode>('email');
  const [recipient, setRecipient] = useState('');
  const [resolved, setResolved] = useState<Resolved | null>(null);
  const [resolving, setResolving] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [narration, setNarration] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [review, setReview] = useState<{ amount: bigint; to: Record<string, string>; name: string } | null>(
    null,
  );
  // The refusal itself (not its message): a tier limit is shown with its own words.
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<Transfer | null>(null);
  const entry = usePin();
  const saved = useBeneficiaries('wallet');
  // The form names people by email or phone; one saved by wallet id (through the API) is not offered here.
  const savedPeople = (saved.data?.data ?? []).filter((b) => b.to?.email || b.to?.phone);
  const [saveIt, setSaveIt] = useState(false);
  const [savedNote, setSavedNote] = useState('');
  const form = useRef<HTMLFormElement>(null);
  const target = normalise(mode, recipient);
  const payload = review
    ? {
        fromWalletId: wallet?.id,
        to: review.to,
        amount: toJsonAmount(review.amount),
        narration: narration.trim() || undefined,
      }
    : null;
  const { key, settle } = useIdempotencyKey(JSON.stringify(payload));
  useStepFocus(done ? 'done' : review ? 'review' : 'form');

  const resolve = async (): Promise<Resolved | null> => {
    const lookupKey = `${mode}:${target}`;
    if (resolved?.key === lookupKey) return resolved;
    const problem = recipientProblem(mode, target);
    if (problem) {
      setErrors((e) => ({ ...e, recipient: problem }));
      return null;
    }
    setResolving(true);
    try {
      const r = await api.post<{ fullName: string; maskedEmail?: string }>(
        '/v1/recipients/resolve',
        mode === 'email' ? { email: target } : { phone: target },
      );
      const value = { key: lookupKey, ...r };
      setResolved(value);
      setErrors((e) => ({ ...e, recipient: '' }));
      return value;
    } catch (e) {
      setResolved(null);
      setErrors((prev) => ({
        ...prev,
        recipient:
          e instanceof ApiError && e.code === 'recipient_not_found'
            ? `No Vendra account uses this ${mode === 'email' ? 'email' : 'phone number'}. ${e.detail}`
            : errorMessage(e),
      }));
      return null;
    } finally {
      setResolving(false);
    }
  };

  // Look the recipient up shortly after they stop typing a valid address.
  useEffect(() => {
    if (recipientProblem(mode, target)) return;
    const t = setTimeout(() => void resolve(), 600);
    return () => clearTimeout(t);
  }, [mode, target]);

  if (!wallets) return <Spinner label="Loading your wallets" />;

  const submit = async (event: Event) => {
    event.preventDefault();
    setFailure(null);
    const next: Record<string, string> = {};
    const problem = recipientProblem(mode, target);
    if (problem) next.recipient = problem;
    const checked = checkAmount(amountText, currency, { available: wallet?.available });
    if (typeof checked === 'string') next.amount = checked;
    if (narration.length > 100) next.narration = 'Keep the note under 100 characters';
    setErrors(next);
    if (Object.keys(next).length || !wallet) return focusFirstError(form.current);
    const who = await resolve();
    if (!who) return focusFirstError(form.current);
    setReview({
      amount: checked as bigint,
      to: mode === 'email' ? { email: target } : { phone: target },
      name: who.fullName,
    });
  };

  const send = async () => {
    if (!payload || !review) return;
    setBusy(true);
    setFailure(null);
    try {
      const transfer = await api.post<Transfer>('/v1/transfers', payload, {
        idempotencyKey: key,
        pin: entry.pin,
      });
      settle();
      setDone(transfer);
      void reload();
      if (saveIt) {
        // After the transfer succeeded, and only then; the server resolves the name again.
        const to = review.to;
        setSavedNote(
          await saveBeneficiary(
            to.email ? { kind: 'wallet', email: to.email } : { kind: 'wallet', phone: to.phone ?? '' },
          ),
        );
        void saved.reload();
      }
    } catch (e) {
      settle(e);
      entry.refused(e);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const pick = (b: Beneficiary) => {
    const byEmail = Boolean(b.to?.email);
    setMode(byEmail ? 'email' : 'phone');
    setRecipient((byEmail ? b.to?.email : b.to?.phone) ?? '');
    setResolved(null);
    setErrors({});
  };

  const reset = () => {
    setSaveIt(false);
    setSavedNote('');
    setDone(null);
    setReview(null);
    entry.setPin('');
    setRecipient('');
    setResolved(null);
    setAmountText('');
    setNarration('');
  };

  if (done) {
    const held = done.status === 'pending_review';
    return (
      <div class="page narrow">
        <PageHeader title={held ? 'Transfer under review' : 'Money sent'} />
        <Card testId="transfer-done">
          <div class={held ? 'hero' : 'hero hero-success'} role="status">
            <Icon name={held ? 'clock' : 'check'} size={32} />
            <div>
              <h2>
                <Money amount={done.amount} currency={done.currency} />{' '}
                {held ? `to ${done.recipient.name} is being checked` : `sent to ${done.recipient.name}`}
              </h2>
              <p class="muted">
                {held
                  ? 'For your security we are checking this transfer. The money is set aside in your wallet and reaches them once it is approved; if it is not, it comes back to you.'
                  : "It's in their wallet now."}
              </p>
              {savedNote && (
                <p class="muted small" data-testid="beneficiary-saved">
                  {savedNote}
                </p>
              )}
            </div>
          </div>
          <div class="row">
            <Button onClick={reset}>Send more</Button>
            <Link href="/" class="btn btn-ghost btn-md">
              Home
            </Link>
          </div>
        </Card>
      </div>
    );
  }

  if (review && wallet) {
    const items: [string, ComponentChildren][] = [
      ['To', <strong data-testid="review-recipient">{review.name}</strong>],
      [mode === 'email' ? 'Email' : 'Phone', resolved?.maskedEmail ?? target],
      ['Amount', <Money amount={review.amount} currency={currency} />],
      ['Fee', formatMoney(0, currency)],
      ['From', `${wallet.currency} wallet`],
    ];
    if (narration.trim()) items.push(['Note', narration.trim()]);
    return (
      <div class="page narrow">
        <PageHeader title="Send money" subtitle="Check the details before you send." />
        <Card title="Confirm transfer" testId="transfer-review">
          <DefinitionList items={items} />
          <SaveBeneficiaryOption
            checked={saveIt}
            onValue={setSaveIt}
            hidden={savedPeople.some((b) => isSaved(b, mode, target))}
          />
          <PinStep value={entry.pin} onValue={entry.setPin} failure={failure} disabled={busy} />
          {failure !== null && !isPinRefusal(failure) && <FailureAlert error={failure} currency={currency} />}
          <div class="row row-end">
            <Button variant="ghost" onClick={() => setReview(null)} disabled={busy}>
              Back
            </Button>
            <Button
              size="lg"
              onClick={send}
              loading={busy}
              disabled={!entry.complete}
              data-testid="transfer-send"
            >
              Send {formatMoney(review.amount, currency)}
            </Button>
          </div>
        </Card>
      </div>
    );
  }

  return (
    <div class="page narrow">
      <PageHeader title="Send money" subtitle="Free and instant to anyone with a Vendra account." />
      <Card>
        <form ref={form} class="form" onSubmit={submit} noValidate data-testid="send-form">
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
          <BeneficiaryChips items={savedPeople} onPick={pick} onChanged={() => void saved.reload()} />
          <fieldset class="fieldset">
            <legend class="field-label">Send to</legend>
            <div class="segmented">
              {(['email', 'phone'] as const).map((m) => (
                <label key={m} class={cx('segment', mode === m && 'selected')} data-testid={`send-by-${m}`}>
                  <input
                    type="radio"
                    name="recipientType"
                    value={m}
                    class="sr-only"
                    checked={mode === m}
                    onChange={() => {
                      setMode(m);
                      setRecipient('');
                      setResolved(null);
                      setErrors({});
                    }}
                  />
                  {m === 'email' ? 'Email' : 'Phone number'}
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            label={mode === 'email' ? "Recipient's email" : "Recipient's phone number"}
            name="recipient"
            id="recipient"
            type={mode === 'email' ? 'email' : 'tel'}
            inputMode={mode === 'email' ? 'email' : 'tel'}
            autoComplete="off"
            value={recipient}
            onValue={(v) => setRecipient(v)}
            error={errors.recipient || undefined}
          />
          <div aria-live="polite" class="resolved">
            {resolving && <span class="muted small">Looking up…</span>}
            {!resolving && resolved && resolved.key === `${mode}:${target}` && (
              <span class="resolved-name" data-testid="recipient-name">
                <Icon name="check" size={16} /> {resolved.fullName}
                {resolved.maskedEmail ? <span class="muted"> · {resolved.maskedEmail}</span> : null}
              </span>
            )}
          </div>
          <AmountField
            value={amountText}
            onValue={setAmountText}
            currency={currency}
            error={errors.amount}
            hint={wallet ? `Available: ${formatMoney(wallet.available, wallet.currency)}` : undefined}
          />
          <TextField
            label="Note"
            name="narration"
            id="narration"
            value={narration}
            onValue={setNarration}
            required={false}
            maxLength={100}
            error={errors.narration}
          />
          <Button type="submit" size="lg" block loading={resolving} data-testid="send-continue">
            Continue
          </Button>
        </form>
      </Card>
    </div>
  );
}
