import { useRef } from 'preact/hooks';
import { AmountField, checkAmount, QuickAmounts } from '../../components/AmountField';
import { Icon } from '../../components/icons';
import { Button, Card, cx, focusFirstError, Money, TextField } from '../../components/ui';
import type { Biller, BillerProduct, CustomerValidation } from '../../lib/types';
import { formatMoney } from '../../money';
import { QUOTE_TYPING_PAUSE_MS, quoteRequest, useQuote } from './quote';
import type { BillsAction, BillsState, Draft, FieldErrors } from './reducer';

const KIND_LABELS: Record<string, string> = {
  prepaid: 'Prepaid',
  postpaid: 'Postpaid',
  airtime: 'Airtime',
  bundle: 'Bundle',
  bouquet: 'Bouquet',
};

/** One-tap amounts (kobo): airtime and data in small steps, bills in larger ones. */
const QUICK_AMOUNTS: Record<string, readonly number[]> = {
  airtime: [10_000, 20_000, 50_000, 100_000, 200_000],
  data: [10_000, 20_000, 50_000, 100_000, 200_000],
  default: [100_000, 200_000, 500_000, 1_000_000, 2_000_000],
};

/** Prepaid first (what most people buy), then postpaid and the rest, in the catalogue's order otherwise. */
const KIND_ORDER = ['prepaid', 'postpaid', 'airtime', 'bundle', 'bouquet'];
const kindRank = (kind: string) => {
  const i = KIND_ORDER.indexOf(kind);
  return i === -1 ? KIND_ORDER.length : i;
};

const PHONE = /^\+?\d{10,14}$/;
/** The number a token is texted to: a Nigerian mobile number, as the API accepts it. */
const TOKEN_PHONE = /^(0|\+?234)[789][01]\d{8}$/;

/** Customer references are digits; people paste them with spaces or dashes. */
export function cleanRef(value: string): string {
  return value.replace(/[\s-]/g, '');
}

export function refProblem(label: string, ref: string): string | undefined {
  if (ref === '') return `Enter the ${label.toLowerCase()}`;
  if (label === 'Phone number') {
    if (!PHONE.test(ref)) return 'Enter a phone number like 08031234567';
    return undefined;
  }
  if (!/^\d{6,20}$/.test(ref)) return `A ${label.toLowerCase()} is 6 to 20 digits`;
  return undefined;
}

/** The smallest amount allowed: the product's, or the customer's own minimum when higher. */
function minimumAmount(product: BillerProduct, customer: CustomerValidation | null): number | null {
  return Math.max(product.minAmount ?? 0, customer?.minimumAmount ?? 0) || null;
}

/** The amount as it stands, or null while what is typed is not an amount. */
function typedAmount(product: BillerProduct, amountText: string, currency: string): bigint | null {
  if (product.fixedAmount !== null) return BigInt(product.fixedAmount);
  const checked = checkAmount(amountText, currency);
  return typeof checked === 'string' ? null : checked;
}

/** The form's fields checked on submit: the errors to show, or what the draft needs. */
function checkDetails(
  state: BillsState,
  product: BillerProduct,
  refLabel: string,
  currency: string,
): { errors: FieldErrors } | { customerRef: string; amount: bigint; phone: string } {
  const errors: FieldErrors = {};
  const customerRef = cleanRef(state.customerRef);
  const refError = refProblem(refLabel, customerRef);
  if (refError) errors.customerRef = refError;
  const amount =
    product.fixedAmount !== null
      ? BigInt(product.fixedAmount)
      : checkAmount(state.amountText, currency, {
          min: minimumAmount(product, state.customer),
          max: product.maxAmount,
        });
  if (typeof amount === 'string') errors.amount = amount;
  const phone = state.phone.replace(/[\s-]/g, '');
  if (phone && !TOKEN_PHONE.test(phone)) errors.phone = 'Enter a Nigerian mobile number like 08031234567';
  if (Object.keys(errors).length || typeof amount === 'string') return { errors };
  return { customerRef, amount, phone };
}

function CustomerDetails({ customer, currency }: { customer: CustomerValidation; currency: string }) {
  return (
    <div class={cx('customer', !customer.canVend && 'customer-blocked')} data-testid="customer-details">
      <Icon name={customer.canVend ? 'check' : 'x'} />
      <div>
        <strong data-testid="customer-name">{customer.customerName}</strong>
        {customer.address && <div class="muted">{customer.address}</div>}
        <div class="muted small">
          {[
            customer.meterType && `${customer.meterType} meter`,
            customer.arrears ? `Arrears ${formatMoney(customer.arrears, currency)}` : null,
            customer.minimumAmount ? `Minimum ${formatMoney(customer.minimumAmount, currency)}` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </div>
        {!customer.canVend && <div class="field-error">This account cannot be paid right now.</div>}
      </div>
    </div>
  );
}

/** The fee and total for the amount as typed, quoted by the server once the typing pauses. */
function FeePreview({
  biller,
  product,
  amount,
  currency,
}: {
  biller: Biller;
  product: BillerProduct;
  amount: bigint | null;
  currency: string;
}) {
  const { quote } = useQuote(quoteRequest(biller.id, product.code, amount), QUOTE_TYPING_PAUSE_MS);
  if (!quote) return null;
  return (
    <div class="summary" aria-live="polite" data-testid="fee-preview">
      <div>
        <span>Fee</span>
        <Money amount={quote.fee} currency={currency} />
      </div>
      <div class="summary-total">
        <span>Total</span>
        <Money amount={quote.total} currency={currency} />
      </div>
    </div>
  );
}

function ProductChoice({
  biller,
  state,
  currency,
  dispatch,
}: {
  biller: Biller;
  state: BillsState;
  currency: string;
  dispatch: (action: BillsAction) => void;
}) {
  return (
    <fieldset class="fieldset">
      <legend class="field-label">Product</legend>
      <div class="radio-list">
        {[...biller.products]
          .sort((a, b) => kindRank(a.kind) - kindRank(b.kind))
          .map((p) => (
            <label
              key={p.code}
              class={cx('radio', state.productCode === p.code && 'selected')}
              data-testid={`product-${p.code}`}
              data-kind={p.kind}
            >
              <input
                type="radio"
                name="product"
                value={p.code}
                checked={state.productCode === p.code}
                onChange={() => dispatch({ type: 'productChosen', product: p, currency })}
              />
              <span>
                <span class="radio-title">{p.name}</span>
                <span class="muted small">
                  {KIND_LABELS[p.kind] ?? p.kind}
                  {p.fixedAmount !== null
                    ? ` · ${formatMoney(p.fixedAmount, currency)}`
                    : ` · ${formatMoney(p.minAmount, currency)} – ${formatMoney(p.maxAmount, currency)}`}
                </span>
              </span>
            </label>
          ))}
      </div>
      {state.errors.product && <p class="field-error">{state.errors.product}</p>}
    </fieldset>
  );
}

/**
 * Step 3: product, customer reference (verified with the biller), amount and, for electricity, a
 * phone for the token. Submitting checks everything, verifies the customer if needed and opens the
 * review.
 */
export function DetailsStep({
  state,
  biller,
  product,
  currency,
  dispatch,
  verify,
}: {
  state: BillsState;
  biller: Biller;
  product: BillerProduct | null;
  currency: string;
  dispatch: (action: BillsAction) => void;
  /** Asks the biller who `customerRef` is; null when it refused (the error is in the state). */
  verify: (biller: Biller, product: BillerProduct, customerRef: string) => Promise<CustomerValidation | null>;
}) {
  const form = useRef<HTMLFormElement>(null);
  const needsValidation = biller.category !== 'airtime';

  const review = async (event: Event) => {
    event.preventDefault();
    if (!product) return;
    const checked = checkDetails(state, product, biller.customerRefLabel, currency);
    if ('errors' in checked) {
      dispatch({ type: 'errorsFound', errors: checked.errors });
      return focusFirstError(form.current);
    }
    dispatch({ type: 'errorsFound', errors: {} });
    let customer = state.customer;
    if (needsValidation && !customer) {
      customer = await verify(biller, product, checked.customerRef);
      if (!customer) return focusFirstError(form.current);
    }
    if (customer && !customer.canVend) {
      dispatch({
        type: 'errorsFound',
        errors: {
          customerRef: 'This account cannot be paid right now. Check the number or contact your biller.',
        },
      });
      return focusFirstError(form.current);
    }
    const draft: Draft = {
      biller,
      product,
      customerRef: checked.customerRef,
      customer,
      amount: checked.amount,
      ...(checked.phone ? { phone: checked.phone } : {}),
    };
    dispatch({ type: 'reviewOpened', draft });
  };

  const verifyNow = () => {
    if (!product) return;
    const ref = cleanRef(state.customerRef);
    const problem = refProblem(biller.customerRefLabel, ref);
    if (problem) {
      dispatch({ type: 'errorsFound', errors: { ...state.errors, customerRef: problem } });
      return focusFirstError(form.current);
    }
    void verify(biller, product, ref);
  };

  const minimum = product ? minimumAmount(product, state.customer) : null;
  return (
    <Card title="3. Details" testId="bill-details">
      <form ref={form} class="form" onSubmit={review} noValidate data-testid="bill-form">
        <ProductChoice biller={biller} state={state} currency={currency} dispatch={dispatch} />
        {product && (
          <>
            <div class="field-with-action">
              <TextField
                label={biller.customerRefLabel}
                name="customerRef"
                id="customerRef"
                value={state.customerRef}
                onValue={(text) => dispatch({ type: 'customerRefEdited', text })}
                inputMode="numeric"
                autoComplete="off"
                error={state.errors.customerRef || undefined}
              />
              {needsValidation && (
                <Button
                  variant="secondary"
                  loading={state.validating}
                  data-testid="validate-customer"
                  onClick={verifyNow}
                >
                  Verify
                </Button>
              )}
            </div>
            <div aria-live="polite">
              {state.customer && <CustomerDetails customer={state.customer} currency={currency} />}
            </div>
            {product.fixedAmount === null ? (
              <AmountField
                value={state.amountText}
                onValue={(text) => dispatch({ type: 'amountEdited', text })}
                currency={currency}
                error={state.errors.amount}
                hint={`Between ${formatMoney(minimum ?? product.minAmount, currency)} and ${formatMoney(product.maxAmount, currency)}`}
              />
            ) : null}
            {product.fixedAmount === null ? (
              <QuickAmounts
                amounts={QUICK_AMOUNTS[biller.category] ?? QUICK_AMOUNTS.default ?? []}
                currency={currency}
                min={minimum ?? product.minAmount}
                max={product.maxAmount}
                current={state.amountText}
                onPick={(text) => dispatch({ type: 'amountEdited', text })}
              />
            ) : (
              <p>
                Amount: <Money amount={product.fixedAmount} currency={currency} />
              </p>
            )}
            {biller.category === 'electricity' && (
              <TextField
                label="Send the token by SMS to"
                name="phone"
                id="tokenPhone"
                type="tel"
                inputMode="tel"
                value={state.phone}
                onValue={(text) => dispatch({ type: 'phoneEdited', text })}
                error={state.errors.phone}
                required={false}
                autoComplete="tel"
              />
            )}
            <FeePreview
              biller={biller}
              product={product}
              amount={typedAmount(product, state.amountText, currency)}
              currency={currency}
            />
            <Button type="submit" size="lg" block loading={state.validating} data-testid="bill-review-button">
              Review payment
            </Button>
          </>
        )}
      </form>
    </Card>
  );
}
