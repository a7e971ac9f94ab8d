import { describe, expect, it } from 'vitest';
import type { Biller, BillerProduct, CustomerValidation, SavedCustomer } from '../../lib/types';
import {
  type BillsAction,
  type BillsState,
  billsReducer,
  currentStep,
  type Draft,
  initialBillsState,
} from './reducer';

const prepaid: BillerProduct = {
  code: 'prepaid',
  name: 'Prepaid',
  kind: 'prepaid',
  fixedAmount: null,
  minAmount: 50000,
  maxAmount: 50000000,
};
const postpaid: BillerProduct = { ...prepaid, code: 'postpaid', name: 'Postpaid', kind: 'postpaid' };

function biller(id: string, products: BillerProduct[]): Biller {
  return {
    id,
    name: id,
    category: 'electricity',
    enabled: true,
    customerRefLabel: 'Meter number',
    minAmount: 50000,
    maxAmount: 50000000,
    fee: { type: 'flat', flat: 10000, percentBps: 0, cap: 0 },
    commissionBps: 100,
    commissionType: 'percent',
    commissionFlat: 0,
    products,
  };
}
const ikeja = biller('ikeja-electric', [prepaid, postpaid]);
const gotv = biller('gotv', [{ ...prepaid, code: 'gotv-max', kind: 'bouquet', fixedAmount: 850000 }]);

const customer: CustomerValidation = {
  customerName: 'Ada Obi',
  address: '1 Marina',
  meterType: 'prepaid',
  minimumAmount: null,
  arrears: null,
  canVend: true,
};

const draft: Draft = {
  biller: ikeja,
  product: prepaid,
  customerRef: '1111111111111',
  customer,
  amount: 150000n,
};

function run(...actions: BillsAction[]): BillsState {
  return actions.reduce(billsReducer, initialBillsState);
}

/** Category, provider, product and a verified customer: the details step, filled in. */
const filled: BillsAction[] = [
  { type: 'categoryChosen', category: 'electricity' },
  { type: 'billerChosen', biller: ikeja },
  { type: 'productChosen', product: prepaid, currency: 'NGN' },
  { type: 'customerRefEdited', text: '1111 1111 11111' },
  { type: 'validationStarted' },
  { type: 'validationSucceeded', customer },
  { type: 'amountEdited', text: '1,500' },
];

describe('billsReducer', () => {
  it('walks the steps in order: category, provider, details, review', () => {
    expect(currentStep(initialBillsState)).toBe('category');
    const chosen = run({ type: 'categoryChosen', category: 'electricity' });
    expect(currentStep(chosen)).toBe('provider');
    const details = billsReducer(chosen, { type: 'billerChosen', biller: ikeja });
    expect(currentStep(details)).toBe('details');
    const review = billsReducer(details, { type: 'reviewOpened', draft });
    expect(currentStep(review)).toBe('review');
    expect(currentStep(billsReducer(review, { type: 'reviewClosed' }))).toBe('details');
  });

  it('does not change the state it is given', () => {
    const before = run(...filled);
    const copy = structuredClone(before);
    billsReducer(before, { type: 'categoryChosen', category: 'cable' });
    billsReducer(before, { type: 'validationFailed', message: 'Unknown meter' });
    expect(before).toEqual(copy);
  });

  it('chooses the only product of a provider that has one, and none of one that has several', () => {
    expect(run({ type: 'billerChosen', biller: gotv }).productCode).toBe('gotv-max');
    expect(run({ type: 'billerChosen', biller: ikeja }).productCode).toBeNull();
  });

  it('clears what depended on an earlier choice when it changes', () => {
    const state = run(...filled, { type: 'errorsFound', errors: { amount: 'The minimum is ₦500.00' } });
    expect(state.customer).toEqual(customer);

    const otherCategory = billsReducer(state, { type: 'categoryChosen', category: 'cable' });
    expect(otherCategory).toMatchObject({
      category: 'cable',
      billerId: null,
      productCode: null,
      customer: null,
    });
    expect(otherCategory.errors).toEqual({});

    const otherBiller = billsReducer(state, { type: 'billerChosen', biller: gotv });
    expect(otherBiller).toMatchObject({ billerId: 'gotv', productCode: 'gotv-max', customer: null });

    const changed = billsReducer(state, { type: 'billerCleared' });
    expect(changed).toMatchObject({
      category: 'electricity',
      billerId: null,
      productCode: null,
      customer: null,
    });
    expect(currentStep(changed)).toBe('provider');

    // What was typed stays: choosing again does not make people type it again.
    expect(changed.customerRef).toBe('1111 1111 11111');
    expect(changed.amountText).toBe('1,500');
  });

  it('keeps everything when the chosen provider is chosen again', () => {
    const state = run(...filled);
    expect(billsReducer(state, { type: 'billerChosen', biller: ikeja })).toBe(state);
  });

  it('forgets the verified customer when the reference or the product changes', () => {
    const state = run(...filled);
    expect(billsReducer(state, { type: 'customerRefEdited', text: '2222222222222' }).customer).toBeNull();
    expect(
      billsReducer(state, { type: 'productChosen', product: postpaid, currency: 'NGN' }).customer,
    ).toBeNull();
  });

  it("fills in a fixed-price product's amount in major units of the wallet's currency", () => {
    const bouquet = gotv.products[0]!;
    expect(run({ type: 'productChosen', product: bouquet, currency: 'NGN' }).amountText).toBe('8500.00');
    expect(run({ type: 'productChosen', product: bouquet, currency: 'XOF' }).amountText).toBe('850000');
    const typed = run({ type: 'amountEdited', text: '2000' });
    expect(billsReducer(typed, { type: 'productChosen', product: prepaid, currency: 'NGN' }).amountText).toBe(
      '2000',
    );
  });

  it('tracks a verification: busy, then the customer or the refusal on the reference field', () => {
    const started = run(
      {
        type: 'errorsFound',
        errors: { customerRef: 'Enter the meter number', phone: 'Enter a phone number' },
      },
      { type: 'validationStarted' },
    );
    expect(started.validating).toBe(true);
    expect(started.errors).toEqual({ customerRef: '', phone: 'Enter a phone number' });

    const found = billsReducer(started, { type: 'validationSucceeded', customer });
    expect(found).toMatchObject({ validating: false, customer });

    const refused = billsReducer(found, { type: 'validationFailed', message: 'Meter not found' });
    expect(refused).toMatchObject({ validating: false, customer: null });
    expect(refused.errors).toEqual({ customerRef: 'Meter not found', phone: 'Enter a phone number' });
  });

  it('replaces the errors shown with the latest check', () => {
    const state = run({ type: 'errorsFound', errors: { amount: 'Enter an amount' } });
    expect(
      billsReducer(state, { type: 'errorsFound', errors: { phone: 'Enter a phone number' } }).errors,
    ).toEqual({
      phone: 'Enter a phone number',
    });
    expect(billsReducer(state, { type: 'errorsFound', errors: {} }).errors).toEqual({});
  });

  it('keeps the form as it was when the review is closed', () => {
    const form = run(...filled);
    const back = billsReducer(billsReducer(form, { type: 'reviewOpened', draft }), { type: 'reviewClosed' });
    expect(back).toEqual(form);
  });

  it('loads "Pay again" into the review, or says why it cannot', () => {
    const saved: SavedCustomer = {
      billerId: 'ikeja-electric',
      billerName: 'Ikeja Electric',
      category: 'electricity',
      productCode: 'prepaid',
      customerRef: '1111111111111',
      customerName: 'Ada Obi',
      lastAmount: 150000,
      lastPaidAt: '2026-12-01T10:00:00.000Z',
    };
    const asked = run({ type: 'payAgainFailed', message: 'earlier' }, { type: 'payAgainRequested', saved });
    expect(asked).toMatchObject({ payAgain: saved, payAgainError: null });

    const ready = billsReducer(asked, { type: 'reviewOpened', draft });
    expect(ready).toMatchObject({ payAgain: null, draft });
    expect(currentStep(ready)).toBe('review');

    const failed = billsReducer(asked, { type: 'payAgainFailed', message: 'Ikeja Electric is unavailable' });
    expect(failed).toMatchObject({
      payAgain: null,
      payAgainError: 'Ikeja Electric is unavailable',
      draft: null,
    });
  });
});
