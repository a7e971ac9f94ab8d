import { describe, expect, it } from 'vitest';
import type { PaystackClient } from '../paystack/index.js';
import { createPaystackFundingProvider } from './funding-provider.js';
import { nairaToKobo } from './funding-sandbox-page.js';
import { fundingAccountStates, inboundStates } from './funding-states.js';

const never: PaystackClient = {
  baseUrl: 'http://127.0.0.1:1',
  call: () => Promise.reject(new Error('not called')),
};
const provider = createPaystackFundingProvider(never);

const account = {
  id: 42,
  bank: { id: 20, name: 'Wema Bank', slug: 'wema-bank' },
  account_name: 'VENDRA/ADA OBI',
  account_number: '7800000001',
  currency: 'NGN',
};

describe('Paystack dedicated-account webhooks, read', () => {
  it('reads an assignment', () => {
    expect(
      provider.parseEvent({
        event: 'dedicatedaccount.assign.success',
        data: { customer: { customer_code: 'CUS_1' }, dedicated_account: account },
      }),
    ).toEqual({
      kind: 'assigned',
      customerRef: 'CUS_1',
      account: {
        accountRef: '42',
        bankName: 'Wema Bank',
        bankSlug: 'wema-bank',
        accountNumber: '7800000001',
        accountName: 'VENDRA/ADA OBI',
        currency: 'NGN',
      },
    });
  });

  it('reads a failed assignment, and refuses one without a customer', () => {
    expect(
      provider.parseEvent({
        event: 'dedicatedaccount.assign.failed',
        data: { customer: { customer_code: 'CUS_1' }, identification: { status: 'failed' } },
      }),
    ).toEqual({ kind: 'assign_failed', customerRef: 'CUS_1', reason: 'failed' });
    expect(provider.parseEvent({ event: 'dedicatedaccount.assign.failed', data: {} })).toBeUndefined();
  });

  it('reads a transfer to a dedicated account: receiver from metadata or authorization, amount only as a positive integer', () => {
    const base = {
      reference: 'R1',
      channel: 'dedicated_nuban',
      currency: 'NGN',
      authorization: { sender_name: 'ADA', sender_bank: 'GTBank', sender_bank_account_number: 'XXXXXX1234' },
    };
    expect(
      provider.parseEvent({
        event: 'charge.success',
        data: { ...base, amount: 5000, metadata: { receiver_account_number: '7800000001' } },
      }),
    ).toEqual({
      kind: 'inbound',
      reference: 'R1',
      accountNumber: '7800000001',
      amount: 5000n,
      currency: 'NGN',
      sender: { name: 'ADA', bank: 'GTBank', account: 'XXXXXX1234' },
    });
    const viaAuth = provider.parseEvent({
      event: 'charge.success',
      data: {
        ...base,
        amount: 10.5,
        authorization: { ...base.authorization, receiver_bank_account_number: '7800000002' },
      },
    });
    expect(viaAuth).toMatchObject({ accountNumber: '7800000002', amount: null });
    for (const amount of [0, -1, '100', 2 ** 60]) {
      const parsed = provider.parseEvent({
        event: 'charge.success',
        data: { ...base, amount, metadata: { receiver_account_number: '7800000001' } },
      });
      expect(parsed).toMatchObject({ amount: null });
    }
  });

  it('leaves card charges and other events alone', () => {
    expect(
      provider.parseEvent({ event: 'charge.success', data: { channel: 'card', reference: 'x' } }),
    ).toBeUndefined();
    expect(provider.parseEvent({ event: 'transfer.success', data: {} })).toBeUndefined();
  });
});

describe('the sandbox bank page amounts', () => {
  it.each([
    ['5000', 500000],
    ['1,500.50', 150050],
    ['0.5', 50],
    ['12.34', 1234],
  ])('%s naira is %d kobo', (text, kobo) => expect(nairaToKobo(text)).toBe(kobo));
  it.each(['0', '-5', '1.234', 'abc', '', '1e5'])('%s is refused', (text) =>
    expect(nairaToKobo(text)).toBeUndefined());
});

describe('state tables', () => {
  it.each([
    ['pending', 'assigned', true],
    ['pending', 'failed', true],
    ['failed', 'pending', true],
    ['failed', 'assigned', true],
    ['assigned', 'pending', false],
    ['assigned', 'failed', false],
  ] as const)('funding account %s -> %s: %s', (from, to, allowed) =>
    expect(fundingAccountStates.allows(from, to)).toBe(allowed));
  it.each([
    ['held', 'credited', true],
    ['held', 'returned', true],
    ['credited', 'held', false],
    ['credited', 'returned', false],
    ['returned', 'credited', false],
    ['returned', 'held', false],
  ] as const)('inbound transfer %s -> %s: %s', (from, to, allowed) =>
    expect(inboundStates.allows(from, to)).toBe(allowed));
});
