import { useEffect, useRef, useState } from 'preact/hooks';
import { Alert, Button, PageHeader, TextField } from '../components/ui';
import { api, errorMessage } from '../lib/api';
import { useTitle } from '../lib/hooks';
import { checkedPasswordProblem, PASSWORD_HINT } from '../lib/password-rule';
import { Link, useLocation } from '../lib/router';
import { AuthFrame, fieldErrors } from './Auth';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** /forgot-password: asks for the email; the answer is the same whether or not an account has it. */
export function ForgotPasswordPage() {
  useTitle('Forgot password');
  const [email, setEmail] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (!EMAIL.test(email.trim())) return setError('Enter the email address you signed up with');
    setError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      await api.post('/v1/auth/password/forgot', { email: email.trim() });
      setSent(true);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (sent) {
    return (
      <AuthFrame title="Check your email" subtitle="If your email is verified, a reset link is on its way.">
        <p data-testid="forgot-sent">
          The link works once and for 30 minutes. If your email was never verified, no link can be sent:
          contact support.
        </p>
        <p class="auth-switch">
          <Link href="/login">Back to log in</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Forgot your password?" subtitle="We will email you a link to choose a new one.">
      <form onSubmit={submit} noValidate class="form" data-testid="forgot-form">
        {failure && <Alert testId="form-error">{failure}</Alert>}
        <TextField
          label="Email"
          name="email"
          id="email"
          type="email"
          value={email}
          onValue={setEmail}
          error={error}
          autoComplete="email"
          inputMode="email"
        />
        <Button type="submit" block size="lg" loading={busy}>
          Send reset link
        </Button>
      </form>
      <p class="auth-switch">
        <Link href="/login">Back to log in</Link>
      </p>
    </AuthFrame>
  );
}

/** /reset-password?token=...: a new password; every session ends, so the person logs in again. */
export function ResetPasswordPage() {
  useTitle('Choose a new password');
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const weak = await checkedPasswordProblem(password).catch(() => null);
    if (weak) return setErrors({ newPassword: weak });
    setErrors({});
    setFailure(null);
    setBusy(true);
    try {
      await api.post('/v1/auth/password/reset', { token, newPassword: password });
      setDone(true);
    } catch (e) {
      setErrors(fieldErrors(e));
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  if (done) {
    return (
      <AuthFrame title="Password changed" subtitle="You were logged out everywhere.">
        <p class="auth-switch" data-testid="reset-done">
          <Link href="/login">Log in with your new password</Link>
        </p>
      </AuthFrame>
    );
  }
  return (
    <AuthFrame title="Choose a new password" subtitle={PASSWORD_HINT}>
      {!token && <Alert>This link has no token. Ask for a new reset link.</Alert>}
      <form onSubmit={submit} noValidate class="form" data-testid="reset-form">
        {failure && <Alert testId="form-error">{failure}</Alert>}
        <TextField
          label="New password"
          name="newPassword"
          id="newPassword"
          type="password"
          value={password}
          onValue={setPassword}
          error={errors.newPassword}
          autoComplete="new-password"
        />
        <Button type="submit" block size="lg" loading={busy} disabled={!token}>
          Set new password
        </Button>
      </form>
      <p class="auth-switch">
        <Link href="/forgot-password">Ask for a new link</Link>
      </p>
    </AuthFrame>
  );
}

/** /verify-email?token=...: redeems the link on arrival. */
export function VerifyEmailPage() {
  useTitle('Verify email');
  const { query } = useLocation();
  const token = query.get('token') ?? '';
  const [state, setState] = useState<'busy' | 'done' | string>('busy');
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    api.post('/v1/auth/email/verify', { token }).then(
      () => setState('done'),
      (e) => setState(errorMessage(e)),
    );
  }, [token]);
  return (
    <AuthFrame title="Verify your email" subtitle="">
      {state === 'busy' ? (
        <p>Checking your link…</p>
      ) : state === 'done' ? (
        <Alert kind="success" testId="email-verified">
          Your email is verified.
        </Alert>
      ) : (
        <Alert testId="form-error">{state}</Alert>
      )}
      <p class="auth-switch">
        <Link href="/">Go to your wallet</Link>
      </p>
    </AuthFrame>
  );
}

/** /settings/password: the current password, then the new one; other sessions end. */
export function ChangePasswordPage() {
  useTitle('Change password');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!current) found.currentPassword = 'Enter your current password';
    const weak = await checkedPasswordProblem(next).catch(() => null);
    if (weak) found.newPassword = weak;
    setErrors(found);
    setFailure(null);
    setDone(false);
    if (Object.keys(found).length) return;
    setBusy(true);
    try {
      await api.post('/v1/me/password', { currentPassword: current, newPassword: next });
      setDone(true);
      setCurrent('');
      setNext('');
    } catch (e) {
      setErrors(fieldErrors(e));
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="page narrow">
      <PageHeader title="Change password" subtitle="Your other devices are logged out when you change it." />
      <form onSubmit={submit} noValidate class="form" data-testid="change-password-form">
        {failure && <Alert testId="form-error">{failure}</Alert>}
        {done && (
          <Alert kind="success" testId="password-changed">
            Password changed. Your other sessions were ended.
          </Alert>
        )}
        <TextField
          label="Current password"
          name="currentPassword"
          id="currentPassword"
          type="password"
          value={current}
          onValue={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <TextField
          label="New password"
          name="newPassword"
          id="newPassword"
          type="password"
          value={next}
          onValue={setNext}
          error={errors.newPassword}
          autoComplete="new-password"
        />
        <Button type="submit" loading={busy}>
          Change password
        </Button>
      </form>
    </div>
  );
}
