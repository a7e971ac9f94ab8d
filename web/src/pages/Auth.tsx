import type { ComponentChildren } from 'preact';
import { useRef, useState } from 'preact/hooks';
import { Logo } from '../components/icons';
import { FrozenAccountNotice } from '../components/Support';
import { Alert, Button, focusFirstError, TextField } from '../components/ui';
import { ApiError, errorMessage } from '../lib/api';
import { useTitle } from '../lib/hooks';
import { Link, useLocation } from '../lib/router';
import { checkedPasswordProblem, PASSWORD_HINT, passwordProblem } from '../lib/password-rule';
import { useSession } from '../lib/session';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9]{10,15}$/;

/** Codes that are about one field: the server's refusal is shown under that field, not as a banner. */
const CODE_FIELDS: Record<string, string> = {
  weak_password: 'password',
  invalid_email: 'email',
  email_taken: 'email',
  invalid_phone: 'phone',
  phone_taken: 'phone',
  invalid_name: 'fullName',
  invalid_referral_code: 'referralCode',
};

/** Field errors the server attached to its problem document ("body/email" -> email), or its code names. */
export function fieldErrors(error: unknown, codeFields: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = {};
  if (error instanceof ApiError) {
    const field = codeFields[error.code];
    if (field) out[field] = error.detail;
    for (const e of error.errors) {
      const field = e.path.split('/').filter(Boolean).pop();
      if (field && !out[field]) out[field] = e.message;
    }
  }
  return out;
}

const PITCH = 'Pay bills, send money and get paid — instantly, with receipts you can trust.';

function AuthPoints() {
  return (
    <ul class="auth-points">
      <li>Electricity tokens in seconds</li>
      <li>Free transfers between Vendra wallets</li>
      <li>Every kobo accounted for on a double-entry ledger</li>
    </ul>
  );
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
          <p class="auth-pitch">{PITCH}</p>
          <AuthPoints />
        </div>
      </div>
      <main id="main" class="auth-main">
        <div class="auth-card">
          <div class="auth-brand">
            <Logo />
            <span class="brand-name">Vendra</span>
          </div>
          {/* On a phone the side panel is hidden: what Vendra is comes first here instead. */}
          <section class="auth-intro" aria-label="What Vendra is" data-testid="auth-intro">
            <p class="auth-intro-pitch">{PITCH}</p>
            <AuthPoints />
          </section>
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
  const [email, setEmail] = useState(query.get('email') ?? '');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [frozen, setFrozen] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setFrozen(false);
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
      if (error instanceof ApiError && error.code === 'account_frozen') {
        setFrozen(true);
        setFailure(null);
      } else if (error instanceof ApiError && error.status === 429 && error.retryAfterSeconds) {
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
        {frozen && <FrozenAccountNotice />}
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
  const { query } = useLocation();
  const [referralCode, setReferralCode] = useState(query.get('ref') ?? '');
  const [fullName, setFullName] = useState('');
  const [email, setEmail] = useState('');
  const [phone, setPhone] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [taken, setTaken] = useState(false);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    setTaken(false);
    const next: Record<string, string> = {};
    const phoneClean = phone.replace(/[\s-]/g, '');
    if (fullName.trim().length < 2) next.fullName = 'Enter your full name';
    if (!EMAIL.test(email.trim())) next.email = 'Enter a valid email address, like ada@example.com';
    if (phoneClean && !PHONE.test(phoneClean))
      next.phone = 'Enter a phone number like 08031234567 or +2348031234567';
    const weak = passwordProblem(password, email.trim().toLowerCase());
    if (weak) next.password = weak;
    setErrors(next);
    setFailure(null);
    if (Object.keys(next).length) return focusFirstError(form.current);
    setBusy(true);
    // The same guessability check the server makes, before anything is sent.
    const guessable = await checkedPasswordProblem(password, email.trim().toLowerCase()).catch(() => null);
    if (guessable) {
      setBusy(false);
      setErrors({ password: guessable });
      return focusFirstError(form.current);
    }
    try {
      await register({
        fullName: fullName.trim(),
        email: email.trim(),
        password,
        ...(phoneClean ? { phone: phoneClean } : {}),
        ...(referralCode.trim() ? { referralCode: referralCode.trim() } : {}),
      });
    } catch (error) {
      const fields = fieldErrors(error, CODE_FIELDS);
      setErrors(fields);
      setTaken(error instanceof ApiError && error.code === 'email_taken');
      // A refusal about a field is shown under it; only anything else needs the banner.
      setFailure(Object.keys(fields).length ? null : errorMessage(error));
      if (Object.keys(fields).length) focusFirstError(form.current);
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
        {taken && (
          <p class="small" data-testid="email-taken">
            This email already has an account.{' '}
            <Link
              href={`/login?email=${encodeURIComponent(email.trim())}`}
              class="link"
              data-testid="login-instead"
            >
              Log in instead
            </Link>{' '}
            or <Link href="/forgot-password">reset the password</Link>.
          </p>
        )}
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
          hint={PASSWORD_HINT}
        />
        <TextField
          label="Referral code"
          name="referralCode"
          id="referralCode"
          value={referralCode}
          onValue={setReferralCode}
          error={errors.referralCode}
          required={false}
          autoComplete="off"
          hint="From a friend who invited you."
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
