/** A receipt as an A5 PDF (pdfkit), with the fonts embedded. */
import PDFDocument from 'pdfkit';
import { BRAND, fontData, headline, receiptRows } from './layout.js';
import type { Receipt } from './receipt.js';

const TONE_COLOURS = { ok: '#0f7b3f', pending: '#9a6700', failed: '#b42318' } as const;

/** Renders the PDF; `compress: false` leaves its streams readable (tests). */
export function renderPdf(r: Receipt, options: { compress?: boolean } = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A5',
    margin: 36,
    compress: options.compress ?? true,
    info: { Title: `${BRAND} receipt ${r.reference}`, Author: BRAND, CreationDate: r.date },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const f = fontData();
  doc.registerFont('regular', f.regular);
  doc.registerFont('bold', f.bold);
  doc.registerFont('mono', f.mono);
  const width = doc.page.width - 72;

  doc.font('bold').fontSize(22).fillColor('#0b5d4b').text(BRAND, 36, 36);
  doc.font('regular').fontSize(11).fillColor('#555555').text(`${r.title} receipt`);
  doc.moveDown(1);
  doc.font('bold').fontSize(24).fillColor('#111111').text(headline(r), { width, align: 'center' });
  doc.font('bold').fontSize(11).fillColor(TONE_COLOURS[r.tone]).text(r.status, { width, align: 'center' });
  doc.moveDown(1);
  for (const row of receiptRows(r)) {
    const y = doc.y;
    doc.font('regular').fontSize(9).fillColor('#666666').text(row.label, 36, y, { width: 120 });
    doc
      .font('regular')
      .fontSize(10)
      .fillColor('#111111')
      .text(row.value, 160, y, { width: width - 124 });
    doc.moveDown(0.5);
  }
  if (r.token) {
    doc.moveDown(0.5);
    doc.font('regular').fontSize(9).fillColor('#666666').text('Token', 36, doc.y, { width, align: 'center' });
    doc.font('mono').fontSize(18).fillColor('#111111').text(r.token, { width, align: 'center' });
  }
  doc.moveDown(1.5);
  doc
    .font('regular')
    .fontSize(8)
    .fillColor('#888888')
    .text(`${BRAND} · keep this receipt for your records.`, 36, doc.y, { width, align: 'center' });
  doc.end();
  return done;
}
