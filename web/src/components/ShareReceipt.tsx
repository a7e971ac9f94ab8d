import { useState } from 'preact/hooks';
import { download, errorMessage, request } from '../lib/api';
import { Icon } from './icons';
import { Button } from './ui';

type State = 'idle' | 'busy' | 'shared' | 'saved' | { error: string };

/** Saves a blob as a file through a temporary link (the fallback when the browser cannot share files). */
function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "Share receipt": the receipt as a PNG handed to the phone's share sheet
 * (WhatsApp and the like) where the browser can share files, downloaded
 * otherwise; and the PDF as a download.
 */
export function ShareReceipt({ transactionId }: { transactionId: string }) {
  const [state, setState] = useState<State>('idle');
  const path = `/v1/transactions/${encodeURIComponent(transactionId)}/receipt`;
  const filename = `vendra-receipt-${transactionId.slice(0, 8)}`;

  async function share() {
    setState('busy');
    try {
      const response = await request<Response>('GET', `${path}.png`, { raw: true });
      const blob = await response.blob();
      const file = new File([blob], `${filename}.png`, { type: 'image/png' });
      if (typeof navigator.canShare === 'function' && navigator.canShare({ files: [file] })) {
        await navigator.share({ files: [file], title: 'Vendra receipt' });
        setState('shared');
      } else {
        saveBlob(blob, file.name);
        setState('saved');
      }
    } catch (error) {
      // Closing the share sheet is no failure.
      if ((error as Error).name === 'AbortError') setState('idle');
      else setState({ error: errorMessage(error) });
    }
  }

  async function pdf() {
    try {
      await download(`${path}.pdf`, `${filename}.pdf`);
    } catch (error) {
      setState({ error: errorMessage(error) });
    }
  }

  return (
    <div class="stack" data-testid="share-receipt">
      <div class="row">
        <Button
          variant="secondary"
          loading={state === 'busy'}
          onClick={share}
          data-testid="share-receipt-png"
        >
          <Icon name="send" size={16} /> Share receipt
        </Button>
        <Button variant="ghost" onClick={pdf} data-testid="share-receipt-pdf">
          <Icon name="download" size={16} /> PDF
        </Button>
      </div>
      <span class="muted small" aria-live="polite" data-testid="share-receipt-state">
        {state === 'shared' ? 'Receipt shared.' : state === 'saved' ? 'Receipt image downloaded.' : ''}
      </span>
      {typeof state === 'object' && <p class="field-error">{state.error}</p>}
    </div>
  );
}
