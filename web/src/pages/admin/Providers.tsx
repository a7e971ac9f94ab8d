import { useRef, useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  EmptyState,
  focusFirstError,
  LoadError,
  PageHeader,
  Skeleton,
  StatusBadge,
  TextField,
} from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import { formatMs, formatPercent } from '../../lib/format';
import { useAsync, useInterval, useTitle } from '../../lib/hooks';
import type { ProviderKnobs, ProvidersResponse } from '../../lib/types';

/** The knobs this form edits (the simulator has more, set from its environment). */
type EditableKnobs = Pick<ProviderKnobs, 'latencyMs' | 'failureRate' | 'pendingRate' | 'lostResponseRate'>;

const DEFAULT_KNOBS: EditableKnobs = { latencyMs: 0, failureRate: 0, pendingRate: 0, lostResponseRate: 0 };

const STATE_LABELS: Record<string, string> = {
  closed: 'Closed (healthy)',
  open: 'Open (failing fast)',
  half_open: 'Half-open (probing)',
};

const RATE_FIELDS: { key: Exclude<keyof EditableKnobs, 'latencyMs'>; label: string; hint: string }[] = [
  { key: 'failureRate', label: 'Failure rate (%)', hint: 'Vends the provider refuses outright.' },
  { key: 'pendingRate', label: 'Pending rate (%)', hint: 'Vends that stay pending and must be re-queried.' },
  { key: 'lostResponseRate', label: 'Lost response rate (%)', hint: 'Vends whose answer never arrives.' },
];

/** Rates travel as fractions 0..1; people edit percentages. */
function toPercentText(rate: number | undefined): string {
  if (rate === undefined || rate === null) return '0';
  return String(Math.round(rate * 10000) / 100);
}

function KnobsForm({ knobs, onSaved }: { knobs: EditableKnobs; onSaved: () => void }) {
  const [latency, setLatency] = useState(String(knobs.latencyMs ?? 0));
  const [rates, setRates] = useState<Record<string, string>>(() =>
    Object.fromEntries(RATE_FIELDS.map((f) => [f.key, toPercentText(knobs[f.key])])),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ ok: boolean; text: string } | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const body: Partial<EditableKnobs> = {};
    if (!/^\d{1,6}$/.test(latency.trim()) || Number(latency) > 120000)
      next.latencyMs = 'A whole number of milliseconds, 0 to 120000';
    else body.latencyMs = Number(latency);
    for (const f of RATE_FIELDS) {
      const raw = (rates[f.key] ?? '').trim();
      const value = Number(raw);
      if (raw === '' || !/^\d{1,3}(\.\d{1,2})?$/.test(raw) || value > 100)
        next[f.key] = 'A percentage from 0 to 100';
      else body[f.key] = Math.round(value * 100) / 10000;
    }
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    setResult(null);
    try {
      await api.post('/v1/admin/providers/knobs', body);
      setResult({ ok: true, text: 'Simulator settings saved.' });
      onSaved();
    } catch (e) {
      setResult({ ok: false, text: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid="knobs-form">
      <div class="filter-grid knob-grid">
        <TextField
          label="Latency (ms)"
          name="latencyMs"
          id="knob-latencyMs"
          value={latency}
          onValue={setLatency}
          inputMode="numeric"
          error={errors.latencyMs}
          hint="Added to every provider call."
        />
        {RATE_FIELDS.map((f) => (
          <TextField
            key={f.key}
            label={f.label}
            name={f.key}
            id={`knob-${f.key}`}
            value={rates[f.key] ?? ''}
            onValue={(v) => setRates((r) => ({ ...r, [f.key]: v }))}
            inputMode="decimal"
            error={errors[f.key]}
            hint={f.hint}
          />
        ))}
      </div>
      <div aria-live="polite">
        {result && <Alert kind={result.ok ? 'success' : 'error'}>{result.text}</Alert>}
      </div>
      <Button type="submit" loading={busy} data-testid="knobs-save">
        Save simulator settings
      </Button>
    </form>
  );
}

export function ProvidersPage() {
  useTitle('Providers · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<ProvidersResponse>('/v1/admin/providers', { signal }),
    [],
  );
  useInterval(() => void reload(), 5000);
  return (
    <div class="page wide">
      <PageHeader
        title="Providers"
        subtitle="Circuit breaker state, success rate and latency per bill provider, from the calls recorded over the last 24 hours and the last 15 minutes. Refreshes every 5 seconds."
      />
      <Card>
        {error && !data ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={4} />
        ) : !data?.data.length ? (
          <EmptyState title="No provider calls yet" />
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="providers-table">
              <thead>
                <tr>
                  <th scope="col">Provider</th>
                  <th scope="col">Breaker</th>
                  <th scope="col" class="num">
                    Success rate
                  </th>
                  <th scope="col" class="num">
                    p50
                  </th>
                  <th scope="col" class="num">
                    p95
                  </th>
                  <th scope="col" class="num">
                    Calls (24 h)
                  </th>
                  <th scope="col" class="num">
                    Last 15 min
                  </th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((p) => (
                  <tr key={p.name} data-testid={`provider-${p.name}`}>
                    <th scope="row">{p.name}</th>
                    <td>
                      <StatusBadge
                        status={p.state === 'closed' ? 'active' : p.state}
                        label={STATE_LABELS[p.state] ?? p.state}
                      />
                    </td>
                    <td class="num" data-label="Success rate" data-testid="provider-success-rate">
                      {formatPercent(p.successRate)}
                    </td>
                    <td class="num" data-label="p50" data-testid="provider-p50">
                      {formatMs(p.p50Ms)}
                    </td>
                    <td class="num" data-label="p95">
                      {formatMs(p.p95Ms)}
                    </td>
                    <td class="num" data-label="Calls (24 h)">
                      {p.recordedCalls}
                    </td>
                    <td class="num" data-label="Last 15 min" data-testid="provider-recent">
                      {p.recentCalls
                        ? `${formatPercent(p.recentSuccessRate)} of ${p.recentCalls}, p50 ${formatMs(p.recentP50Ms)}`
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      {data?.sandbox && (
        <Card title="Sandbox simulator" testId="sandbox-knobs">
          <p class="muted">
            These settings change how the simulated provider behaves. They exist only in sandbox mode.
          </p>
          {/* Initialised once from the server: the 5-second refresh does not overwrite what is being typed. */}
          <KnobsForm knobs={data.knobs ?? DEFAULT_KNOBS} onSaved={() => void reload()} />
        </Card>
      )}
    </div>
  );
}
