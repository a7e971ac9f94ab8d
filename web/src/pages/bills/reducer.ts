/**
 * The bills page as one state machine: choose a category, a provider, fill in the details, review.
 * Pure: every change the page makes goes through `billsReducer`, so what clears what is decided (and
 * tested) here rather than spread over the components' event handlers.
 */
import type { BillCategory, Biller, BillerProduct, CustomerValidation, SavedCustomer } from '../../lib/types';
import { currencyExponent, toMajorString } from '../../money';

export type BillField = 'product' | 'customerRef' | 'amount' | 'phone';
export type FieldErrors = Partial<Record<BillField, string>>;

/** A payment ready to review: everything checked, the amount in minor units. */
export interface Draft {
  biller: Biller;
  product: BillerProduct;
  customerRef: string;
  customer: CustomerValidation | null;
  amount: bigint;
  phone?: string;
}

export interface BillsState {
  category: BillCategory | null;
  billerId: string | null;
  productCode: string | null;
  /** As typed (spaces and dashes are cleaned when checked). */
  customerRef: string;
  /** The biller's answer for `customerRef`; null until verified, and again once it changes. */
  customer: CustomerValidation | null;
  validating: boolean;
  amountText: string;
  phone: string;
  errors: FieldErrors;
  /** Set: the review step. */
  draft: Draft | null;
  /** A saved customer being loaded for "Pay again". */
  payAgain: SavedCustomer | null;
  payAgainError: string | null;
}

export type BillsStep = 'category' | 'provider' | 'details' | 'review';

export type BillsAction =
  | { type: 'categoryChosen'; category: BillCategory }
  | { type: 'billerChosen'; biller: Biller }
  | { type: 'billerCleared' }
  | { type: 'productChosen'; product: BillerProduct; currency: string }
  | { type: 'customerRefEdited'; text: string }
  | { type: 'amountEdited'; text: string }
  | { type: 'phoneEdited'; text: string }
  | { type: 'validationStarted' }
  | { type: 'validationSucceeded'; customer: CustomerValidation }
  | { type: 'validationFailed'; message: string }
  | { type: 'errorsFound'; errors: FieldErrors }
  | { type: 'reviewOpened'; draft: Draft }
  | { type: 'reviewClosed' }
  | { type: 'payAgainRequested'; saved: SavedCustomer }
  | { type: 'payAgainFailed'; message: string }
  | { type: 'prefilled'; category: BillCategory; billerId: string; productCode: string; customerRef: string };

export const initialBillsState: BillsState = {
  category: null,
  billerId: null,
  productCode: null,
  customerRef: '',
  customer: null,
  validating: false,
  amountText: '',
  phone: '',
  errors: {},
  draft: null,
  payAgain: null,
  payAgainError: null,
};

/** The step on screen: each one shows once everything before it is chosen. */
export function currentStep(state: BillsState): BillsStep {
  if (state.draft) return 'review';
  if (state.billerId) return 'details';
  if (state.category) return 'provider';
  return 'category';
}

/** Everything after the provider depends on it: a new one starts the details afresh. */
function withBiller(state: BillsState, biller: Biller | null): BillsState {
  const only = biller?.products.length === 1 ? (biller.products[0]?.code ?? null) : null;
  return { ...state, billerId: biller?.id ?? null, productCode: only, customer: null, errors: {} };
}

export function billsReducer(state: BillsState, action: BillsAction): BillsState {
  switch (action.type) {
    case 'categoryChosen':
      // A meter number means nothing as a phone number (nor the other way round): another category starts afresh.
      return {
        ...withBiller(state, null),
        category: action.category,
        customerRef: action.category === state.category ? state.customerRef : '',
      };
    case 'billerChosen':
      return action.biller.id === state.billerId ? state : withBiller(state, action.biller);
    case 'billerCleared':
      return withBiller(state, null);
    case 'productChosen': {
      const fixed = action.product.fixedAmount;
      const amountText =
        fixed === null ? state.amountText : toMajorString(fixed, currencyExponent(action.currency));
      return { ...state, productCode: action.product.code, customer: null, amountText };
    }
    case 'customerRefEdited':
      return { ...state, customerRef: action.text, customer: null };
    case 'amountEdited':
      return { ...state, amountText: action.text };
    case 'phoneEdited':
      return { ...state, phone: action.text };
    case 'validationStarted':
      return { ...state, validating: true, errors: { ...state.errors, customerRef: '' } };
    case 'validationSucceeded':
      return { ...state, validating: false, customer: action.customer };
    case 'validationFailed':
      return {
        ...state,
        validating: false,
        customer: null,
        errors: { ...state.errors, customerRef: action.message },
      };
    case 'errorsFound':
      return { ...state, errors: action.errors };
    case 'reviewOpened':
      return { ...state, draft: action.draft, payAgain: null };
    case 'reviewClosed':
      return { ...state, draft: null };
    case 'payAgainRequested':
      return { ...state, payAgain: action.saved, payAgainError: null };
    case 'payAgainFailed':
      return { ...state, payAgain: null, payAgainError: action.message };
    case 'prefilled':
      // A linked account never paid from here: the form, filled in up to the amount.
      return {
        ...initialBillsState,
        phone: state.phone,
        category: action.category,
        billerId: action.billerId,
        productCode: action.productCode,
        customerRef: action.customerRef,
      };
  }
}
