import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { Icon } from '../components/icons';
import { LineRow, lineFailed, lineTitle } from '../components/LineRow';
import { ShareReceipt } from '../components/ShareReceipt';
import { defaultWallet, walletOptions } from '../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  DefinitionList,
  Dialog,
  EmptyState,
  LoadError,
  Money,
  PageHeader,
  SelectField,
  Skeleton,
  Spinner,
  StatusBadge,
  TextField,
} from '../components/ui';
import { api, download, errorMessage, qs } from '../lib/api';
import { endOfDayIso, formatDateTime, LINE_TYPE_LABELS, startOfDayIso } from '../lib/format';
import { useAsync, useTitle } from '../lib/hooks';
import { Link, navigate, useLocation } from '../lib/router';
import type { DisputeSubjectType, Line, Page } from '../lib/types';
import { ReportProblem } from './Disputes';
import { useWallets } from '../lib/wallets';

const TYPES = Object.entries(LINE_TYPE_LABELS).map(([value, label]) => ({ value, label }));
const STATUSES = [
  { value: 'completed', label: 'Completed' },
  { value: 'pending', label: 'Pending' },
  { value: 'released', label: 'Released' },
];

type Item = [string, ComponentChildren];

/** What the line is about: the bill and its payment (with the token), the bank, the channel and sender. */
function subjectItems(line: Line): Item[] {
  const s = line.subject;
  if (!s) return [];
  if (s.kind === 'bill_payment')
    return [
      ...(s.billerName ? ([['Biller', s.billerName]] as Item[]) : []),
      ...(s.customerReference
        ? ([['Meter / account', <span class="mono">{s.customerReference}</span>]] as Item[])
        : []),
      ...(s.paymentId
        ? ([
            [
              'Payment',
              <Link href={`/bills/payments/${s.paymentId}`} data-testid="line-payment-link">
                View payment and token
              </Link>,
            ],
          ] as Item[])
        : []),
    ];
  if (s.kind === 'withdrawal')
    return [
      ...(s.bankName ? ([['Bank', s.bankName]] as Item[]) : []),
      ...(s.accountNumber ? ([['Account', <span class="mono">{s.accountNumber}</span>]] as Item[]) : []),
    ];
  if (s.kind === 'deposit')
    return [
      ['Channel', s.channel === 'bank_transfer' ? 'Bank transfer' : 'Card'],
      ...(s.senderName
        ? ([['Sender', s.senderBank ? `${s.senderName} (${s.senderBank})` : s.senderName]] as Item[])
        : []),
    ];
  return [];
}

/** What a dispute on this line would be about: the bill, withdrawal, deposit or transfer behind it. */
function disputeSubjectOf(line: Line): { type: DisputeSubjectType; id: string } | null {
  const s = line.subject;
  if (s?.kind === 'bill_payment' && s.paymentId) return { type: 'bill_payment', id: s.paymentId };
  if (s?.kind === 'withdrawal' && s.withdrawalId) return { type: 'withdrawal', id: s.withdrawalId };
  if (s?.kind === 'deposit' && s.depositId) return { type: 'deposit', id: s.depositId };
  if (line.type === 'transfer_out') return { type: 'transfer', id: line.transactionId };
  return null;
}

function LineDetail({ line, onClose }: { line: Line | null; onClose: () => void }) {
  const disputable = line ? disputeSubjectOf(line) : null;
  return (
    <Dialog open={!!line} onClose={onClose} title="Transaction details" testId="line-detail">
      {line && (
        <>
          <p class={lineFailed(line) ? 'detail-amount line-void' : 'detail-amount'}>
            <Money
              amount={line.amount}
              currency={line.currency}
              signed={lineFailed(line) ? undefined : line.direction}
            />
          </p>
          <p class="muted">{lineTitle(line)}</p>
          {lineFailed(line) && (
            <p class="alert alert-info" data-testid="line-returned">
              This did not go through. The money was never taken: it is back in your available balance.
            </p>
          )}
          <DefinitionList
            items={[
              ['Type', LINE_TYPE_LABELS[line.type] ?? line.type],
              ['Status', <StatusBadge status={lineFailed(line) ? 'failed' : line.status} />],
              [
                'Direction',
                lineFailed(line)
                  ? 'Not charged (returned)'
                  : line.direction === 'credit'
                    ? 'Money in'
                    : 'Money out',
              ],
              ['Date', formatDateTime(line.createdAt)],
              ['Balance after', <Money amount={line.balanceAfter} currency={line.currency} />],
              ...(line.counterparty?.name
                ? ([['Counterparty', line.counterparty.name]] as [string, string][])
                : []),
              ...subjectItems(line),
              ['Description', line.description || '—'],
              ['Reference', <span class="mono">{line.reference}</span>],
              ['Transaction ID', <span class="mono">{line.transactionId}</span>],
            ]}
          />
          <ShareReceipt key={line.transactionId} transactionId={line.transactionId} />
          {disputable && line.type !== 'refund' && (
            <div class="stack" data-testid="line-report-problem">
              <ReportProblem key={line.id} subjectType={disputable.type} subjectId={disputable.id} />
            </div>
          )}
        </>
      )}
    </Dialog>
  );
}

export function HistoryPage() {
  useTitle('History');
  const { wallets } = useWallets();
  const { query } = useLocation();
  const wallet = defaultWallet(wallets, query.get('wallet'));
  const type = query.get('type') ?? '';
  const status = query.get('status') ?? '';
  const from = query.get('from') ?? '';
  const to = query.get('to') ?? '';
  const [fromDraft, setFromDraft] = useState(from);
  const [toDraft, setToDraft] = useState(to);
  const [dateError, setDateError] = useState<string | undefined>();
  const [extra, setExtra] = useState<Line[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [moreBusy, setMoreBusy] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const [selected, setSelected] = useState<Line | null>(null);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);

  const filters = {
    type,
    status,
    from: startOfDayIso(from),
    to: endOfDayIso(to),
  };
  const first = useAsync(
    async (signal) => {
      if (!wallet) return null;
      return api.get<Page<Line>>(`/v1/wallets/${wallet.id}/transactions${qs({ limit: 25, ...filters })}`, {
        signal,
      });
    },
    [wallet?.id, type, status, from, to],
  );
  useEffect(() => {
    setExtra([]);
    setCursor(first.data?.nextCursor ?? null);
  }, [first.data]);

  const lines = [...(first.data?.data ?? []), ...extra];

  // Open a line linked from elsewhere (?line=…).
  const linked = query.get('line');
  useEffect(() => {
    if (linked && !selected) {
      const found = lines.find((l) => l.id === linked);
      if (found) setSelected(found);
    }
  }, [linked, lines.length]);

  const setQuery = (changes: Record<string, string>) => {
    const next = new URLSearchParams(query);
    next.delete('line');
    for (const [k, v] of Object.entries(changes)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    const s = next.toString();
    navigate(`/history${s ? `?${s}` : ''}`, { replace: true });
  };

  const applyDates = (event: Event) => {
    event.preventDefault();
    if (fromDraft && toDraft && fromDraft > toDraft) {
      setDateError('The start date must be before the end date');
      return;
    }
    setDateError(undefined);
    setQuery({ from: fromDraft, to: toDraft });
  };

  const loadMore = async () => {
    if (!wallet || !cursor) return;
    setMoreBusy(true);
    setMoreError(null);
    try {
      const page = await api.get<Page<Line>>(
        `/v1/wallets/${wallet.id}/transactions${qs({ limit: 25, cursor, ...filters })}`,
      );
      setExtra((list) => [...list, ...page.data]);
      setCursor(page.nextCursor);
    } catch (e) {
      setMoreError(errorMessage(e));
    } finally {
      setMoreBusy(false);
    }
  };

  const downloadCsv = async () => {
    if (!wallet) return;
    setDownloading(true);
    setDownloadError(null);
    try {
      await download(
        `/v1/wallets/${wallet.id}/statement.csv${qs({ from: filters.from, to: filters.to })}`,
        `vendra-statement-${wallet.currency}-${from || 'start'}-to-${to || 'today'}.csv`,
      );
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  };

  if (!wallets) return <Spinner label="Loading your wallets" />;
  if (!wallet)
    return (
      <div class="page">
        <PageHeader title="History" />
        <EmptyState title="No wallet yet">Your wallet is still being set up.</EmptyState>
      </div>
    );

  const filtered = Boolean(type || status || from || to);
  return (
    <div class="page">
      <PageHeader
        title="History"
        subtitle="Every kobo in and out of your wallet."
        actions={
          <Button variant="secondary" onClick={downloadCsv} loading={downloading} data-testid="download-csv">
            <Icon name="download" size={16} /> Statement (CSV)
          </Button>
        }
      />
      {downloadError && <Alert>{downloadError}</Alert>}
      <Card class="filters" testId="history-filters">
        <div class="filter-grid">
          {wallets.length > 1 && (
            <SelectField
              label="Wallet"
              name="wallet"
              value={wallet.id}
              onValue={(v) => setQuery({ wallet: v })}
              options={walletOptions(wallets)}
            />
          )}
          <SelectField
            label="Type"
            name="type"
            id="filter-type"
            value={type}
            onValue={(v) => setQuery({ type: v })}
            placeholder="All types"
            options={TYPES}
          />
          <SelectField
            label="Status"
            name="status"
            id="filter-status"
            value={status}
            onValue={(v) => setQuery({ status: v })}
            placeholder="All statuses"
            options={STATUSES}
          />
        </div>
        <form class="filter-grid filter-dates" onSubmit={applyDates} noValidate>
          <TextField
            label="From"
            name="from"
            id="filter-from"
            type="date"
            value={fromDraft}
            onValue={setFromDraft}
            error={dateError}
          />
          <TextField label="To" name="to" id="filter-to" type="date" value={toDraft} onValue={setToDraft} />
          <div class="filter-buttons">
            <Button type="submit" variant="secondary">
              Apply dates
            </Button>
            {filtered && (
              <Button
                variant="ghost"
                onClick={() => {
                  setFromDraft('');
                  setToDraft('');
                  setQuery({ type: '', status: '', from: '', to: '' });
                }}
              >
                Clear filters
              </Button>
            )}
          </div>
        </form>
      </Card>
      <Card testId="history-list">
        {first.error ? (
          <LoadError error={first.error} onRetry={first.reload} />
        ) : first.loading && !first.data ? (
          <Skeleton lines={6} />
        ) : lines.length === 0 ? (
          <EmptyState title={filtered ? 'Nothing matches these filters' : 'No transactions yet'}>
            {filtered
              ? 'Try a wider date range or clear the filters.'
              : 'Deposits, payments and transfers will show here.'}
          </EmptyState>
        ) : (
          <>
            <ul class="lines" aria-busy={first.loading ? 'true' : 'false'}>
              {lines.map((line) => (
                <li key={line.id}>
                  <LineRow line={line} onOpen={() => setSelected(line)} />
                </li>
              ))}
            </ul>
            {moreError && <Alert>{moreError}</Alert>}
            {cursor && (
              <div class="row row-center">
                <Button variant="secondary" onClick={loadMore} loading={moreBusy} data-testid="load-more">
                  Load more
                </Button>
              </div>
            )}
          </>
        )}
      </Card>
      <LineDetail line={selected} onClose={() => setSelected(null)} />
    </div>
  );
}
