/**
 * Saved beneficiaries on the Send and Withdraw screens: one-tap chips that fill the form (the
 * transfer or withdrawal then resolves the recipient as usual), a small manage view to rename and
 * remove them, and the "save" option offered on the review step.
 */
import { useState } from 'preact/hooks';
import { api, errorMessage, request } from '../lib/api';
import { useAsync } from '../lib/hooks';
import type { Beneficiary, NewBeneficiary } from '../lib/types';
import { Alert, Button, Dialog, TextField } from './ui';

export type BeneficiaryKind = 'wallet' | 'bank';

/** The caller's beneficiaries of one kind, reloadable. */
export function useBeneficiaries(kind: BeneficiaryKind) {
  return useAsync(
    (signal) => api.get<{ data: Beneficiary[] }>(`/v1/beneficiaries?kind=${kind}`, { signal }),
    [kind],
  );
}

/** What a chip says: the nickname, else the resolved name, with the account for a bank. */
export function beneficiaryLabel(b: Beneficiary): string {
  const name = b.nickname ?? b.name;
  if (b.kind === 'bank') return `${name} · ${b.bankName ?? b.bankCode} ${b.accountNumber?.slice(-4) ?? ''}`;
  return name;
}

/** Saves one after a successful transfer or withdrawal; answers what to tell the person. */
export async function saveBeneficiary(body: NewBeneficiary): Promise<string> {
  try {
    await api.post<Beneficiary>('/v1/beneficiaries', body);
    return 'Saved to your beneficiaries.';
  } catch (e) {
    return `Not saved as a beneficiary: ${errorMessage(e)}`;
  }
}

/** The saved ones as chips; picking one fills the form. Nothing is shown when there are none. */
export function BeneficiaryChips({
  items,
  onPick,
  onChanged,
}: {
  items: Beneficiary[];
  onPick: (b: Beneficiary) => void;
  onChanged: () => void;
}) {
  const [managing, setManaging] = useState(false);
  if (items.length === 0) return null;
  return (
    <fieldset class="fieldset" data-testid="beneficiaries">
      <legend class="field-label">
        Saved{' '}
        <button
          type="button"
          class="link-button"
          onClick={() => setManaging(true)}
          data-testid="beneficiaries-manage"
        >
          Manage
        </button>
      </legend>
      <div class="chips">
        {items.map((b) => (
          <button
            key={b.id}
            type="button"
            class="chip"
            onClick={() => onPick(b)}
            data-testid="beneficiary-chip"
            title={b.kind === 'bank' ? `${b.name}, ${b.bankName} ${b.accountNumber}` : b.name}
          >
            {beneficiaryLabel(b)}
          </button>
        ))}
      </div>
      <Dialog
        open={managing}
        onClose={() => setManaging(false)}
        title="Saved beneficiaries"
        testId="beneficiaries-dialog"
      >
        {items.map((b) => (
          <ManageRow key={b.id} b={b} onChanged={onChanged} />
        ))}
      </Dialog>
    </fieldset>
  );
}

/** One beneficiary in the manage view: its resolved name and account, a nickname, remove. */
function ManageRow({ b, onChanged }: { b: Beneficiary; onChanged: () => void }) {
  const [nickname, setNickname] = useState(b.nickname ?? '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const run = async (method: 'PATCH' | 'DELETE') => {
    setBusy(true);
    setFailure('');
    try {
      await request(method, `/v1/beneficiaries/${b.id}`, {
        body: method === 'PATCH' ? { nickname: nickname.trim() || null } : undefined,
      });
      onChanged();
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const detail =
    b.kind === 'bank'
      ? `${b.bankName ?? b.bankCode} · ${b.accountNumber}`
      : (b.to?.email ?? b.to?.phone ?? b.to?.walletId ?? '');
  return (
    <div class="form" data-testid="beneficiary-row">
      <div>
        <strong>{b.name}</strong>
        <div class="muted small">{detail}</div>
      </div>
      <TextField
        label="Nickname"
        name="nickname"
        value={nickname}
        onValue={setNickname}
        required={false}
        maxLength={40}
      />
      {failure && <Alert>{failure}</Alert>}
      <div class="row row-end">
        <Button variant="danger" size="sm" onClick={() => run('DELETE')} disabled={busy}>
          Remove
        </Button>
        <Button size="sm" onClick={() => run('PATCH')} loading={busy} data-testid="beneficiary-rename">
          Save name
        </Button>
      </div>
    </div>
  );
}

/** The review step's offer; hidden when the recipient is saved already. */
export function SaveBeneficiaryOption({
  checked,
  onValue,
  hidden,
}: {
  checked: boolean;
  onValue: (value: boolean) => void;
  hidden: boolean;
}) {
  if (hidden) return null;
  return (
    <label class="row" data-testid="save-beneficiary">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onValue((e.currentTarget as HTMLInputElement).checked)}
      />
      Save this beneficiary
    </label>
  );
}
