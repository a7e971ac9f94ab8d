/** A receipt as an image for sharing (WhatsApp and the like): an SVG built here, rendered by resvg. */
import { Resvg } from '@resvg/resvg-js';
import { BRAND, FONT_FILES, headline, receiptRows, wrap } from './layout.js';
import type { Receipt } from './receipt.js';

export const PNG_WIDTH_PX = 720;
const PAD = 40;
const ROW_LINE_PX = 28;
const VALUE_CHARS = 38;
const TONE_COLOURS = { ok: '#0f7b3f', pending: '#9a6700', failed: '#b42318' } as const;

const escapeXml = (s: string) =>
  s.replace(
    /[<>&"']/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!,
  );

const text = (x: number, y: number, size: number, value: string, attrs = '') =>
  `<text x="${x}" y="${y}" font-size="${size}" ${attrs}>${escapeXml(value)}</text>`;

/** The receipt's SVG: a white card, the brand, the amount and status, then one row per line. */
export function receiptSvg(r: Receipt): string {
  const parts: string[] = [];
  let y = PAD + 36;
  parts.push(text(PAD, y, 36, BRAND, 'font-weight="bold" fill="#0b5d4b"'));
  y += 30;
  parts.push(text(PAD, y, 18, `${r.title} receipt`, 'fill="#555555"'));
  y += 64;
  const mid = PNG_WIDTH_PX / 2;
  parts.push(text(mid, y, 40, headline(r), 'font-weight="bold" text-anchor="middle" fill="#111111"'));
  y += 36;
  const tone = TONE_COLOURS[r.tone];
  parts.push(text(mid, y, 20, r.status, `font-weight="bold" text-anchor="middle" fill="${tone}"`));
  y += 28;
  parts.push(`<line x1="${PAD}" y1="${y}" x2="${PNG_WIDTH_PX - PAD}" y2="${y}" stroke="#e5e7eb"/>`);
  y += 40;
  for (const row of receiptRows(r)) {
    parts.push(text(PAD, y, 16, row.label, 'fill="#666666"'));
    for (const [i, line] of wrap(row.value, VALUE_CHARS).entries())
      parts.push(text(250, y + i * ROW_LINE_PX, 18, line, 'fill="#111111"'));
    y += ROW_LINE_PX * wrap(row.value, VALUE_CHARS).length + 10;
  }
  if (r.token) {
    y += 20;
    parts.push(text(mid, y, 16, 'Token', 'text-anchor="middle" fill="#666666"'));
    y += 44;
    parts.push(
      text(mid, y, 32, r.token, 'font-family="DejaVu Sans Mono" text-anchor="middle" fill="#111111"'),
    );
  }
  y += 56;
  parts.push(
    text(mid, y, 14, `${BRAND} · keep this receipt for your records.`, 'text-anchor="middle" fill="#888888"'),
  );
  const height = y + PAD;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${PNG_WIDTH_PX}" height="${height}" viewBox="0 0 ${PNG_WIDTH_PX} ${height}" font-family="DejaVu Sans">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<rect x="0" y="0" width="${PNG_WIDTH_PX}" height="8" fill="#0b5d4b"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
}

/** The PNG: the SVG rendered with the shipped fonts only (the same image on every machine). */
export function renderPng(r: Receipt): Buffer {
  const resvg = new Resvg(receiptSvg(r), {
    background: '#ffffff',
    fitTo: { mode: 'original' },
    font: {
      fontFiles: Object.values(FONT_FILES),
      loadSystemFonts: false,
      defaultFontFamily: 'DejaVu Sans',
    },
  });
  return resvg.render().asPng();
}
