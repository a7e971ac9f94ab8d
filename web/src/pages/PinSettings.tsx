import { useState } from 'preact/hooks';
import { PinPad, SetPinForm } from '../components/PinPad';
import { Alert, Button, Card, TextField } from '../components/ui';
import { ApiError, api, errorMessage } from '../lib/api';
import { PIN_LENGTH, pinMessage } from '../lib/pin';
import { useSession } from '../lib/session';

type Mode = 'idle' | 'change' | 'forgot';

/** The refusal's words: a PIN refusal plainly (attempts left, locked until), anything else as the server says. */
const describe = (error: unknown) => pinMessage(error) ?? errorMessage(error);

/** Changing the PIN: the current one, then the new one. */
function ChangePin({ onDone }: { onDone: (note: string) => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [step, setStep] = useState<'current' | 'new'>('current');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (pin: string) => {
    setBusy(true);
    try {
      await api.put('/v1/me/pin', { currentPin: current, pin });
      onDone('Your PIN was changed.');
    } catch (e) {
      setError(describe(e));
      // A wrong current PIN is entered again; a too-simple new one is chosen again.
      if (e instanceof ApiError && e.code === 'pin_too_simple') setNext('');
      else {
        setCurrent('');
        setNext('');
        setStep('current');
      }
    } finally {
      setBusy(false);
    }
  };
  return step === 'current' ? (
    <PinPad
      key="current"
      label="Your current PIN"
      value={current}
      onValue={setCurrent}
      error={error}
      testId="change-pin-current"
      onComplete={() => {
        setError(null);
        setStep('new');
      }}
    />
  ) : (
    <PinPad
      key="new"
      label="Your new PIN"
      value={next}
      onValue={setNext}
      error={error}
      disabled={busy}
      testId="change-pin-new"
      onComplete={(pin) => void save(pin)}
    />
  );
}

/** Forgot the PIN: a code by SMS to the verified phone, then the code and a new PIN. */
function ForgotPin({ onDone }: { onDone: (note: string) => void }) {
  const { user, updateUser } = useSession();
  const [sent, setSent] = useState(false);
  const [code, setCode] = useState('');
  const [pin, setPin] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api.post('/v1/me/pin/reset');
      setSent(true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api.post('/v1/me/pin/reset/confirm', { code: code.trim(), pin });
      updateUser({ hasPin: true });
      onDone('Your new PIN is set, and payments are unlocked.');
    } catch (e) {
      setError(errorMessage(e));
      setPin('');
    } finally {
      setBusy(false);
    }
  };
  if (!sent)
    return (
      <div class="stack">
        {error && <Alert>{error}</Alert>}
        <p class="muted">
          {user?.phone
            ? `We will send a 6-digit code by SMS to ${user.phone}, once it is verified.`
            : 'The code goes by SMS to your verified phone; add a phone number to your account first.'}
        </p>
        <Button onClick={send} loading={busy} data-testid="pin-reset-send">
          Send the code
        </Button>
      </div>
    );
  return (
    <form class="form" onSubmit={confirm} noValidate data-testid="pin-reset-form">
      {error && <Alert>{error}</Alert>}
      <TextField
        label="Code from the SMS"
        name="code"
        inputMode="numeric"
        autoComplete="one-time-code"
        value={code}
        onValue={setCode}
        maxLength={6}
      />
      <PinPad label="Your new PIN" value={pin} onValue={setPin} autoFocus={false} testId="pin-reset-new" />
      <Button
        type="submit"
        loading={busy}
        disabled={code.trim().length !== 6 || pin.length !== PIN_LENGTH}
        data-testid="pin-reset-confirm"
      >
        Set the new PIN
      </Button>
    </form>
  );
}

/** Security's transaction-PIN card: set it, change it, or reset a forgotten one by phone code. */
export function PinSettings() {
  const { user } = useSession();
  const [mode, setMode] = useState<Mode>('idle');
  const [note, setNote] = useState<string | null>(null);
  const done = (text: string) => {
    setNote(text);
    setMode('idle');
  };
  return (
    <Card title="Transaction PIN" testId="pin-settings">
      {note && (
        <Alert kind="success">
          <span data-testid="pin-notice">{note}</span>
        </Alert>
      )}
      {!user?.hasPin ? (
        <SetPinForm testId="set-pin" onDone={() => done('Your PIN is set.')} />
      ) : mode === 'change' ? (
        <ChangePin onDone={done} />
      ) : mode === 'forgot' ? (
        <ForgotPin onDone={done} />
      ) : (
        <div class="stack">
          <p class="muted">Your PIN confirms every transfer, bill payment and withdrawal.</p>
          <div class="row">
            <Button variant="secondary" onClick={() => setMode('change')} data-testid="pin-change">
              Change PIN
            </Button>
            <Button variant="ghost" onClick={() => setMode('forgot')} data-testid="pin-forgot">
              Forgot PIN?
            </Button>
          </div>
        </div>
      )}
      {mode !== 'idle' && (
        <div class="row row-end">
          <Button variant="ghost" onClick={() => setMode('idle')}>
            Cancel
          </Button>
        </div>
      )}
    </Card>
  );
}
