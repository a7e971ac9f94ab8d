import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { Logo } from '../components/icons';
import { Alert, Button, focusFirstError, TextField } from '../components/ui';
import { ApiError, errorMessage } from '../lib/api';
import { useTitle } from '../lib/hooks';
import { Link, useLocation } from '../lib/router';
import { useSession } from '../lib/session';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{10,15}$/;

/** Field errors the server attached to its problem document ("body/email" -> email). */
export function fieldErrors(error: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    for (const e of error.errors) {
      const field = e.path.split('/').filter(Boolean).pop();
      if (field && !out[field]) out[field] = e.message;
    }
  }
  return out;
}

export function AuthFrame({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle: string;
  children: ComponentChildren;
}) {
  return (
    <div class="auth">
      <div class="auth-side" aria-hidden="true">
        <div class="auth-side-inner">
          <Logo />
          <p class="auth-pitch">
            Pay bills, send money and get paid — instantly, with receipts you can trust.
          </p>
          <ul class="auth-points">
            <li>Electricity tokens in seconds</li>
            <li>Free transfers between Vendra wallets</li>
            <li>Every kobo accounted for on a double-entry ledger</li>
          </ul>
        </div>
      </div>
      <main id="main" class="auth-main">
        <div class="auth-card">
          <div class="auth-brand">
            <Logo />
            <span class="brand-name">Vendra</span>
          </div>
          <h1 id="page-title" tabIndex={-1}>
            {title}
          </h1>
          <p class="muted">{subtitle}</p>
          {children}
        </div>
      </main>
    </div>
  );
}

function PasswordField({
  value,
  onValue,
  error,
  autoComplete,
  hint,
}: {
  value: string;
  onValue: (v: string) => void;
  error?: string;
  autoComplete: string;
  hint?: string;
}) {
  const [show, setShow] = useState(false);
  return (
    <div class="password-field">
      <TextField
        label="Password"
        name="password"
        id="password"
        type={show ? 'text' : 'password'}
        value={value}
        onValue={onValue}
        error={error}
        hint={hint}
        autoComplete={autoComplete}
      />
      <button
        type="button"
        class="link-btn password-toggle"
        aria-pressed={show ? 'true' : 'false'}
        aria-controls="password"
        onClick={() => setShow((s) => !s)}
      >
        {show ? 'Hide' : 'Show'} password
      </button>
    </div>
  );
}

export function LoginPage() {
  useTitle('Log in');
  const { login, expired } = useSession();
  const { query } = useLocation();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!EMAIL.test(email.trim())) next.email = 'Enter the email address you signed up with';
    if (password === '') next.password = 'Enter your password';
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      await login(email.trim(), password);
    } catch (error) {
      setErrors(fieldErrors(error));
      if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
        setFailure(`${error.detail} Try again in ${error.retryAfterSeconds} seconds.`);
      } else setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame title="Welcome back" subtitle="Log in to your Vendra wallet.">
      {expired && !failure && <Alert kind="info">Your session ended. Please log in again.</Alert>}
      {query.get('next') && !expired && !failure && <Alert kind="info">Please log in to continue.</Alert>}
      <form ref={form} onSubmit={submit} noValidate class="form" data-testid="login-form">
        {failure && <Alert testId="form-error">{failure}</Alert>}
        <TextField
          label="Email"
          name="email"
          id="email"
          type="email"
          value={email}
          onValue={setEmail}
          error={errors.email}
          autoComplete="email"
          inputMode="email"
        />
        <PasswordField
          value={password}
          onValue={setPassword}
          error={errors.password}
          autoComplete="current-password"
        />
        <Button type="submit" block size="lg" loading={busy}>
          Log in
        </Button>
      </form>
      <p class="auth-switch">
        <Link href="/forgot-password" data-testid="forgot-link">
          Forgot password?
        </Link>
      </p>
      <p class="auth-switch">
        New to Vendra? <Link href="/signup">Create an account</Link>
      </p>
    </AuthFrame>
  );
}

export function SignupPage() {
  useTitle('Create your account');
  const { register } = useSession();
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    const phoneClean = phone.replace(/[\s-]/g, '');
    if (fullName.trim().length < 2) next.fullName = 'Enter your full name';
    if (!EMAIL.test(email.trim())) next.email = 'Enter a valid email address, like ada@example.com';
    if (phoneClean && !PHONE.test(phoneClean))
      next.phone = 'Enter a phone number like 08031234567 or +2348031234567';
    if (password.length < 8) next.password = 'Use at least 8 characters';
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    try {
      await register({
        fullName: fullName.trim(),
        email: email.trim(),
        password,
        ...(phoneClean ? { phone: phoneClean } : {}),
      });
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthFrame
      title="Create your account"
      subtitle="It takes a minute. Your naira wallet is ready right after."
    >
      <form ref={form} onSubmit={submit} noValidate class="form" data-testid="signup-form">
        {failure && <Alert testId="form-error">{failure}</Alert>}
        <TextField
          label="Full name"
          name="fullName"
          id="fullName"
          value={fullName}
          onValue={setFullName}
          error={errors.fullName}
          autoComplete="name"
        />
        <TextField
          label="Email"
          name="email"
          id="email"
          type="email"
          value={email}
          onValue={setEmail}
          error={errors.email}
          autoComplete="email"
          inputMode="email"
        />
        <TextField
          label="Phone number"
          name="phone"
          id="phone"
          type="tel"
          value={phone}
          onValue={setPhone}
          error={errors.phone}
          required={false}
          autoComplete="tel"
          inputMode="tel"
          hint="Lets friends send you money by phone number."
        />
        <PasswordField
          value={password}
          onValue={setPassword}
          error={errors.password}
          autoComplete="new-password"
          hint="At least 8 characters."
        />
        <Button type="submit" block size="lg" loading={busy}>
          Create account
        </Button>
      </form>
      <p class="auth-switch">
        Already have an account? <Link href="/login">Log in</Link>
      </p>
    </AuthFrame>
  );
}
