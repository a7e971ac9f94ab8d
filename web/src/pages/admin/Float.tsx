import { useRef, useState } from 'preact/hooks';
import { checkAmount, AmountField } from '../../components/AmountField';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage, newIdempotencyKey } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import type { ProviderFloat } from '../../lib/types';

/** Record money sent from our bank to the provider: one key per form, so a double submit books it once. */
function TopupForm({ provider, onDone }: { provider: string; onDone: (message: string) => void }) {
  const [amount, setAmount] = useState('');
  const [reference, setReference] = useState('');
  const [errors, setErrors] = useState<{ amount?: string; reference?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const key = useRef(newIdempotencyKey());
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const minor = checkAmount(amount, 'NGN');
    const next: typeof errors = {};
    if (typeof minor === 'string') next.amount = minor;
    if (!/^[\x21-\x7e]{1,100}$/.test(reference.trim()))
      next.reference = "Enter the bank transfer's reference";
    setErrors(next);
    if (Object.keys(next).length || typeof minor === 'string') return focusFirstError(form.current);
    setBusy(true);
    setFailure(null);
    try {
      await api.post(
        `/v1/admin/providers/${provider}/float-topups`,
        { amount: Number(minor), bankReference: reference.trim() },
        { idempotencyKey: key.current },
      );
      key.current = newIdempotencyKey();
      setAmount('');
      setReference('');
      onDone(`Top-up recorded for ${provider}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid={`topup-form-${provider}`}>
      <AmountField
        value={amount}
        onValue={setAmount}
        currency="NGN"
        error={errors.amount}
        name={`topup-amount-${provider}`}
        label="Top-up amount"
      />
      <TextField
        label="Bank reference"
        name="bankReference"
        id={`topup-reference-${provider}`}
        value={reference}
        onValue={setReference}
        error={errors.reference}
        hint="The same reference again records nothing new"
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" loading={busy} data-testid={`topup-submit-${provider}`}>
          Record top-up
        </Button>
      </div>
    </form>
  );
}

/** Thresholds: low-float warning and tolerated drift (naira in the form, kobo on the wire). */
function ThresholdForm({ float, onDone }: { float: ProviderFloat; onDone: (message: string) => void }) {
  const toNaira = (minor: number) => (minor / 100).toFixed(2);
  const [low, setLow] = useState(toNaira(float.lowFloatThreshold ?? 0));
  const [drift, setDrift] = useState(toNaira(float.driftThreshold ?? 0));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    const lowMinor = low.trim() === '' || Number(low) === 0 ? 0n : checkAmount(low, 'NGN');
    const driftMinor = drift.trim() === '' || Number(drift) === 0 ? 0n : checkAmount(drift, 'NGN');
    if (typeof lowMinor === 'string' || typeof driftMinor === 'string') {
      setFailure(typeof lowMinor === 'string' ? lowMinor : (driftMinor as string));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.put(`/v1/admin/providers/${float.provider}/float-settings`, {
        lowFloatThreshold: Number(lowMinor),
        driftThreshold: Number(driftMinor),
      });
      onDone(`Thresholds saved for ${float.provider}.`);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="form" onSubmit={submit} noValidate>
      <AmountField
        value={low}
        onValue={setLow}
        currency="NGN"
        name={`low-${float.provider}`}
        label="Warn below"
      />
      <AmountField
        value={drift}
        onValue={setDrift}
        currency="NGN"
        name={`drift-${float.provider}`}
        label="Drift tolerated"
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button type="submit" variant="secondary" loading={busy}>
          Save thresholds
        </Button>
      </div>
    </form>
  );
}

function ProviderCard({ float, onChange }: { float: ProviderFloat; onChange: (message: string) => void }) {
  const [checking, setChecking] = useState(false);
  const last = float.lastCheck;
  const check = async () => {
    setChecking(true);
    try {
      await api.post(`/v1/admin/providers/${float.provider}/float-check`, {});
      onChange(`Balance read from ${float.provider}.`);
    } catch (e) {
      onChange(errorMessage(e));
    } finally {
      setChecking(false);
    }
  };
  return (
    <Card
      title={float.provider}
      testId={`float-${float.provider}`}
      actions={
        <Button size="sm" variant="secondary" loading={checking} onClick={check}>
          Check balance now
        </Button>
      }
    >
      {float.alerts?.map((a) => (
        <Alert key={a.kind}>
          {a.kind === 'low_float' ? 'Low float' : 'Balance drift'}: {a.message} (since{' '}
          {formatDateTime(a.openedAt)})
        </Alert>
      ))}
      <DefinitionList
        items={[
          [
            'Ours (ledger)',
            <Money key="o" amount={float.ours ?? 0} currency="NGN" testId={`float-ours-${float.provider}`} />,
          ],
          ['Held for vends in flight', <Money key="h" amount={float.heldForVends ?? 0} currency="NGN" />],
          [
            'Theirs (provider)',
            last?.theirs === null || last?.theirs === undefined ? (
              <span class="muted">{last?.error ?? 'not read yet'}</span>
            ) : (
              <Money amount={last.theirs} currency="NGN" />
            ),
          ],
          [
            'Drift',
            last?.drift === null || last?.drift === undefined ? (
              '—'
            ) : (
              <span data-testid={`float-drift-${float.provider}`}>
                <Money amount={last.drift} currency="NGN" />
                {last.drift !== 0 && <StatusBadge status="failed" label="drift" />}
              </span>
            ),
          ],
          ['Last check', last ? formatDateTime(last.at) : '—'],
          ['Warn below', <Money key="l" amount={float.lowFloatThreshold ?? 0} currency="NGN" />],
          ['Drift tolerated', <Money key="d" amount={float.driftThreshold ?? 0} currency="NGN" />],
        ]}
      />
      <div class="row row-between">
        <TopupForm provider={float.provider ?? ''} onDone={onChange} />
        <ThresholdForm float={float} onDone={onChange} />
      </div>
      {float.topups?.length ? (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Recorded</th>
                <th scope="col">Amount</th>
                <th scope="col">Bank reference</th>
              </tr>
            </thead>
            <tbody>
              {float.topups.map((t) => (
                <tr key={t.id}>
                  <td>{formatDateTime(t.createdAt)}</td>
                  <td>
                    <Money amount={t.amount ?? 0} currency="NGN" />
                  </td>
                  <td class="mono">{t.bankReference}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </Card>
  );
}

/** Provider float: our ledger against the provider's own balance, drift, low-float threshold, top-ups. */
export function FloatPage() {
  useTitle('Provider float · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: ProviderFloat[] }>('/v1/admin/providers/float', { signal }),
    [],
  );
  const [message, setMessage] = useState<string | null>(null);
  const changed = (m: string) => {
    setMessage(m);
    reload();
  };
  return (
    <div class="page wide">
      <PageHeader
        title="Provider float"
        subtitle="What we hold with each bill provider: our ledger against the provider's balance (read every minute), the drift between them, and top-ups from our bank."
      />
      <div aria-live="polite">{message && <Alert kind="success">{message}</Alert>}</div>
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={6} />
      ) : (
        data?.data.map((f) => <ProviderCard key={f.provider} float={f} onChange={changed} />)
      )}
    </div>
  );
}
