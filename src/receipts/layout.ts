/** The lines every rendering of a receipt prints, in order, and the fonts it prints them in. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { formatDate, formatMoney } from './format.js';
import type { Receipt } from './receipt.js';

export const BRAND = 'Vendra';

export interface ReceiptRow {
  label: string;
  value: string;
}

/** Amount, fee, total, status, date, reference, then what the transaction was about. */
export function receiptRows(r: Receipt): ReceiptRow[] {
  const money = (v: bigint) => formatMoney(v, r.currency);
  return [
    { label: 'Amount', value: money(r.amount) },
    { label: 'Fee', value: money(r.fee) },
    { label: 'Total', value: money(r.total) },
    { label: 'Status', value: r.status },
    { label: 'Date', value: formatDate(r.date) },
    { label: 'Reference', value: r.reference },
    ...r.details,
    { label: 'Transaction ID', value: r.transactionId },
  ];
}

/** The headline amount: what left or reached the wallet, signed as the statement shows it. */
export function headline(r: Receipt): string {
  return `${r.direction === 'debit' ? '-' : '+'}${formatMoney(r.total, r.currency)}`;
}

/**
 * DejaVu, shipped as an npm package rather than read from the system: every
 * machine renders the same receipt, and it has the naira sign (₦) that the
 * PDF standard fonts lack.
 */
const FONT_DIR = join(
  dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')),
  'ttf',
);
export const FONT_FILES = {
  regular: join(FONT_DIR, 'DejaVuSans.ttf'),
  bold: join(FONT_DIR, 'DejaVuSans-Bold.ttf'),
  mono: join(FONT_DIR, 'DejaVuSansMono.ttf'),
} as const;

let fonts: Record<keyof typeof FONT_FILES, Buffer> | undefined;
/** The font files' bytes, read once. */
export function fontData(): Record<keyof typeof FONT_FILES, Buffer> {
  fonts ??= {
    regular: readFileSync(FONT_FILES.regular),
    bold: readFileSync(FONT_FILES.bold),
    mono: readFileSync(FONT_FILES.mono),
  };
  return fonts;
}

/** Splits a long value into lines of at most `width` characters, at spaces where it can. */
export function wrap(text: string, width: number, maxLines = 4): string[] {
  const lines: string[] = [];
  let rest = text.trim();
  while (rest.length > width && lines.length < maxLines - 1) {
    const cut = rest.lastIndexOf(' ', width);
    const at = cut > width / 2 ? cut : width;
    lines.push(rest.slice(0, at).trimEnd());
    rest = rest.slice(at).trimStart();
  }
  lines.push(rest.length > width ? `${rest.slice(0, width - 1)}…` : rest);
  return lines;
}
