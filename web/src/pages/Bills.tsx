import { useEffect, useReducer } from 'preact/hooks';
import { defaultWallet } from '../components/WalletCard';
import { Alert, PageHeader } from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useAsync, useStepFocus, useTitle } from '../lib/hooks';
import { Link, navigate, useLocation } from '../lib/router';
import { useSession } from '../lib/session';
import type { BillCategory, Biller, BillerProduct, CustomerValidation, SavedCustomer } from '../lib/types';
import { useWallets } from '../lib/wallets';
import { CategoryStep } from './bills/CategoryStep';
import { DetailsStep } from './bills/DetailsStep';
import { ProviderStep } from './bills/ProviderStep';
import { type BillsAction, billsReducer, currentStep, type Draft, initialBillsState } from './bills/reducer';
import { ReviewStep } from './bills/ReviewStep';
import { RecentPayments, SavedMeters } from './bills/Sidebar';

function validateCustomer(biller: Biller, product: BillerProduct, customerRef: string) {
  return api.post<CustomerValidation>(`/v1/billers/${biller.id}/validate`, {
    productCode: product.code,
    customerRef,
  });
}

/** "Pay again": the saved biller and product as they are today, and the customer checked again. */
async function payAgainDraft(saved: SavedCustomer): Promise<Draft> {
  const biller = await api.get<Biller>(`/v1/billers/${saved.billerId}`);
  const product = biller.products.find((p) => p.code === saved.productCode);
  if (!product) throw new Error(`${biller.name} no longer offers this product`);
  if (!biller.enabled) throw new Error(`${biller.name} is unavailable right now. Please try again later.`);
  const customer = await validateCustomer(biller, product, saved.customerRef);
  const amount = product.fixedAmount ?? saved.lastAmount;
  return { biller, product, customerRef: saved.customerRef, customer, amount: BigInt(amount) };
}

/** Loads the saved customer "Pay again" asked for, then goes straight to the review. */
function usePayAgain(saved: SavedCustomer | null, dispatch: (action: BillsAction) => void) {
  useEffect(() => {
    if (!saved) return;
    let cancelled = false;
    payAgainDraft(saved).then(
      (draft) => !cancelled && dispatch({ type: 'reviewOpened', draft }),
      (e) => !cancelled && dispatch({ type: 'payAgainFailed', message: errorMessage(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [saved]);
}

/** "Try again" from a failed payment opens /bills?biller=&product=&ref=&amount=: the same payment, checked again. */
function retryOf(query: URLSearchParams): SavedCustomer | null {
  const billerId = query.get('biller');
  const productCode = query.get('product');
  const customerRef = query.get('ref');
  const amount = Number(query.get('amount'));
  if (!billerId || !productCode || !customerRef || !Number.isSafeInteger(amount) || amount <= 0) return null;
  return {
    billerId,
    billerName: billerId,
    category: null,
    productCode,
    customerRef,
    customerName: null,
    lastAmount: amount,
    lastPaidAt: '',
  };
}

/** Starts "pay again" for a retry link once, then drops the query so a reload starts afresh. */
function useRetryLink(dispatch: (action: BillsAction) => void) {
  const { query } = useLocation();
  useEffect(() => {
    const saved = retryOf(query);
    if (!saved) return;
    dispatch({ type: 'payAgainRequested', saved });
    navigate('/bills', { replace: true });
  }, [query.toString()]);
}

export function BillsPage() {
  useTitle('Pay bills');
  const { user } = useSession();
  const [state, dispatch] = useReducer(billsReducer, user?.phone ?? '', (phone) => ({
    ...initialBillsState,
    phone,
  }));
  const { wallets } = useWallets();
  const currency = defaultWallet(wallets)?.currency ?? 'NGN';
  const step = currentStep(state);
  // Focus moves to the heading when the review opens or closes, not at each step of the form.
  useStepFocus(step === 'review' ? 'review' : 'form');
  usePayAgain(state.payAgain, dispatch);
  useRetryLink(dispatch);

  const billers = useAsync(
    async (signal) =>
      state.category
        ? (await api.get<{ data: Biller[] }>(`/v1/billers?category=${state.category}`, { signal })).data
        : [],
    [state.category],
  );
  const biller = billers.data?.find((b) => b.id === state.billerId) ?? null;
  const product = biller?.products.find((p) => p.code === state.productCode) ?? null;

  const chooseBiller = (chosen: Biller) => {
    if (chosen.id === state.billerId) return;
    dispatch({ type: 'billerChosen', biller: chosen });
    requestAnimationFrame(() =>
      document
        .querySelector('[data-testid="bill-details"]')
        ?.scrollIntoView({ block: 'start', behavior: 'smooth' }),
    );
  };

  const verify = async (b: Biller, p: BillerProduct, customerRef: string) => {
    dispatch({ type: 'validationStarted' });
    try {
      const customer = await validateCustomer(b, p, customerRef);
      dispatch({ type: 'validationSucceeded', customer });
      return customer;
    } catch (e) {
      dispatch({ type: 'validationFailed', message: errorMessage(e) });
      return null;
    }
  };

  if (state.draft) {
    return (
      <div class="page narrow">
        <PageHeader title="Pay bills" subtitle="Check the details before you pay." />
        <ReviewStep draft={state.draft} onBack={() => dispatch({ type: 'reviewClosed' })} />
      </div>
    );
  }

  return (
    <div class="page">
      <PageHeader
        title="Pay bills"
        subtitle="Electricity, airtime, data and cable TV — paid from your wallet."
        actions={
          <>
            <Link href="/bills/due">Bills due</Link> · <Link href="/bills/accounts">Linked accounts</Link>
          </>
        }
      />
      {state.payAgain && <Alert kind="info">Checking {state.payAgain.customerRef}…</Alert>}
      {state.payAgainError && <Alert>{state.payAgainError}</Alert>}
      <div class="bills-grid">
        <div class="stack">
          <CategoryStep
            category={state.category}
            onChoose={(category) => dispatch({ type: 'categoryChosen', category })}
          />
          {step !== 'category' && (
            <ProviderStep
              billers={billers}
              biller={biller}
              category={state.category}
              phone={state.customerRef}
              ownPhone={user?.phone ?? null}
              onPhone={(text) => dispatch({ type: 'customerRefEdited', text })}
              onChoose={chooseBiller}
              onChange={() => dispatch({ type: 'billerCleared' })}
            />
          )}
          {biller && (
            <DetailsStep
              state={state}
              biller={biller}
              product={product}
              currency={currency}
              dispatch={dispatch}
              verify={verify}
            />
          )}
        </div>
        <aside class="stack">
          <SavedMeters
            onPayAgain={(saved) => dispatch({ type: 'payAgainRequested', saved })}
            onPrefill={(linked) =>
              dispatch({
                type: 'prefilled',
                category: linked.category as BillCategory,
                billerId: linked.billerId,
                productCode: linked.productCode,
                customerRef: linked.customerRef,
              })
            }
          />
          <RecentPayments />
        </aside>
      </div>
    </div>
  );
}
