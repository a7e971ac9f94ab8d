import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { ApiError, api, errorMessage } from '../lib/api';
import { PIN_LENGTH, pinMessage } from '../lib/pin';
import { Link } from '../lib/router';
import { useSession } from '../lib/session';
import { Alert, cx } from './ui';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * A 4-digit PIN pad: four dots, digit keys and the keyboard (a real numeric
 * input, labelled, that the keys type into). Controlled: value and onValue.
 */
export function PinPad({
  value,
  onValue,
  label = 'Transaction PIN',
  error,
  disabled = false,
  autoFocus = true,
  testId = 'pin-pad',
  onComplete,
}: {
  value: string;
  onValue: (pin: string) => void;
  label?: string;
  error?: string | null;
  disabled?: boolean;
  autoFocus?: boolean;
  testId?: string;
  /** Called once the fourth digit is in. */
  onComplete?: (pin: string) => void;
}) {
  const id = `pin-${useId().replace(/[^a-zA-Z0-9]/g, '')}`;
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (autoFocus) input.current?.focus();
  }, [autoFocus]);
  const set = (next: string) => {
    const digits = next.replace(/\D/g, '').slice(0, PIN_LENGTH);
    onValue(digits);
    if (digits.length === PIN_LENGTH && value.length !== PIN_LENGTH) onComplete?.(digits);
  };
  const press = (digit: string) => {
    if (!disabled && value.length < PIN_LENGTH) set(value + digit);
    input.current?.focus();
  };
  const erase = () => {
    if (!disabled) onValue(value.slice(0, -1));
    input.current?.focus();
  };
  return (
    <div class="pin-pad" data-testid={testId}>
      <label for={id} class="field-label">
        {label}
      </label>
      <div class="pin-dots" aria-hidden="true" onClick={() => input.current?.focus()}>
        {Array.from({ length: PIN_LENGTH }, (_, i) => (
          <span key={i} class={cx('pin-dot', i < value.length && 'filled')} />
        ))}
      </div>
      <input
        id={id}
        ref={input}
        class="sr-only pin-input"
        type="password"
        inputMode="numeric"
        autoComplete="off"
        pattern="[0-9]*"
        maxLength={PIN_LENGTH}
        value={value}
        disabled={disabled}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => set((e.currentTarget as HTMLInputElement).value)}
        data-testid={`${testId}-input`}
      />
      <p class="sr-only" aria-live="polite">
        {value.length} of {PIN_LENGTH} digits entered
      </p>
      {error && (
        <p class="field-error" id={`${id}-error`} role="alert" data-testid={`${testId}-error`}>
          {error}
        </p>
      )}
      <div class="pin-keys">
        {KEYS.map((k) => (
          <button
            key={k}
            type="button"
            class="pin-key"
            onClick={() => press(k)}
            disabled={disabled}
            aria-label={`Digit ${k}`}
          >
            {k}
          </button>
        ))}
        <span />
        <button
          type="button"
          class="pin-key"
          onClick={() => press('0')}
          disabled={disabled}
          aria-label="Digit 0"
        >
          0
        </button>
        <button
          type="button"
          class="pin-key pin-key-erase"
          onClick={erase}
          disabled={disabled || value === ''}
          aria-label="Delete last digit"
        >
          ⌫
        </button>
      </div>
    </div>
  );
}

/**
 * Sets the first PIN: chosen, then entered again. `onDone` once the server
 * has it (the session then knows hasPin).
 */
export function SetPinForm({ onDone, testId = 'set-pin' }: { onDone?: () => void; testId?: string }) {
  const { updateUser } = useSession();
  const [first, setFirst] = useState('');
  const [again, setAgain] = useState('');
  const [step, setStep] = useState<'choose' | 'confirm'>('choose');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const save = async (pin: string) => {
    if (pin !== first) {
      setError('The two PINs are not the same. Choose your PIN again.');
      setFirst('');
      setAgain('');
      setStep('choose');
      return;
    }
    setBusy(true);
    try {
      await api.put('/v1/me/pin', { pin });
      updateUser({ hasPin: true });
      onDone?.();
    } catch (e) {
      setError(e instanceof ApiError && e.code === 'pin_too_simple' ? e.detail : errorMessage(e));
      setFirst('');
      setAgain('');
      setStep('choose');
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="stack" data-testid={testId}>
      <p class="muted">
        Your 4-digit PIN confirms every transfer, bill payment and withdrawal. Avoid easy ones like 1234 or
        0000.
      </p>
      {step === 'choose' ? (
        <PinPad
          key="choose"
          label="Choose a PIN"
          value={first}
          onValue={setFirst}
          error={error}
          testId={`${testId}-new`}
          onComplete={() => {
            setError(null);
            setStep('confirm');
          }}
        />
      ) : (
        <PinPad
          key="confirm"
          label="Enter the PIN again"
          value={again}
          onValue={setAgain}
          disabled={busy}
          testId={`${testId}-confirm`}
          onComplete={(pin) => void save(pin)}
        />
      )}
    </div>
  );
}

/**
 * The PIN step of a money screen: the pad, the refusal of the last attempt in
 * plain words, or, for someone with no PIN yet, setting one first.
 */
export function PinStep({
  value,
  onValue,
  failure,
  disabled,
  onComplete,
}: {
  value: string;
  onValue: (pin: string) => void;
  /** The last refusal (shown when it was about the PIN). */
  failure: unknown;
  disabled?: boolean;
  onComplete?: (pin: string) => void;
}) {
  const { user } = useSession();
  if (user && !user.hasPin) {
    return (
      <Alert kind="info" title="Set your PIN" testId="pin-setup">
        <SetPinForm />
      </Alert>
    );
  }
  const locked = failure instanceof ApiError && failure.code === 'pin_locked';
  return (
    <div class="stack">
      <PinPad
        value={value}
        onValue={onValue}
        // Shown until the PIN is entered again (a refusal clears it), a lock for as long as it lasts.
        error={value === '' || locked ? pinMessage(failure) : null}
        disabled={disabled || locked}
        onComplete={onComplete}
      />
      {locked && (
        <p class="small">
          <Link href="/security" class="link">
            Forgot your PIN? Reset it
          </Link>
        </p>
      )}
    </div>
  );
}

/**
 * The PIN a money screen holds. `refused(error)`: after a refusal the PIN is
 * cleared (entered again), and a pin_not_set tells the session.
 */
export function usePin() {
  const { updateUser } = useSession();
  const [pin, setPin] = useState('');
  const refused = (error: unknown) => {
    if (!(error instanceof ApiError) || !error.code.startsWith('pin_')) return;
    setPin('');
    if (error.code === 'pin_not_set') updateUser({ hasPin: false });
  };
  return { pin, setPin, refused, complete: pin.length === PIN_LENGTH };
}
