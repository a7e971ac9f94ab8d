import { formatDateTime, LINE_TYPE_LABELS } from '../lib/format';
import { Link } from '../lib/router';
import type { Line } from '../lib/types';
import { Icon, type IconName } from './icons';
import { Money, StatusBadge } from './ui';

const ICONS: Record<string, IconName> = {
  deposit: 'plus',
  transfer_in: 'send',
  transfer_out: 'send',
  withdrawal: 'bank',
  bill_payment: 'bolt',
  refund: 'refresh',
  fee: 'list',
  adjustment: 'scale',
};

export function lineTitle(line: Line): string {
  if (line.type === 'transfer_out' && line.counterparty?.name) return `To ${line.counterparty.name}`;
  if (line.type === 'transfer_in' && line.counterparty?.name) return `From ${line.counterparty.name}`;
  const s = line.subject;
  if (s?.kind === 'bill_payment' && s.billerName)
    return s.customerReference ? `${s.billerName} · ${s.customerReference}` : s.billerName;
  if (s?.kind === 'deposit' && s.channel === 'bank_transfer')
    return s.senderName ? `Bank transfer from ${s.senderName}` : 'Bank transfer in';
  const text = line.description || LINE_TYPE_LABELS[line.type] || line.type;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * A hold that was released (a failed bill or withdrawal, voided) never took
 * the money: it reads as failed and returned, not as money out.
 */
export const lineFailed = (line: Line) => line.status === 'released';

/** The second line of a row: what it was and when, or that it failed and the money came back. */
function lineMeta(line: Line): string {
  const what = LINE_TYPE_LABELS[line.type] ?? line.type;
  if (lineFailed(line)) return `${what} failed · money returned · ${formatDateTime(line.createdAt)}`;
  return `${what} · ${formatDateTime(line.createdAt)}`;
}

export function LineRow({ line, href, onOpen }: { line: Line; href?: string; onOpen?: () => void }) {
  const content = (
    <>
      <span class={`line-icon line-${line.direction}`} aria-hidden="true">
        <Icon name={ICONS[line.type] ?? 'list'} size={18} />
      </span>
      <span class="line-main">
        <span class="line-title">{lineTitle(line)}</span>
        <span class="line-meta">{lineMeta(line)}</span>
      </span>
      <span class={lineFailed(line) ? 'line-side line-void' : 'line-side'}>
        <Money
          amount={line.amount}
          currency={line.currency}
          signed={lineFailed(line) ? undefined : line.direction}
        />
        {line.status === 'pending' && <StatusBadge status={line.status} />}
        {lineFailed(line) && <StatusBadge status="failed" />}
      </span>
    </>
  );
  if (onOpen)
    return (
      <button
        type="button"
        class="line"
        onClick={onOpen}
        data-testid="history-line"
        data-type={line.type}
        data-line-id={line.id}
      >
        {content}
      </button>
    );
  return (
    <Link href={href ?? '#'} class="line" data-testid="activity-line" data-type={line.type}>
      {content}
    </Link>
  );
}
