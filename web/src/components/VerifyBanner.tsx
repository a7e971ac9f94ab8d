import { useState } from 'preact/hooks';
import { api, errorMessage } from '../lib/api';
import { Link } from '../lib/router';
import type { User } from '../lib/types';
import { Alert, Button, TextField } from './ui';

/**
 * Home's prompts: set a transaction PIN (money moves only with it), and verify
 * the email or phone (resets and codes only go to verified contacts).
 */
export function VerifyBanner({ user }: { user: User }) {
  return (
    <>
      {!user.hasPin && (
        <Alert kind="info" testId="set-pin-banner">
          Set your transaction PIN: it confirms every transfer, bill payment and withdrawal.{' '}
          <Link href="/security" class="btn btn-secondary btn-sm" data-testid="set-pin-link">
            Set PIN
          </Link>
        </Alert>
      )}
      {!user.emailVerified && <EmailPrompt email={user.email} />}
      {user.phone && !user.phoneVerified && <PhonePrompt phone={user.phone} />}
    </>
  );
}

function EmailPrompt({ email }: { email: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent'>('idle');
  const [failure, setFailure] = useState<string | null>(null);
  const send = async () => {
    setState('busy');
    setFailure(null);
    try {
      await api.post('/v1/me/email/verify/send');
      setState('sent');
    } catch (e) {
      setFailure(errorMessage(e));
      setState('idle');
    }
  };
  return (
    <div data-testid="verify-email-banner">
      <Alert kind="info">
        {state === 'sent'
          ? `We sent a link to ${email}. Open it to verify your email.`
          : `Verify ${email} so you can reset your password if you forget it.`}{' '}
        {state !== 'sent' && (
          <Button size="sm" variant="secondary" loading={state === 'busy'} onClick={send}>
            Verify
          </Button>
        )}
      </Alert>
      {failure && <Alert>{failure}</Alert>}
    </div>
  );
}

function PhonePrompt({ phone }: { phone: string }) {
  const [state, setState] = useState<'idle' | 'busy' | 'sent' | 'done'>('idle');
  const [code, setCode] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>, next: 'sent' | 'done', back: 'idle' | 'sent') => {
    setState('busy');
    setFailure(null);
    try {
      await action();
      setState(next);
    } catch (e) {
      setFailure(errorMessage(e));
      setState(back);
    }
  };
  if (state === 'done')
    return (
      <Alert kind="success" testId="phone-verified">
        Your phone is verified.
      </Alert>
    );
  return (
    <div data-testid="verify-phone-banner">
      <Alert kind="info">
        {state === 'sent' ? `Enter the 6-digit code sent to ${phone}.` : `Verify your phone ${phone}.`}{' '}
        {state === 'idle' && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => run(() => api.post('/v1/me/phone/verify/send'), 'sent', 'idle')}
          >
            Verify
          </Button>
        )}
      </Alert>
      {state === 'sent' && (
        <form
          class="form"
          onSubmit={(e) => {
            e.preventDefault();
            void run(() => api.post('/v1/me/phone/verify', { code: code.trim() }), 'done', 'sent');
          }}
        >
          <TextField
            label="Code"
            name="code"
            id="phone-code"
            value={code}
            onValue={setCode}
            inputMode="numeric"
          />
          <Button type="submit" size="sm">
            Confirm
          </Button>
        </form>
      )}
      {failure && <Alert>{failure}</Alert>}
    </div>
  );
}
