import type { AddressInfo } from 'node:net';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAST_PROVIDER_ENV } from '../bills/testing.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { eventually, fund, get, post, walletOf } from '../test-support/http.js';
import { registerStaff, registerUser, setTier, type TestUser } from '../test-support/users.js';
import { formatMoney } from './format.js';

interface Line {
  transactionId: string;
  type: string;
  status: string;
  amount: number;
  reference: string;
  subject: { kind?: string; paymentId?: string; channel?: string; withdrawalId?: string } | null;
}

/** The text of every page, as a reader would extract it (pdf.js), whitespace collapsed. */
async function pdfText(body: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const content = await (await doc.getPage(n)).getTextContent();
    for (const item of content.items) if ('str' in item) parts.push(item.str);
  }
  await doc.destroy();
  return parts.join(' ').replace(/\s+/g, ' ');
}

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from the PNG's IHDR chunk (bytes 16-23). */
const pngSize = (b: Buffer) => ({ width: b.readUInt32BE(16), height: b.readUInt32BE(20) });

const backend = hasPg() ? 'pg' : 'pglite';

describe(`receipts on ${backend}`, () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let aliceWallet: string;
  beforeAll(async () => {
    t = await createTestApp(
      backend,
      { ...FAST_PROVIDER_ENV, PAYOUT_SIM_PENDING_MS: '100' },
      { providers: true, worker: true },
    );
    await t.app.listen({ host: '127.0.0.1', port: 0 });
    const port = (t.app.server.address() as AddressInfo).port;
    // The simulators announce reversals by webhook, over real HTTP, to this server.
    for (const sim of t.ctx.providers?.sims ?? [])
      sim.setKnobs({ webhookUrl: `http://127.0.0.1:${port}/v1/webhooks/vtpass` });
    alice = await registerUser(t.app, { fullName: 'Alice Adeyemi' });
    bob = await registerUser(t.app, { fullName: 'Bob Bello' });
    await setTier(t.ctx.db, alice.id, 3);
    aliceWallet = (await walletOf(t.app, alice)).id;
    await walletOf(t.app, bob);
  }, 30_000);
  afterAll(async () => {
    await t?.close();
  });

  const lines = async (user: TestUser, walletId: string): Promise<Line[]> =>
    (await get(t.app, user, `/v1/wallets/${walletId}/transactions?limit=100`)).json().data;
  const receipt = (user: TestUser, transactionId: string, format: 'pdf' | 'png') =>
    get(t.app, user, `/v1/transactions/${transactionId}/receipt.${format}`);

  /** Fetches both renderings of a line's receipt and checks them; returns the PDF's text. */
  async function receiptText(user: TestUser, transactionId: string): Promise<string> {
    const pdf = await receipt(user, transactionId, 'pdf');
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const png = await receipt(user, transactionId, 'png');
    expect(png.statusCode, png.body).toBe(200);
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.rawPayload.subarray(0, 8).equals(PNG_MAGIC)).toBe(true);
    const { width, height } = pngSize(png.rawPayload);
    expect(width).toBe(720);
    expect(height).toBeGreaterThan(500);
    expect(height).toBeLessThan(2_000);
    const text = await pdfText(pdf.rawPayload);
    expect(text).toContain('Vendra');
    return text;
  }

  async function billPayment(customerRef: string, amount: number, until: string[]) {
    const res = await post(t.app, alice, '/v1/bill-payments', {
      walletId: aliceWallet,
      billerId: 'ikeja-electric',
      productCode: 'prepaid',
      customerRef,
      amount,
    });
    expect(res.statusCode, res.body).toBe(202);
    return eventually(async () => {
      const p = (await get(t.app, alice, `/v1/bill-payments/${res.json().id}`)).json();
      return until.includes(p.status) && p;
    }, 15_000);
  }

  it('a card deposit: amount, reference and status; someone else gets 404, staff read it', async () => {
    const deposit = await fund(t.app, alice, aliceWallet, 5_000_000);
    const line = (await lines(alice, aliceWallet)).find((l) => l.subject?.channel === 'card');
    expect(line).toBeDefined();
    const text = await receiptText(alice, line!.transactionId);
    expect(text).toContain('Deposit by card receipt');
    expect(text).toContain('₦50,000.00');
    expect(text).toContain(deposit.reference);
    expect(text).toContain('Successful');
    // Bob is told it does not exist, in both formats; an unknown id is the same 404.
    for (const format of ['pdf', 'png'] as const) {
      const res = await receipt(bob, line!.transactionId, format);
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('not_found');
    }
    expect((await receipt(alice, '00000000-0000-4000-8000-000000000000', 'pdf')).statusCode).toBe(404);
    expect((await receipt(alice, 'not-a-uuid', 'pdf')).statusCode).toBe(400);
    const operator = await registerStaff(t.app, t.ctx.db, 'operator');
    expect(await receiptText(operator, line!.transactionId)).toContain(deposit.reference);
    expect((await receipt(alice, line!.transactionId, 'pdf')).headers['cache-control']).toBe(
      'private, no-store',
    );
  }, 30_000);

  it('a deposit by bank transfer names the sender and their bank', async () => {
    const account = await eventually(async () => {
      const body = (await get(t.app, alice, `/v1/wallets/${aliceWallet}/funding-account`)).json();
      return body.status === 'assigned' && body;
    });
    const sent = await t.app.inject({
      method: 'POST',
      url: '/sandbox/bank-transfers',
      payload: {
        accountNumber: account.accountNumber,
        amount: 250_050,
        senderName: 'ADA OBI',
        senderBank: 'GTBank',
      },
    });
    expect(sent.statusCode, sent.body).toBe(202);
    await t.ctx.paystack?.sim?.settle();
    const line = await eventually(async () =>
      (await lines(alice, aliceWallet)).find((l) => l.subject?.channel === 'bank_transfer'),
    );
    const text = await receiptText(alice, line.transactionId);
    expect(text).toContain('Deposit by bank transfer receipt');
    expect(text).toContain('₦2,500.50');
    expect(text).toContain('ADA OBI');
    expect(text).toContain('GTBank');
  }, 30_000);

  it('a transfer: sent for the sender, received for the recipient, each with the other name', async () => {
    const bobWallet = (await walletOf(t.app, bob)).id;
    const sent = await post(t.app, alice, '/v1/transfers', {
      fromWalletId: aliceWallet,
      to: { walletId: bobWallet },
      amount: 150_000,
      narration: 'Rent share',
    });
    expect(sent.statusCode, sent.body).toBe(201);
    const out = (await lines(alice, aliceWallet)).find((l) => l.type === 'transfer_out')!;
    const into = (await lines(bob, bobWallet)).find((l) => l.type === 'transfer_in')!;
    expect(into.transactionId).toBe(out.transactionId);
    const sender = await receiptText(alice, out.transactionId);
    expect(sender).toContain('Transfer sent receipt');
    expect(sender).toMatch(/-₦1,500\.00/);
    expect(sender).toContain('Bob Bello');
    expect(sender).toContain('Rent share');
    const recipient = await receiptText(bob, into.transactionId);
    expect(recipient).toContain('Transfer received receipt');
    expect(recipient).toMatch(/\+₦1,500\.00/);
    expect(recipient).toContain('Alice Adeyemi');
  }, 30_000);

  it('a withdrawal: amount, fee, total, bank and the masked account', async () => {
    const res = await post(t.app, alice, `/v1/wallets/${aliceWallet}/withdrawals`, {
      amount: 200_000,
      bankCode: '058',
      accountNumber: '0123456789',
    });
    expect(res.statusCode, res.body).toBe(202);
    const w = res.json();
    await eventually(async () => {
      await t.ctx.paystack?.sim?.settle();
      return (await get(t.app, alice, `/v1/withdrawals/${w.id}`)).json().status === 'succeeded';
    }, 15_000);
    const line = (await lines(alice, aliceWallet)).find((l) => l.subject?.withdrawalId === w.id)!;
    const text = await receiptText(alice, line.transactionId);
    expect(text).toContain('Withdrawal receipt');
    expect(text).toContain('Amount ₦2,000.00');
    expect(text).toContain('Fee ₦10.00');
    expect(text).toContain('Total ₦2,010.00');
    expect(text).toContain(w.reference);
    expect(text).toContain('******6789');
    expect(text).not.toContain('0123456789');
    expect(text).toContain('Successful');
  }, 30_000);

  it('an electricity payment: the token in fours, units, the customer name and address', async () => {
    const p = await billPayment('1111111111111', 100_000, ['succeeded', 'failed', 'needs_review']);
    expect(p.status).toBe('succeeded');
    const line = (await lines(alice, aliceWallet)).find((l) => l.subject?.paymentId === p.id)!;
    expect(line.type).toBe('bill_payment');
    const text = await receiptText(alice, line.transactionId);
    expect(text).toContain('Bill payment receipt');
    expect(text).toContain(`Amount ${formatMoney(BigInt(p.amount), 'NGN')}`);
    expect(text).toContain(`Fee ${formatMoney(BigInt(p.fee), 'NGN')}`);
    expect(text).toContain(`Total ${formatMoney(BigInt(p.total), 'NGN')}`);
    expect(text).toContain('Amount ₦1,000.00');
    expect(text).toContain(p.id);
    const token = String(p.token).match(/\d{4}/g)!.join(' ');
    expect(token).toMatch(/^\d{4}( \d{4}){4}$/);
    expect(text).toContain(token);
    expect(text).toContain(`${p.units} kWh`);
    expect(p.customerName).toBeTruthy();
    expect(text).toContain(p.customerName);
    expect(typeof p.receipt?.customerAddress).toBe('string');
    expect(text).toContain(p.receipt.customerAddress);
  }, 30_000);

  it('a failed payment reads as failed with the money returned; a reversed one shows no token, and its refund', async () => {
    const failed = await billPayment('3333333333333', 100_000, ['failed', 'succeeded', 'needs_review']);
    expect(failed.status).toBe('failed');
    const failedLine = (await lines(alice, aliceWallet)).find((l) => l.subject?.paymentId === failed.id)!;
    expect(failedLine.status).toBe('released');
    const failedText = await receiptText(alice, failedLine.transactionId);
    expect(failedText).toContain('Failed · money returned');
    expect(failedText).toContain(failed.id);
    expect(failedText).not.toContain('Token');

    const reversed = await billPayment('4444444444444', 120_000, ['reversed', 'failed', 'needs_review']);
    expect(reversed.status).toBe('reversed');
    const ofPayment = (await lines(alice, aliceWallet)).filter((l) => l.subject?.paymentId === reversed.id);
    const paid = ofPayment.find((l) => l.type === 'bill_payment')!;
    const refund = ofPayment.find((l) => l.type === 'refund')!;
    const paidText = await receiptText(alice, paid.transactionId);
    expect(paidText).toContain('Reversed · refunded');
    expect(paidText).not.toContain('Token');
    const refundText = await receiptText(alice, refund.transactionId);
    expect(refundText).toContain('Refund receipt');
    expect(refundText).toContain('Refunded');
    expect(refundText).toContain(formatMoney(BigInt(refund.amount), 'NGN'));
  }, 40_000);
});
