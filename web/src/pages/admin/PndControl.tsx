import { useRef, useState } from 'preact/hooks';
import { Alert, Button, Card, focusFirstError, StatusBadge, TextField } from '../../components/ui';
import { api, errorMessage } from '../../lib/api';
import type { ResponseBody } from '../../lib/types';

type PndState = Pick<ResponseBody<'/v1/admin/users/{id}/pnd', 'post'>, 'pnd' | 'pndReason'>;

/**
 * Post-no-debit on a person (every wallet) or on one wallet: money may come
 * in, none may go out. The admin reads of users and wallets do not say
 * whether it is on, so the card shows the state only after an operator sets
 * or lifts it here; both actions are offered until then.
 */
export function PndControl({
  kind,
  id,
  subject,
  initial,
}: {
  kind: 'user' | 'wallet';
  id: string;
  /** "Eme Udo" or "Eme Udo's NGN wallet". */
  subject: string;
  initial?: PndState;
}) {
  const [state, setState] = useState<PndState | null>(initial ?? null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<boolean | null>(null);
  const form = useRef<HTMLFormElement>(null);

  const apply = async (on: boolean) => {
    if (reason.trim().length < 3) {
      setError('Give a reason (at least 3 characters); it goes in the audit log');
      return focusFirstError(form.current);
    }
    setError(undefined);
    setFailure(null);
    setBusy(on);
    try {
      setState(await api.post<PndState>(`/v1/admin/${kind}s/${id}/pnd`, { on, reason: reason.trim() }));
      setReason('');
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(null);
    }
  };

  return (
    <Card
      title={kind === 'user' ? 'Post-no-debit' : `Post-no-debit · ${subject}`}
      testId={kind === 'user' ? 'pnd-control' : `wallet-pnd-control-${id}`}
    >
      <p class="muted small">
        {kind === 'user'
          ? `With post-no-debit on, ${subject} can receive money but cannot send, withdraw or pay bills.`
          : `With post-no-debit on, ${subject} can receive money; nothing can leave it. Their other wallets still work.`}
      </p>
      {state && (
        <p data-testid="pnd-state" data-pnd={state.pnd ? 'on' : 'off'}>
          <StatusBadge
            status={state.pnd ? 'frozen' : 'active'}
            label={state.pnd ? 'post-no-debit on' : 'debits allowed'}
          />
          {state.pndReason && <span class="muted small"> {state.pndReason}</span>}
        </p>
      )}
      <form
        ref={form}
        class="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void apply(!(state?.pnd ?? false));
        }}
      >
        <TextField
          label="Post-no-debit note (why)"
          name="pndReason"
          id={`pnd-reason-${id}`}
          value={reason}
          onValue={setReason}
          maxLength={500}
          error={error}
        />
        {failure && <Alert>{failure}</Alert>}
        <div class="row">
          {state?.pnd !== true && (
            <Button
              variant="danger"
              onClick={() => void apply(true)}
              loading={busy === true}
              disabled={busy !== null}
              data-testid="pnd-on"
            >
              Set post-no-debit
            </Button>
          )}
          {state?.pnd !== false && (
            <Button
              variant="secondary"
              onClick={() => void apply(false)}
              loading={busy === false}
              disabled={busy !== null}
              data-testid="pnd-off"
            >
              Lift post-no-debit
            </Button>
          )}
        </div>
      </form>
    </Card>
  );
}
