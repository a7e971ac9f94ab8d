import { useRef, useState } from 'preact/hooks';
import { Alert, Button, Dialog, focusFirstError, TextField } from '../../components/ui';
import { api, errorMessage } from '../../lib/api';

/** What an operator freezes: a person (every wallet) or one wallet of theirs. */
export interface FreezeTarget {
  kind: 'user' | 'wallet';
  id: string;
  /** "Eme Udo" or "Eme Udo's NGN wallet": who the dialog and the message speak of. */
  name: string;
  frozen: boolean;
}

const WORDS = {
  user: {
    noun: 'account',
    label: 'Reason',
    freezes:
      'The customer will not be able to send, withdraw or pay bills until unfrozen. Incoming money still arrives.',
    unfreezes: 'The customer will be able to move money again.',
    testId: 'freeze',
  },
  wallet: {
    noun: 'wallet',
    label: 'Wallet note (why)',
    freezes:
      'No money will move into or out of this wallet until it is unfrozen. Their other wallets still work.',
    unfreezes: 'Money will move into and out of this wallet again.',
    testId: 'wallet-freeze',
  },
} as const;

/** Freeze or unfreeze, with a reason that goes to the audit log. */
export function FreezeControl({
  target,
  onChanged,
}: {
  target: FreezeTarget;
  onChanged: (message: string) => void;
}) {
  const words = WORDS[target.kind];
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const verb = target.frozen ? 'Unfreeze' : 'Freeze';

  const submit = async (event: Event) => {
    event.preventDefault();
    if (reason.trim().length < 5) {
      setError('Give a reason (at least 5 characters); it goes in the audit log');
      return focusFirstError(form.current);
    }
    setError(undefined);
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/v1/admin/${target.kind}s/${target.id}/${target.frozen ? 'unfreeze' : 'freeze'}`, {
        reason: reason.trim(),
      });
      setOpen(false);
      setReason('');
      onChanged(
        `${target.name} ${target.kind === 'user' ? 'is' : 'is now'} ${target.frozen ? 'unfrozen' : 'frozen'}.`,
      );
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        variant={target.frozen ? 'secondary' : 'danger'}
        onClick={() => setOpen(true)}
        data-testid={`${words.testId}-toggle`}
      >
        {verb} {words.noun}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={`${verb} ${target.name}?`}
        testId={`${words.testId}-dialog`}
      >
        <form ref={form} class="form" onSubmit={submit} noValidate>
          <p>{target.frozen ? words.unfreezes : words.freezes}</p>
          <TextField
            label={words.label}
            name="reason"
            id={`${words.testId}-reason-${target.id}`}
            value={reason}
            onValue={setReason}
            error={error}
          />
          {failure && <Alert>{failure}</Alert>}
          <div class="row row-end">
            <Button variant="ghost" onClick={() => setOpen(false)} disabled={busy}>
              Cancel
            </Button>
            <Button
              type="submit"
              variant={target.frozen ? 'primary' : 'danger'}
              loading={busy}
              data-testid={`${words.testId}-confirm`}
            >
              {verb}
            </Button>
          </div>
        </form>
      </Dialog>
    </>
  );
}
