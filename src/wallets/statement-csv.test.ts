import { describe, expect, it } from 'vitest';
import { counterpartyCell, csvText, statementRow, subjectOf, type WalletLine } from './history.js';

const line = (over: Partial<WalletLine>): WalletLine => ({
  id: '1',
  transactionId: 't',
  type: 'transfer_out',
  direction: 'debit',
  amount: 50_000n,
  currency: 'NGN',
  balanceAfter: 150_000n,
  status: 'completed',
  counterparty: { name: 'Bob Bello' },
  subject: null,
  description: 'Rent share',
  reference: 'TRF-1',
  createdAt: '2026-01-02T03:04:05.000Z',
  ...over,
});

describe('CSV statement', () => {
  it('writes debit amounts as plain numbers a spreadsheet reads as numbers', () => {
    expect(statementRow(line({}))).toBe(
      '2026-01-02T03:04:05.000Z,transfer_out,Rent share,TRF-1,Bob Bello,debit,-500.00,NGN,1500.00,completed',
    );
    const cells = statementRow(line({ amount: 1n, balanceAfter: 0n })).split(',');
    expect(cells[6]).toBe('-0.01');
    expect(cells[8]).toBe('0.00');
    expect(statementRow(line({ direction: 'credit', amount: 123_45n })).split(',')[6]).toBe('123.45');
  });

  it('still neutralises text cells that start like a formula', () => {
    for (const [raw, cell] of [
      ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
      ['+2+3', `"'+2+3"`],
      ['-2+3', `"'-2+3"`],
      ['@SUM(A1)', `"'@SUM(A1)"`],
      ['\tcmd', `"'\tcmd"`],
      ['\rcmd', `"'\rcmd"`],
      ['a, b', '"a, b"'],
      ['say "hi"', '"say ""hi"""'],
      ['plain 1-2', 'plain 1-2'],
    ] as const) {
      expect(csvText(raw), raw).toBe(cell);
    }
    const row = statementRow(line({ description: '-1+1', counterparty: { name: '=cmd|x' } }));
    expect(row).toContain(`,"'-1+1",`);
    expect(row).toContain(`,"'=cmd|x",`);
    expect(row).toContain(',-500.00,');
  });
});

describe('statement line subjects', () => {
  it('names the bill, the bank with a masked account, the deposit channel and sender, the other wallet', () => {
    expect(
      subjectOf('bill_payment', {
        paymentId: 'p1',
        biller: { name: 'Ikeja Electric' },
        customerRef: '1111111111111',
        counterparty: { name: 'Ikeja Electric' },
      }),
    ).toEqual({
      kind: 'bill_payment',
      paymentId: 'p1',
      billerName: 'Ikeja Electric',
      customerReference: '1111111111111',
    });
    expect(
      subjectOf('withdrawal', {
        withdrawalId: 'w1',
        bank: { name: 'Wema Bank' },
        accountNumber: '0123456789',
      }),
    ).toEqual({ kind: 'withdrawal', withdrawalId: 'w1', bankName: 'Wema Bank', accountNumber: '******6789' });
    expect(
      subjectOf('deposit', {
        depositId: 'd1',
        channel: 'bank_transfer',
        sender: { name: 'ADA OBI', bank: 'GTBank' },
      }),
    ).toEqual({
      kind: 'deposit',
      depositId: 'd1',
      channel: 'bank_transfer',
      senderName: 'ADA OBI',
      senderBank: 'GTBank',
    });
    // A card deposit written before channels were recorded reads as a card deposit.
    expect(subjectOf('deposit', { depositId: 'd2' })).toEqual({
      kind: 'deposit',
      depositId: 'd2',
      channel: 'card',
    });
    expect(subjectOf('transfer_in', { from: { walletId: 'w9', name: 'Bob' } })).toEqual({
      kind: 'transfer',
      walletId: 'w9',
    });
    expect(subjectOf('adjustment', {})).toBeNull();
  });

  it('puts the bank and the masked account in the statement counterparty cell, never the full number', () => {
    const cell = counterpartyCell(
      line({
        type: 'withdrawal',
        counterparty: { name: 'ADA OBI' },
        subject: { kind: 'withdrawal', bankName: 'Wema Bank', accountNumber: '******6789' },
      }),
    );
    expect(cell).toBe('ADA OBI · Wema Bank ******6789');
    expect(
      counterpartyCell(
        line({
          type: 'deposit',
          counterparty: null,
          subject: { kind: 'deposit', channel: 'bank_transfer', senderName: 'ADA OBI', senderBank: 'GTBank' },
        }),
      ),
    ).toBe('ADA OBI · GTBank');
  });
});
