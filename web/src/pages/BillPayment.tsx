import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { Icon } from '../components/icons';
import { ShareReceipt } from '../components/ShareReceipt';
import {
  Alert,
  Button,
  Card,
  CopyButton,
  cx,
  DefinitionList,
  LoadError,
  Money,
  PageHeader,
  Spinner,
  StatusBadge,
} from '../components/ui';
import { api, errorMessage, qs } from '../lib/api';
import { categoryLabel, formatDateTime, groupToken, humanize } from '../lib/format';
import { useAsync, useInterval, useTitle } from '../lib/hooks';
import { Link } from '../lib/router';
import { type BillPayment, FINAL_BILL_STATUSES, type Line } from '../lib/types';
import { useLiveEvent, useWallets } from '../lib/wallets';
import { formatMoney } from '../money';
import { ReportProblem } from './Disputes';

const STEPS = ['pending', 'processing', 'done'] as const;

function stepIndex(status: BillPayment['status']): number {
  if (status === 'pending') return 0;
  if (status === 'processing' || status === 'needs_review') return 1;
  return 2;
}

function Progress({ status }: { status: BillPayment['status'] }) {
  const current = stepIndex(status);
  const bad = status === 'failed' || status === 'reversed';
  const labels = ['Received', 'With the provider', bad ? humanize(status) : 'Done'];
  return (
    <ol class="progress" aria-label="Payment progress">
      {STEPS.map((s, i) => (
        <li
          key={s}
          class={cx(
            'progress-step',
            i < current && 'done',
            i === current && 'current',
            i === 2 && bad && 'bad',
          )}
          aria-current={i === current ? 'step' : undefined}
        >
          <span class="progress-dot" aria-hidden="true" />
          <span>{labels[i]}</span>
        </li>
      ))}
    </ol>
  );
}

function StatusHero({ payment }: { payment: BillPayment }) {
  const total = formatMoney(payment.total, payment.currency);
  switch (payment.status) {
    case 'pending':
      return (
        <div class="hero hero-pending">
          <span class="spinner" aria-hidden="true" />
          <div>
            <h2>Payment received</h2>
            <p>We're sending it to {payment.billerName}…</p>
          </div>
        </div>
      );
    case 'processing':
      return (
        <div class="hero hero-pending">
          <span class="spinner" aria-hidden="true" />
          <div>
            <h2>Processing</h2>
            <p>{payment.billerName} is processing your payment. This usually takes a few seconds.</p>
          </div>
        </div>
      );
    case 'needs_review':
      return (
        <div class="hero hero-warning">
          <Icon name="clock" size={32} />
          <div>
            <h2>We're confirming this payment</h2>
            <p>
              {payment.billerName} hasn't confirmed it yet. You don't need to do anything: if it does not go
              through, the {total} comes back to your wallet automatically.
            </p>
          </div>
        </div>
      );
    case 'succeeded':
      return (
        <div class="hero hero-success">
          <Icon name="check" size={32} />
          <div>
            <h2>Payment successful</h2>
            <p>
              {formatMoney(payment.amount, payment.currency)} paid to {payment.billerName} for{' '}
              {payment.customerRef}.
            </p>
          </div>
        </div>
      );
    case 'failed':
    case 'reversed':
      return (
        <div class="hero hero-failed">
          <Icon name={payment.status === 'failed' ? 'x' : 'refresh'} size={32} />
          <div>
            <h2>{payment.status === 'failed' ? 'Payment failed' : 'Payment reversed'}</h2>
            <p data-testid="money-back">
              {payment.failureReason ?? `${payment.billerName} could not complete this purchase.`} {total} is
              back in your wallet.
            </p>
            <p class="no-print">
              <Link href={retryHref(payment)} class="btn btn-primary btn-md" data-testid="try-again">
                Try again
              </Link>
            </p>
          </div>
        </div>
      );
    default:
      return <StatusBadge status={payment.status} />;
  }
}

/** The bills page, opened on this payment's biller, product, customer and amount, to pay it again. */
function retryHref(p: BillPayment): string {
  return `/bills${qs({ biller: p.billerId, product: p.productCode, ref: p.customerRef, amount: p.amount })}`;
}

/** Units as the provider words them ("22.2 kWh"), or a bare number with "units". */
function formatUnits(units: string | number): string {
  const text = String(units).trim();
  return /[a-z]/i.test(text) ? text : `${text} units`;
}

function TokenBlock({ payment }: { payment: BillPayment }) {
  const [resend, setResend] = useState<'idle' | 'busy' | 'sent' | string>('idle');
  if (!payment.token) return null;
  const grouped = groupToken(payment.token);
  return (
    <div class="token-block no-print" data-testid="token-block">
      <p class="token-label">Your token</p>
      <p class="token" data-testid="bill-token">
        {grouped}
      </p>
      {payment.units !== null && payment.units !== undefined && (
        <p class="muted" data-testid="bill-units">
          {formatUnits(payment.units)}
        </p>
      )}
      <div class="row no-print">
        <CopyButton text={payment.token.replace(/\s/g, '')} label="Copy token" testId="copy-token" />
        <ShareToken payment={payment} grouped={grouped} />
        <Button
          variant="ghost"
          size="sm"
          loading={resend === 'busy'}
          onClick={async () => {
            setResend('busy');
            try {
              await api.post(`/v1/bill-payments/${payment.id}/resend-token`, {});
              setResend('sent');
            } catch (e) {
              setResend(errorMessage(e));
            }
          }}
        >
          Resend by SMS
        </Button>
      </div>
      <div aria-live="polite" class="no-print">
        {resend === 'sent' && <p class="muted small">We've sent the token again.</p>}
        {resend !== 'idle' && resend !== 'busy' && resend !== 'sent' && <p class="field-error">{resend}</p>}
      </div>
    </div>
  );
}

/** The token as a message: the phone's share sheet where there is one, and WhatsApp everywhere. */
function ShareToken({ payment, grouped }: { payment: BillPayment; grouped: string }) {
  const units =
    payment.units !== null && payment.units !== undefined ? ` (${formatUnits(payment.units)})` : '';
  const text = `${payment.billerName} token for meter ${payment.customerRef}: ${grouped}${units}. Ref ${payment.id}`;
  const canShare = typeof navigator.share === 'function';
  return (
    <>
      {canShare && (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => navigator.share({ title: 'Electricity token', text }).catch(() => undefined)}
          data-testid="share-token"
        >
          Share token
        </Button>
      )}
      <a
        class="btn btn-ghost btn-sm"
        href={`https://wa.me/?text=${encodeURIComponent(text)}`}
        target="_blank"
        rel="noopener noreferrer"
        data-testid="share-token-whatsapp"
      >
        Send on WhatsApp
      </a>
    </>
  );
}

/** How far before the payment its history line may be stamped (clocks of one database: a margin only). */
const LINE_MARGIN_MS = 60_000;

/**
 * The receipt of a final payment is the receipt of its wallet line: the line
 * is found among the wallet's bill payments since the payment was made.
 */
function BillReceiptShare({ payment }: { payment: BillPayment }) {
  const from = new Date(new Date(payment.createdAt).getTime() - LINE_MARGIN_MS).toISOString();
  const { data } = useAsync(
    (signal) =>
      api.get<{ data: Line[] }>(
        `/v1/wallets/${encodeURIComponent(payment.walletId)}/transactions${qs({ type: 'bill_payment', from, limit: 100 })}`,
        { signal },
      ),
    [payment.id, payment.walletId, payment.status],
  );
  const line = data?.data.find((l) => l.subject?.paymentId === payment.id);
  return line ? <ShareReceipt transactionId={line.transactionId} /> : null;
}

export function BillPaymentPage({ params }: { params: Record<string, string> }) {
  const id = params.id ?? '';
  useTitle('Bill payment');
  const { reload: reloadWallets } = useWallets();
  const { data, error, loading, reload, setData } = useAsync(
    (signal) => api.get<BillPayment>(`/v1/bill-payments/${encodeURIComponent(id)}`, { signal }),
    [id],
  );
  const final = data ? FINAL_BILL_STATUSES.includes(data.status) : false;

  // Live updates first; polling as a fallback while the payment is not final.
  useLiveEvent((name, event) => {
    if (name === 'bill_payment.updated' && event.id === id) {
      if (typeof event.status === 'string') {
        setData((prev) => (prev ? { ...prev, status: event.status as BillPayment['status'] } : prev));
      }
      void reload();
      void reloadWallets();
    }
  });
  useInterval(() => void reload(), 2000, !!data && !final);

  if (error && !data) {
    return (
      <div class="page narrow">
        <PageHeader title="Bill payment" back={<Link href="/bills">← Pay bills</Link>} />
        <LoadError error={error} onRetry={reload} />
      </div>
    );
  }
  if (!data) return <Spinner label="Loading payment" />;

  const p = data;
  const receiptItems: [string, ComponentChildren][] = [
    ['Status', <StatusBadge status={p.status} />],
    ['Biller', p.billerName],
    ['Category', categoryLabel(p.category)],
    ['Product', p.productCode],
    ['Customer reference', <span class="mono">{p.customerRef}</span>],
    ...(p.customerName ? ([['Customer', p.customerName]] as [string, string][]) : []),
    ['Amount', <Money amount={p.amount} currency={p.currency} />],
    ['Fee', <Money amount={p.fee} currency={p.currency} />],
    [
      'Total',
      <strong>
        <Money amount={p.total} currency={p.currency} />
      </strong>,
    ],
    ...(p.token
      ? ([
          [
            'Token',
            <span class="mono receipt-token" data-testid="receipt-token">
              {groupToken(p.token)}
            </span>,
          ],
        ] as [string, ComponentChildren][])
      : []),
    ...(p.units !== null && p.units !== undefined
      ? ([['Units', formatUnits(p.units)]] as [string, string][])
      : []),
    ['Reference', <span class="mono">{p.id}</span>],
    ['Date', formatDateTime(p.createdAt)],
  ];

  return (
    <div class="page narrow">
      <PageHeader
        title={`${p.billerName}`}
        subtitle={`${categoryLabel(p.category)} · ${p.customerRef}`}
        back={<Link href="/bills">← Pay bills</Link>}
      />
      <div class="stack" data-testid="bill-payment" data-status={p.status}>
        <Card class="no-print">
          <div aria-live="polite" aria-atomic="true" data-testid="bill-status" data-status={p.status}>
            <StatusHero payment={p} />
          </div>
          <Progress status={p.status} />
          {loading && !final && <span class="sr-only">Checking for updates</span>}
        </Card>
        {p.status === 'succeeded' && <TokenBlock payment={p} />}
        <Card title="Receipt" class="receipt" testId="receipt">
          <div class="receipt-brand print-only">
            <strong>Vendra</strong> · Payment receipt
          </div>
          <DefinitionList items={receiptItems} />
          {final && (
            <div class="no-print">
              <BillReceiptShare payment={p} />
            </div>
          )}
          {p.status === 'succeeded' && (
            <div class="row no-print">
              <Button variant="secondary" onClick={() => window.print()} data-testid="print-receipt">
                <Icon name="print" size={16} /> Print receipt
              </Button>
            </div>
          )}
        </Card>
        {p.timeline?.length > 0 && (
          <Card title="Timeline" class="no-print">
            <ol class="timeline" data-testid="timeline">
              {p.timeline.map((t) => (
                <li key={`${t.status}-${t.at}`}>
                  <StatusBadge status={t.status} />
                  <span class="muted small">{formatDateTime(t.at)}</span>
                  {t.reason && <span class="small">{t.reason}</span>}
                </li>
              ))}
            </ol>
          </Card>
        )}
        {final && (
          <div class="row no-print">
            <Link href="/bills" class="btn btn-primary btn-md">
              Pay another bill
            </Link>
            <Link href="/" class="btn btn-ghost btn-md">
              Home
            </Link>
          </div>
        )}
        {final && (
          <Card title="Something wrong?" class="no-print">
            <ReportProblem
              subjectType="bill_payment"
              subjectId={p.id}
              defaultReason={p.status === 'succeeded' ? 'token_not_received' : undefined}
            />
          </Card>
        )}
        {(p.status === 'failed' || p.status === 'reversed') && (
          <Alert kind="info">
            Need help? Quote reference <span class="mono">{p.id}</span> to support.
          </Alert>
        )}
      </div>
    </div>
  );
}
