import { api, errorMessage } from '../../lib/api';
import { useAsync } from '../../lib/hooks';
import type { Quote, QuoteRequest } from '../../lib/types';
import { toJsonAmount } from '../../money';

/** What the page knows about the fee: the server's quote, or why there is none yet. */
export interface QuoteState {
  quote: Quote | null;
  loading: boolean;
  error: string | null;
}

/** Typing an amount asks for a quote once the typing pauses this long, not on every key. */
export const QUOTE_TYPING_PAUSE_MS = 300;

function pause(duration_ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, duration_ms);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(new DOMException('aborted', 'AbortError'));
    });
  });
}

/** The quote request for an amount, or null when there is nothing to quote yet. */
export function quoteRequest(
  billerId: string | null | undefined,
  productCode: string | null | undefined,
  amount: bigint | null,
): QuoteRequest | null {
  if (!billerId || !productCode || amount === null || amount <= 0n) return null;
  return { billerId, productCode, amount: toJsonAmount(amount) };
}

/**
 * The fee and total from POST /v1/bill-payments/quote: the server's fee rule is the only one, so the
 * page never computes a fee itself. A new request replaces an answer still on its way.
 */
export function useQuote(request: QuoteRequest | null, pause_ms = 0): QuoteState {
  const signature = request ? JSON.stringify(request) : '';
  const { data, error, loading } = useAsync(
    async (signal): Promise<{ signature: string; quote: Quote } | null> => {
      if (!request) return null;
      if (pause_ms > 0) await pause(pause_ms, signal);
      return { signature, quote: await api.post<Quote>('/v1/bill-payments/quote', request, { signal }) };
    },
    [signature],
  );
  if (!request || loading) return { quote: null, loading: !!request, error: null };
  // An answer for an earlier request (kept when the latest one failed) is never shown.
  const quote = data?.signature === signature ? data.quote : null;
  return { quote, loading: false, error: error ? errorMessage(error) : null };
}
