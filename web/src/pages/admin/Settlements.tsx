import { useState } from 'preact/hooks';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
  EmptyState,
  LoadError,
  Money,
  PageHeader,
  Skeleton,
  StatusBadge,
} from '../../components/ui';
import { api, download, errorMessage, qs } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useAsync, useTitle } from '../../lib/hooks';
import { Link } from '../../lib/router';
import type { GatewayStatement, SettlementDetail, SettlementStatement } from '../../lib/types';

const money = (amount: number | null | undefined) =>
  amount === null || amount === undefined ? '—' : <Money amount={amount} currency="NGN" />;

/** Settlement days per provider: open (provisional, computed now) or closed (stored, never changed). */
export function SettlementsPage() {
  useTitle('Settlements · Console');
  const [provider, setProvider] = useState('');
  const { data, error, loading, reload } = useAsync(
    (signal) =>
      api.get<{ data: SettlementStatement[] }>(
        `/v1/admin/settlements${qs({ provider: provider || undefined })}`,
        {
          signal,
        },
      ),
    [provider],
  );
  const providers = [...new Set((data?.data ?? []).map((s) => s.provider ?? ''))];
  return (
    <div class="page wide">
      <PageHeader
        title="Settlements"
        subtitle="Per provider and Africa/Lagos day: deliveries, reversals, commission expected and paid, what the float was charged, and its opening, top-ups and closing. Today is open; a day closes an hour after midnight."
        actions={
          <div class="row">
            {['', ...providers.filter((p) => p && p !== provider)].map((p) => (
              <Button key={p || 'all'} size="sm" variant="secondary" onClick={() => setProvider(p)}>
                {p || 'All providers'}
              </Button>
            ))}
          </div>
        }
      />
      <Card>
        {error ? (
          <LoadError error={error} onRetry={reload} />
        ) : loading && !data ? (
          <Skeleton lines={6} />
        ) : !data?.data.length ? (
          <EmptyState title="No statements">No provider has a settlement day yet.</EmptyState>
        ) : (
          <div class="table-wrap">
            <table class="table" data-testid="settlements-table">
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Provider</th>
                  <th scope="col">Status</th>
                  <th scope="col">Delivered</th>
                  <th scope="col">Reversed</th>
                  <th scope="col">Commission (expected / paid)</th>
                  <th scope="col">Net owed</th>
                  <th scope="col">Float closing</th>
                  <th scope="col">Drift</th>
                </tr>
              </thead>
              <tbody>
                {data.data.map((s) => (
                  <tr key={s.id} data-testid={`settlement-${s.id}`}>
                    <td>
                      <Link href={`/admin/settlements/${encodeURIComponent(s.id ?? '')}`}>{s.day}</Link>
                    </td>
                    <td>{s.provider}</td>
                    <td>
                      <StatusBadge
                        status={s.status === 'closed' ? 'succeeded' : 'pending'}
                        label={s.status}
                      />
                    </td>
                    <td>
                      {s.deliveredCount} · {money(s.deliveredGross)}
                    </td>
                    <td>
                      {s.reversedCount} · {money(s.reversedGross)}
                    </td>
                    <td>
                      {money(s.expectedCommission)} / {money(s.actualCommission)}
                      {(s.commissionMismatchCount ?? 0) > 0 && (
                        <div class="muted">{s.commissionMismatchCount} mismatched</div>
                      )}
                    </td>
                    <td>{money(s.netOwed)}</td>
                    <td>{money(s.floatClosing)}</td>
                    <td>{money(s.drift)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
      <GatewayDays />
    </div>
  );
}

/** The gateway's days: what it captured for us, its fees, what it should pay out to our bank. */
function GatewayDays() {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: GatewayStatement[] }>('/v1/admin/settlements/gateway', { signal }),
    [],
  );
  const [failure, setFailure] = useState<string | null>(null);
  const csv = (day: string) => {
    setFailure(null);
    download(`/v1/admin/settlements/gateway/${day}/csv`, `gateway-settlement-${day}.csv`).catch((e) =>
      setFailure(errorMessage(e)),
    );
  };
  return (
    <Card title="Payment gateway" testId="gateway-settlements">
      {failure && <Alert>{failure}</Alert>}
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={4} />
      ) : (
        <div class="table-wrap">
          <table class="table">
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Status</th>
                <th scope="col">Cards</th>
                <th scope="col">Bank transfers</th>
                <th scope="col">Gateway fees</th>
                <th scope="col">Payout expected</th>
                <th scope="col">
                  <span class="sr-only">CSV</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data?.data.map((g) => (
                <tr key={g.id} data-testid={`gateway-${g.day}`}>
                  <td>{g.day}</td>
                  <td>
                    <StatusBadge status={g.status === 'closed' ? 'succeeded' : 'pending'} label={g.status} />
                  </td>
                  <td>
                    {g.cardCount} · {money(g.cardGross)}
                  </td>
                  <td>
                    {g.transferCount} · {money(g.transferGross)}
                  </td>
                  <td>{money(g.feesTotal)}</td>
                  <td>
                    {money(g.payoutExpected)}
                    {g.truncated && <div class="muted">too many lines: partial</div>}
                  </td>
                  <td>
                    <Button
                      size="sm"
                      variant="ghost"
                      onClick={() => csv(g.day)}
                      data-testid={`gateway-csv-${g.day}`}
                    >
                      CSV
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}

/** One settlement day with its figures, the commission mismatches and the CSV. */
export function SettlementDetailPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Settlement · Console');
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<SettlementDetail>(`/v1/admin/settlements/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const [failure, setFailure] = useState<string | null>(null);
  const csv = async () => {
    setFailure(null);
    try {
      await download(
        `/v1/admin/settlements/${encodeURIComponent(id)}/csv`,
        `settlement-${id.replace(':', '-')}.csv`,
      );
    } catch (e) {
      setFailure(errorMessage(e));
    }
  };
  return (
    <div class="page wide">
      <PageHeader
        title={`Settlement ${id}`}
        back={<Link href="/admin/settlements">← Settlements</Link>}
        actions={
          <Button size="sm" variant="secondary" onClick={csv} data-testid="settlement-csv">
            Download CSV
          </Button>
        }
      />
      {failure && <Alert>{failure}</Alert>}
      {error ? (
        <LoadError error={error} onRetry={reload} />
      ) : loading && !data ? (
        <Skeleton lines={8} />
      ) : data ? (
        <>
          <Card
            title={data.status === 'closed' ? 'Closed' : 'Open (provisional)'}
            testId="settlement-figures"
          >
            <DefinitionList
              items={[
                ['Status', data.status === 'closed' ? `closed ${formatDateTime(data.closedAt)}` : 'open'],
                [
                  'Delivered',
                  <span key="d">
                    {data.deliveredCount} · {money(data.deliveredGross)}
                  </span>,
                ],
                [
                  'Reversed',
                  <span key="r">
                    {data.reversedCount} · {money(data.reversedGross)}
                  </span>,
                ],
                ['Commission expected', money(data.expectedCommission)],
                ['Commission paid', money(data.actualCommission)],
                ['Net owed (float charged)', money(data.netOwed)],
                ['Float opening', money(data.floatOpening)],
                ['Float top-ups', money(data.floatTopups)],
                ['Float closing', money(data.floatClosing)],
                ['Drift (last check)', money(data.drift)],
              ]}
            />
          </Card>
          <Card title="Commission mismatches">
            {!data.mismatches?.length ? (
              <EmptyState title="None">Every delivery earned the commission expected.</EmptyState>
            ) : (
              <div class="table-wrap">
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">Delivered</th>
                      <th scope="col">Payment</th>
                      <th scope="col">Amount</th>
                      <th scope="col">Expected</th>
                      <th scope="col">Paid</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.mismatches.map((m) => (
                      <tr key={m.paymentId}>
                        <td>{formatDateTime(m.deliveredAt)}</td>
                        <td class="mono">
                          <Link href={`/admin/payments/${m.paymentId}`}>{m.providerRef}</Link>
                        </td>
                        <td>{money(m.amount)}</td>
                        <td>{money(m.expected)}</td>
                        <td>{money(m.actual)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        </>
      ) : null}
    </div>
  );
}
