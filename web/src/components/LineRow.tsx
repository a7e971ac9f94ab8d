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
  const text = line.description || LINE_TYPE_LABELS[line.type] || line.type;
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function LineRow({ line, href, onOpen }: { line: Line; href?: string; onOpen?: () => void }) {
  const content = (
    <>
      <span class={`line-icon line-${line.direction}`} aria-hidden="true">
        <Icon name={ICONS[line.type] ?? 'list'} size={18} />
      </span>
      <span class="line-main">
        <span class="line-title">{lineTitle(line)}</span>
        <span class="line-meta">
          {LINE_TYPE_LABELS[line.type] ?? line.type} · {formatDateTime(line.createdAt)}
        </span>
      </span>
      <span class="line-side">
        <Money amount={line.amount} currency={line.currency} signed={line.direction} />
        {line.status !== 'completed' && <StatusBadge status={line.status} />}
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
