import { useState } from 'preact/hooks';
import { Alert, Button, Card, LoadError, Money, Skeleton, TextField } from '../../components/ui';
import { api, errorMessage, qs } from '../../lib/api';
import { endOfDayIso, formatMs, formatPercent, startOfDayIso } from '../../lib/format';
import { useAsync } from '../../lib/hooks';
import type { MoneyDashboard, MoneyRail } from '../../lib/types';

const CATEGORY_LABELS: Record<string, string> = {
  electricity: 'Electricity',
  airtime: 'Airtime',
  data: 'Data',
  cable: 'Cable TV',
};

/** A rail's name for people: "Deposits · card", "Bills · electricity", ... */
export function railLabel(rail: string): string {
  if (rail === 'deposit_card') return 'Deposits · card';
  if (rail === 'deposit_bank_transfer') return 'Deposits · bank transfer';
  if (rail === 'transfer') return 'Transfers between wallets';
  if (rail === 'withdrawal') return 'Withdrawals to banks';
  if (rail.startsWith('bill_')) {
    const c = rail.slice(5);
    return `Bills · ${CATEGORY_LABELS[c] ?? c}`;
  }
  return rail;
}

/** A period chosen from two calendar dates: checked before anything is sent. */
export function rangeOf(from: string, to: string): { from: string; to: string } | string {
  const f = startOfDayIso(from);
  const t = endOfDayIso(to);
  if (!f || !t) return 'Choose both dates';
  if (Date.parse(f) >= Date.parse(t)) return 'The start date must be on or before the end date';
  if (Date.parse(t) - Date.parse(f) > 92 * 86_400_000) return 'A range covers at most 92 days';
  return { from: f, to: t };
}

function Totals({ data }: { data: MoneyDashboard }) {
  const ngn = data.totals.find((t) => t.currency === 'NGN') ?? data.totals[0];
  const currency = ngn?.currency ?? 'NGN';
  return (
    <div class="stats">
      <div class="stat">
        <span class="stat-label">Volume</span>
        <span class="stat-value" data-testid="money-volume">
          <Money amount={ngn?.volume ?? 0} currency={currency} />
        </span>
      </div>
      <div class="stat">
        <span class="stat-label">Movements</span>
        <span class="stat-value">{ngn?.count ?? 0}</span>
      </div>
      <div class="stat">
        <span class="stat-label">Fee revenue</span>
        <span class="stat-value" data-testid="money-fees">
          <Money amount={ngn?.feeRevenue ?? 0} currency={currency} />
        </span>
      </div>
      <div class="stat">
        <span class="stat-label">Commission revenue</span>
        <span class="stat-value" data-testid="money-commission">
          <Money amount={ngn?.commissionRevenue ?? 0} currency={currency} />
        </span>
      </div>
    </div>
  );
}

function RailsTable({ rails }: { rails: MoneyRail[] }) {
  if (!rails.length) return <p class="muted">No money moved in this period.</p>;
  return (
    <div class="table-wrap">
      <table class="table cards-on-phone" data-testid="money-rails">
        <thead>
          <tr>
            <th scope="col">Rail</th>
            <th scope="col" class="num">
              Count
            </th>
            <th scope="col" class="num">
              Volume
            </th>
            <th scope="col" class="num">
              Fees
            </th>
            <th scope="col" class="num">
              Commission
            </th>
            <th scope="col" class="num">
              Success rate
            </th>
            <th scope="col" class="num">
              Time to final (p50 / p95)
            </th>
          </tr>
        </thead>
        <tbody>
          {rails.map((r) => (
            <tr key={`${r.rail}-${r.currency}`} data-testid={`rail-${r.rail}`}>
              <th scope="row">
                {railLabel(r.rail)}
                {r.currency !== 'NGN' ? ` (${r.currency})` : ''}
              </th>
              <td class="num" data-label="Count">
                {r.count}
              </td>
              <td class="num" data-label="Volume">
                <Money amount={r.volume} currency={r.currency} />
              </td>
              <td class="num" data-label="Fees">
                <Money amount={r.feeRevenue} currency={r.currency} />
              </td>
              <td class="num" data-label="Commission">
                <Money amount={r.commissionRevenue ?? 0} currency={r.currency} />
              </td>
              <td class="num" data-label="Success rate">
                {formatPercent(r.successRate)}
              </td>
              <td class="num" data-label="Time to final">
                {r.timeToFinalP50Ms === null && r.timeToFinalP95Ms === null
                  ? r.rail === 'transfer'
                    ? 'Instant'
                    : '—'
                  : `${formatMs(r.timeToFinalP50Ms)} / ${formatMs(r.timeToFinalP95Ms)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Money per rail for today (Lagos) or a chosen range of days. */
export function MoneyFigures() {
  const [range, setRange] = useState<{ from: string; to: string } | null>(null);
  const [fromDraft, setFromDraft] = useState('');
  const [toDraft, setToDraft] = useState('');
  const [rangeError, setRangeError] = useState<string | null>(null);
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<MoneyDashboard>(`/v1/admin/dashboard/money${qs(range ?? {})}`, { signal }),
    [range?.from, range?.to],
  );
  const apply = (event: Event) => {
    event.preventDefault();
    const r = rangeOf(fromDraft, toDraft);
    if (typeof r === 'string') return setRangeError(r);
    setRangeError(null);
    setRange(r);
  };
  return (
    <Card title={range ? 'Money in the chosen range' : 'Money today'} class="span-2" testId="money-figures">
      <form class="filter-grid" onSubmit={apply} noValidate data-testid="money-range">
        <TextField
          label="From"
          name="from"
          id="money-from"
          type="date"
          value={fromDraft}
          onValue={setFromDraft}
        />
        <TextField label="To" name="to" id="money-to" type="date" value={toDraft} onValue={setToDraft} />
        <div class="filter-buttons">
          <Button type="submit">Show range</Button>
          {range && (
            <Button
              variant="secondary"
              type="button"
              onClick={() => {
                setRange(null);
                setFromDraft('');
                setToDraft('');
              }}
            >
              Today
            </Button>
          )}
        </div>
      </form>
      {rangeError && <Alert testId="money-range-error">{rangeError}</Alert>}
      {error && !data ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={4} />
      ) : data ? (
        <>
          <Totals data={data} />
          <RailsTable rails={data.rails} />
        </>
      ) : null}
      {error && data && <Alert>{errorMessage(error)}</Alert>}
    </Card>
  );
}
