import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { AmountField, checkAmount } from '../components/AmountField';
import { Icon, type IconName } from '../components/icons';
import { defaultWallet } from '../components/WalletCard';
import {
  Alert,
  Button,
  Card,
  cx,
  DefinitionList,
  EmptyState,
  focusFirstError,
  LoadError,
  Money,
  PageHeader,
  Skeleton,
  StatusBadge,
  TextField,
} from '../components/ui';
import { ApiError, api, errorMessage } from '../lib/api';
import { CATEGORY_LABELS, formatDateTime } from '../lib/format';
import { useAsync, useIdempotencyKey, useStepFocus, useTitle } from '../lib/hooks';
import { Link, navigate } from '../lib/router';
import { useSession } from '../lib/session';
import type {
  BillCategory,
  BillPayment,
  Biller,
  BillerProduct,
  CustomerValidation,
  Page,
  Quote,
  SavedCustomer,
} from '../lib/types';
import { useWallets } from '../lib/wallets';
import { computeFee, currencyExponent, formatMoney, toJsonAmount, toMajorString } from '../money';

const CATEGORIES: { id: BillCategory; icon: IconName; blurb: string }[] = [
  { id: 'electricity', icon: 'bolt', blurb: 'Prepaid tokens and postpaid bills' },
  { id: 'airtime', icon: 'phone', blurb: 'Top up any network' },
  { id: 'data', icon: 'wifi', blurb: 'Data bundles' },
  { id: 'cable', icon: 'tv', blurb: 'DStv, GOtv and more' },
];

const KIND_LABELS: Record<string, string> = {
  prepaid: 'Prepaid',
  postpaid: 'Postpaid',
  airtime: 'Airtime',
  bundle: 'Bundle',
  bouquet: 'Bouquet',
};

/** Customer references are digits; people paste them with spaces or dashes. */
function cleanRef(value: string): string {
  return value.replace(/[\s-]/g, '');
}

function refProblem(label: string, ref: string): string | undefined {
  if (ref === '') return `Enter the ${label.toLowerCase()}`;
  if (label === 'Phone number') {
    if (!/^\+?\d{10,14}$/.test(ref)) return 'Enter a phone number like 08031234567';
    return undefined;
  }
  if (!/^\d{6,20}$/.test(ref)) return `A ${label.toLowerCase()} is 6 to 20 digits`;
  return undefined;
}

interface Draft {
  biller: Biller;
  product: BillerProduct;
  customerRef: string;
  customer: CustomerValidation | null;
  amount: bigint;
  phone?: string;
}

function SavedMeters({ onPayAgain }: { onPayAgain: (saved: SavedCustomer) => void }) {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<{ data: SavedCustomer[] }>('/v1/saved-customers', { signal }),
    [],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton lines={2} />;
  if (!data?.data.length) return null;
  return (
    <Card title="Pay again" testId="saved-customers">
      <ul class="saved-list">
        {data.data.map((s) => (
          <li key={`${s.billerId}-${s.productCode}-${s.customerRef}`} class="saved">
            <div class="saved-main">
              <span class="saved-name">{s.customerName ?? s.customerRef}</span>
              <span class="muted small">
                {s.billerName} · {s.customerRef}
              </span>
              <span class="muted small">
                Last paid {formatMoney(s.lastAmount, 'NGN')} on {formatDateTime(s.lastPaidAt)}
              </span>
            </div>
            <Button
              size="sm"
              onClick={() => onPayAgain(s)}
              data-testid={`pay-again-${s.customerRef}`}
              aria-label={`Pay again: ${s.billerName} ${s.customerRef}`}
            >
              Pay again
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function RecentPayments() {
  const { data, error, loading, reload } = useAsync(
    (signal) => api.get<Page<BillPayment>>('/v1/bill-payments?limit=5', { signal }),
    [],
  );
  if (error) return <LoadError error={error} onRetry={reload} />;
  if (loading && !data) return <Skeleton lines={2} />;
  if (!data?.data.length) return null;
  return (
    <Card title="Recent bill payments" testId="recent-bill-payments">
      <ul class="lines">
        {data.data.map((p) => (
          <li key={p.id}>
            <Link href={`/bills/payments/${p.id}`} class="line">
              <span class="line-icon" aria-hidden="true">
                <Icon name="bolt" size={18} />
              </span>
              <span class="line-main">
                <span class="line-title">{p.billerName}</span>
                <span class="line-meta">
                  {p.customerRef} · {formatDateTime(p.createdAt)}
                </span>
              </span>
              <span class="line-side">
                <Money amount={p.total} currency={p.currency} />
                <StatusBadge status={p.status} />
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  );
}

function Review({ draft, onBack }: { draft: Draft; onBack: () => void }) {
  const { wallets } = useWallets();
  const wallet = defaultWallet(wallets);
  const currency = wallet?.currency ?? 'NGN';
  const localFee = computeFee(draft.amount, draft.biller.fee);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [quoteError, setQuoteError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const payload = {
    walletId: wallet?.id,
    billerId: draft.biller.id,
    productCode: draft.product.code,
    customerRef: draft.customerRef,
    amount: toJsonAmount(draft.amount),
    ...(draft.phone ? { phone: draft.phone } : {}),
  };
  const { key, settle } = useIdempotencyKey(JSON.stringify(payload));

  useEffect(() => {
    let cancelled = false;
    api
      .post<Quote>('/v1/bill-payments/quote', {
        billerId: draft.biller.id,
        productCode: draft.product.code,
        amount: toJsonAmount(draft.amount),
      })
      .then((q) => !cancelled && setQuote(q))
      .catch((e) => {
        if (cancelled) return;
        // Without a quote we show the fee computed from the biller's rule; a refusal is shown.
        if (!(e instanceof ApiError && e.status === 404)) setQuoteError(errorMessage(e));
      });
    return () => {
      cancelled = true;
    };
  }, [draft]);

  const fee = quote ? BigInt(quote.fee) : localFee;
  const total = quote ? BigInt(quote.total) : draft.amount + localFee;
  const short = wallet ? BigInt(wallet.available) < total : true;

  const pay = async () => {
    if (!wallet) return;
    setBusy(true);
    setFailure(null);
    try {
      const created = await api.post<{ id: string; status: string }>('/v1/bill-payments', payload, {
        idempotencyKey: key,
      });
      settle();
      navigate(`/bills/payments/${created.id}`);
    } catch (e) {
      settle(e);
      setFailure(errorMessage(e));
      setBusy(false);
    }
  };

  return (
    <Card title="Confirm payment" testId="bill-review">
      <DefinitionList
        items={[
          ['Biller', draft.biller.name],
          ['Product', draft.product.name],
          [draft.biller.customerRefLabel, <span class="mono">{draft.customerRef}</span>],
          ...(draft.customer
            ? ([
                [
                  'Customer',
                  <strong data-testid="review-customer-name">{draft.customer.customerName}</strong>,
                ],
              ] as [string, ComponentChildren][])
            : []),
          ...(draft.customer?.address ? ([['Address', draft.customer.address]] as [string, string][]) : []),
          ['Amount', <Money amount={draft.amount} currency={currency} testId="review-amount" />],
          ['Fee', <Money amount={fee} currency={currency} testId="bill-fee" />],
          [
            'Total',
            <strong>
              <Money amount={total} currency={currency} testId="bill-total" />
            </strong>,
          ],
          [
            'From',
            wallet
              ? `${wallet.currency} wallet · ${formatMoney(wallet.available, wallet.currency)} available`
              : '—',
          ],
        ]}
      />
      {quoteError && <Alert kind="error">{quoteError}</Alert>}
      {short && !quoteError && (
        <Alert kind="warning">
          Your available balance is not enough for this payment. <Link href="/deposit">Add money</Link> first.
        </Alert>
      )}
      {failure && <Alert testId="form-error">{failure}</Alert>}
      <div class="row row-end">
        <Button variant="ghost" onClick={onBack} disabled={busy}>
          Back
        </Button>
        <Button
          size="lg"
          onClick={pay}
          loading={busy}
          disabled={short || !!quoteError}
          data-testid="bill-pay"
        >
          Pay {formatMoney(total, currency)}
        </Button>
      </div>
    </Card>
  );
}

export function BillsPage() {
  useTitle('Pay bills');
  const { user } = useSession();
  const [category, setCategory] = useState<BillCategory | null>(null);
  const [billerId, setBillerId] = useState<string | null>(null);
  const [productCode, setProductCode] = useState<string | null>(null);
  const [customerRef, setCustomerRef] = useState('');
  const [customer, setCustomer] = useState<CustomerValidation | null>(null);
  const [validating, setValidating] = useState(false);
  const [amountText, setAmountText] = useState('');
  const [phone, setPhone] = useState(user?.phone ?? '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [draft, setDraft] = useState<Draft | null>(null);
  const [pendingSaved, setPendingSaved] = useState<SavedCustomer | null>(null);
  const [savedError, setSavedError] = useState<string | null>(null);
  const form = useRef<HTMLFormElement>(null);
  const { wallets } = useWallets();
  const wallet = defaultWallet(wallets);
  const currency = wallet?.currency ?? 'NGN';
  useStepFocus(draft ? 'review' : 'form');

  const billers = useAsync(
    async (signal) =>
      category
        ? (await api.get<{ data: Biller[] }>(`/v1/billers?category=${category}`, { signal })).data
        : [],
    [category],
  );
  const biller = billers.data?.find((b) => b.id === billerId) ?? null;
  const product = biller?.products.find((p) => p.code === productCode) ?? null;

  // Choosing something earlier in the flow clears what depended on it.
  const chooseCategory = (c: BillCategory) => {
    setCategory(c);
    setBillerId(null);
    setProductCode(null);
    setCustomer(null);
    setErrors({});
  };
  const chooseBiller = (b: Biller) => {
    if (b.id === billerId) return;
    setBillerId(b.id);
    requestAnimationFrame(() =>
      document
        .querySelector('[data-testid="bill-details"]')
        ?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
    );
    setProductCode(b.products.length === 1 ? (b.products[0]?.code ?? null) : null);
    setCustomer(null);
    setErrors({});
  };
  const chooseProduct = (p: BillerProduct) => {
    setProductCode(p.code);
    setCustomer(null);
    if (p.fixedAmount !== null) setAmountText(toMajorString(p.fixedAmount, currencyExponent(currency)));
  };

  const validate = async (b: Biller, p: BillerProduct, ref: string): Promise<CustomerValidation | null> => {
    setValidating(true);
    setErrors((e) => ({ ...e, customerRef: '' }));
    try {
      const result = await api.post<CustomerValidation>(`/v1/billers/${b.id}/validate`, {
        productCode: p.code,
        customerRef: ref,
      });
      setCustomer(result);
      return result;
    } catch (e) {
      setCustomer(null);
      setErrors((prev) => ({ ...prev, customerRef: errorMessage(e) }));
      return null;
    } finally {
      setValidating(false);
    }
  };

  // "Pay again": load the saved biller, check the customer, then go straight to the review.
  useEffect(() => {
    if (!pendingSaved) return;
    let cancelled = false;
    (async () => {
      try {
        const b = await api.get<Biller>(`/v1/billers/${pendingSaved.billerId}`);
        const p = b.products.find((x) => x.code === pendingSaved.productCode);
        if (!p) throw new Error(`${b.name} no longer offers this product`);
        if (!b.enabled) throw new Error(`${b.name} is unavailable right now. Please try again later.`);
        const amount = p.fixedAmount ?? pendingSaved.lastAmount;
        let validation: CustomerValidation | null = null;
        try {
          validation = await api.post<CustomerValidation>(`/v1/billers/${b.id}/validate`, {
            productCode: p.code,
            customerRef: pendingSaved.customerRef,
          });
        } catch (e) {
          throw new Error(errorMessage(e));
        }
        if (cancelled) return;
        setDraft({
          biller: b,
          product: p,
          customerRef: pendingSaved.customerRef,
          customer: validation,
          amount: BigInt(amount),
        });
      } catch (e) {
        if (!cancelled) setSavedError(errorMessage(e));
      } finally {
        if (!cancelled) setPendingSaved(null);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [pendingSaved]);

  const needsValidation = category !== 'airtime';
  const minAmount = Math.max(product?.minAmount ?? 0, customer?.minimumAmount ?? 0) || null;

  const review = async (event: Event) => {
    event.preventDefault();
    if (!biller || !product) return;
    const ref = cleanRef(customerRef);
    const next: Record<string, string> = {};
    const refError = refProblem(biller.customerRefLabel, ref);
    if (refError) next.customerRef = refError;
    const checked =
      product.fixedAmount !== null
        ? BigInt(product.fixedAmount)
        : checkAmount(amountText, currency, { min: minAmount, max: product.maxAmount });
    if (typeof checked === 'string') next.amount = checked;
    const phoneClean = phone.replace(/[\s-]/g, '');
    if (phoneClean && !/^\+?\d{10,14}$/.test(phoneClean))
      next.phone = 'Enter a phone number like 08031234567';
    setErrors(next);
    if (Object.keys(next).length) return focusFirstError(form.current);
    let validation = customer;
    if (needsValidation && !validation) {
      validation = await validate(biller, product, ref);
      if (!validation) return focusFirstError(form.current);
    }
    if (validation && !validation.canVend) {
      setErrors({
        customerRef: 'This account cannot be paid right now. Check the number or contact your biller.',
      });
      return focusFirstError(form.current);
    }
    setDraft({
      biller,
      product,
      customerRef: ref,
      customer: validation,
      amount: checked as bigint,
      ...(phoneClean ? { phone: phoneClean } : {}),
    });
  };

  if (draft) {
    return (
      <div class="page narrow">
        <PageHeader title="Pay bills" subtitle="Check the details before you pay." />
        <Review draft={draft} onBack={() => setDraft(null)} />
      </div>
    );
  }

  const fee = (() => {
    if (!biller || !product) return null;
    const checked =
      product.fixedAmount !== null ? BigInt(product.fixedAmount) : checkAmount(amountText, currency);
    if (typeof checked === 'string') return null;
    const f = computeFee(checked, biller.fee);
    return { amount: checked, fee: f, total: checked + f };
  })();

  return (
    <div class="page">
      <PageHeader
        title="Pay bills"
        subtitle="Electricity, airtime, data and cable TV — paid from your wallet."
      />
      {pendingSaved && <Alert kind="info">Checking {pendingSaved.customerRef}…</Alert>}
      {savedError && <Alert>{savedError}</Alert>}
      <div class="bills-grid">
        <div class="stack">
          <Card title="1. What are you paying for?">
            <fieldset class="fieldset">
              <legend class="sr-only">Bill category</legend>
              <div class="category-grid">
                {CATEGORIES.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    class={cx('category', category === c.id && 'selected')}
                    aria-pressed={category === c.id ? 'true' : 'false'}
                    onClick={() => chooseCategory(c.id)}
                    data-testid={`category-${c.id}`}
                  >
                    <Icon name={c.icon} size={24} />
                    <span class="category-name">{CATEGORY_LABELS[c.id]}</span>
                    <span class="category-blurb">{c.blurb}</span>
                  </button>
                ))}
              </div>
            </fieldset>
          </Card>

          {category && (
            <Card
              title="2. Choose a provider"
              actions={
                biller && (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setBillerId(null)}
                    data-testid="change-biller"
                  >
                    Change
                  </Button>
                )
              }
            >
              {billers.error ? (
                <LoadError error={billers.error} onRetry={billers.reload} />
              ) : billers.loading ? (
                <Skeleton lines={3} />
              ) : !billers.data?.length ? (
                <EmptyState title="No providers here yet">Try another category.</EmptyState>
              ) : (
                <fieldset class="fieldset">
                  <legend class="sr-only">Provider</legend>
                  <div class="option-list">
                    {/* Once chosen, only the chosen provider stays on screen ("Change" brings the list back). */}
                    {(biller ? [biller] : billers.data).map((b) => (
                      <button
                        key={b.id}
                        type="button"
                        class={cx('option', billerId === b.id && 'selected')}
                        aria-pressed={billerId === b.id ? 'true' : 'false'}
                        disabled={!b.enabled}
                        onClick={() => chooseBiller(b)}
                        data-testid={`biller-${b.id}`}
                      >
                        <span class="option-name">{b.name}</span>
                        {!b.enabled && <span class="muted small">Unavailable right now</span>}
                      </button>
                    ))}
                  </div>
                </fieldset>
              )}
            </Card>
          )}

          {biller && (
            <Card title="3. Details" testId="bill-details">
              <form ref={form} class="form" onSubmit={review} noValidate data-testid="bill-form">
                <fieldset class="fieldset">
                  <legend class="field-label">Product</legend>
                  <div class="radio-list">
                    {biller.products.map((p) => (
                      <label
                        key={p.code}
                        class={cx('radio', productCode === p.code && 'selected')}
                        data-testid={`product-${p.code}`}
                        data-kind={p.kind}
                      >
                        <input
                          type="radio"
                          name="product"
                          value={p.code}
                          checked={productCode === p.code}
                          onChange={() => chooseProduct(p)}
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
                  {errors.product && <p class="field-error">{errors.product}</p>}
                </fieldset>

                {product && (
                  <>
                    <div class="field-with-action">
                      <TextField
                        label={biller.customerRefLabel}
                        name="customerRef"
                        id="customerRef"
                        value={customerRef}
                        onValue={(v) => {
                          setCustomerRef(v);
                          setCustomer(null);
                        }}
                        inputMode="numeric"
                        autoComplete="off"
                        error={errors.customerRef || undefined}
                      />
                      {needsValidation && (
                        <Button
                          variant="secondary"
                          loading={validating}
                          data-testid="validate-customer"
                          onClick={() => {
                            const ref = cleanRef(customerRef);
                            const problem = refProblem(biller.customerRefLabel, ref);
                            if (problem) {
                              setErrors((e) => ({ ...e, customerRef: problem }));
                              return focusFirstError(form.current);
                            }
                            void validate(biller, product, ref);
                          }}
                        >
                          Verify
                        </Button>
                      )}
                    </div>
                    <div aria-live="polite">
                      {customer && (
                        <div
                          class={cx('customer', !customer.canVend && 'customer-blocked')}
                          data-testid="customer-details"
                        >
                          <Icon name={customer.canVend ? 'check' : 'x'} />
                          <div>
                            <strong data-testid="customer-name">{customer.customerName}</strong>
                            {customer.address && <div class="muted">{customer.address}</div>}
                            <div class="muted small">
                              {[
                                customer.meterType && `${customer.meterType} meter`,
                                customer.arrears
                                  ? `Arrears ${formatMoney(customer.arrears, currency)}`
                                  : null,
                                customer.minimumAmount
                                  ? `Minimum ${formatMoney(customer.minimumAmount, currency)}`
                                  : null,
                              ]
                                .filter(Boolean)
                                .join(' · ')}
                            </div>
                            {!customer.canVend && (
                              <div class="field-error">This account cannot be paid right now.</div>
                            )}
                          </div>
                        </div>
                      )}
                    </div>
                    {product.fixedAmount === null ? (
                      <AmountField
                        value={amountText}
                        onValue={setAmountText}
                        currency={currency}
                        error={errors.amount}
                        hint={`Between ${formatMoney(minAmount ?? product.minAmount, currency)} and ${formatMoney(product.maxAmount, currency)}`}
                      />
                    ) : (
                      <p>
                        Amount: <Money amount={product.fixedAmount} currency={currency} />
                      </p>
                    )}
                    {category === 'electricity' && (
                      <TextField
                        label="Send the token by SMS to"
                        name="phone"
                        id="tokenPhone"
                        type="tel"
                        inputMode="tel"
                        value={phone}
                        onValue={setPhone}
                        error={errors.phone}
                        required={false}
                        autoComplete="tel"
                      />
                    )}
                    {fee && (
                      <div class="summary" aria-live="polite" data-testid="fee-preview">
                        <div>
                          <span>Fee</span>
                          <Money amount={fee.fee} currency={currency} />
                        </div>
                        <div class="summary-total">
                          <span>Total</span>
                          <Money amount={fee.total} currency={currency} />
                        </div>
                      </div>
                    )}
                    <Button
                      type="submit"
                      size="lg"
                      block
                      loading={validating}
                      data-testid="bill-review-button"
                    >
                      Review payment
                    </Button>
                  </>
                )}
              </form>
            </Card>
          )}
        </div>
        <aside class="stack">
          <SavedMeters
            onPayAgain={(s) => {
              setSavedError(null);
              setPendingSaved(s);
            }}
          />
          <RecentPayments />
        </aside>
      </div>
    </div>
  );
}
