import { useEffect, useState } from 'preact/hooks';
import { api } from '../lib/api';
import type { Support } from '../lib/types';
import { Alert } from './ui';

let cached: Promise<Support> | null = null;

/** The support contact (public, asked once per page load; a failure is asked again next time). */
export function useSupport(): Support | null {
  const [support, setSupport] = useState<Support | null>(null);
  useEffect(() => {
    cached ??= api.get<Support>('/v1/support').catch((e) => {
      cached = null;
      throw e;
    });
    let live = true;
    cached.then(
      (s) => live && setSupport(s),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return support;
}

/** Email, phone and WhatsApp links to support: those the operator configured. */
export function SupportContact({ support }: { support: Support | null }) {
  if (!support || (!support.email && !support.phone && !support.whatsapp))
    return <p class="small">Contact Vendra support.</p>;
  return (
    <ul class="support-contact" data-testid="support-contact">
      {support.email && (
        <li>
          Email <a href={`mailto:${support.email}`}>{support.email}</a>
        </li>
      )}
      {support.phone && (
        <li>
          Call <a href={`tel:${support.phone.replace(/[^\d+]/g, '')}`}>{support.phone}</a>
        </li>
      )}
      {support.whatsapp && (
        <li>
          <a href={support.whatsapp} target="_blank" rel="noopener noreferrer" data-testid="support-whatsapp">
            Chat on WhatsApp
          </a>
        </li>
      )}
    </ul>
  );
}

/** A frozen account, told what it can and cannot do and how to reach support. */
export function FrozenAccountNotice() {
  const support = useSupport();
  const what = support?.frozenAccount;
  return (
    <Alert kind="warning" title="Your account is frozen" testId="frozen-notice">
      <p>Until support lifts the freeze:</p>
      {what && (
        <div class="frozen-lists">
          <div>
            <strong>You can't</strong>
            <ul data-testid="frozen-cannot">
              {what.cannot.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
          <div>
            <strong>You can still</strong>
            <ul data-testid="frozen-can">
              {what.can.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      <p>To ask why, or to have it lifted:</p>
      <SupportContact support={support} />
    </Alert>
  );
}

/** Under a frozen wallet: what it means and whom to ask. */
export function FrozenWalletNote() {
  const support = useSupport();
  return (
    <div class="wallet-note" data-testid="wallet-frozen-note">
      <p>
        This wallet is frozen: no money moves into or out of it until support lifts the freeze. Your other
        wallets still work.
      </p>
      <SupportContact support={support} />
    </div>
  );
}
