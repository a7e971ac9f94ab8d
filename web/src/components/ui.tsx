import type {
  ButtonHTMLAttributes,
  ComponentChildren,
  InputHTMLAttributes,
  Ref,
  SelectHTMLAttributes,
} from 'preact';
import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { formatMoney } from '../money';

export function cx(...names: (string | false | null | undefined)[]): string {
  return names.filter(Boolean).join(' ');
}

type ButtonProps = Omit<ButtonHTMLAttributes, 'type'> & {
  variant?: 'primary' | 'secondary' | 'ghost' | 'danger';
  size?: 'sm' | 'md' | 'lg';
  loading?: boolean;
  block?: boolean;
  type?: 'button' | 'submit';
  disabled?: boolean;
};

export function Button({
  variant = 'primary',
  size = 'md',
  loading = false,
  block = false,
  type = 'button',
  disabled,
  children,
  class: className,
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      class={cx('btn', `btn-${variant}`, `btn-${size}`, block && 'btn-block', className as string)}
      disabled={disabled || loading}
      aria-busy={loading ? 'true' : undefined}
      {...rest}
    >
      {loading && <span class="spinner spinner-inline" aria-hidden="true" />}
      <span>{children}</span>
    </button>
  );
}

export function Spinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div class="loading" role="status" aria-live="polite">
      <span class="spinner" aria-hidden="true" />
      <span>{label}…</span>
    </div>
  );
}

export function Skeleton({ lines = 3 }: { lines?: number }) {
  return (
    <div class="skeleton-group" aria-hidden="true">
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} class="skeleton" />
      ))}
    </div>
  );
}

export function Alert({
  kind = 'error',
  title,
  children,
  testId,
}: {
  kind?: 'error' | 'success' | 'info' | 'warning';
  title?: string;
  children?: ComponentChildren;
  testId?: string;
}) {
  return (
    <div
      class={cx('alert', `alert-${kind}`)}
      role={kind === 'error' ? 'alert' : 'status'}
      data-testid={testId ?? `alert-${kind}`}
    >
      {title && <strong class="alert-title">{title}</strong>}
      {children && <div>{children}</div>}
    </div>
  );
}

export function EmptyState({
  title,
  children,
  action,
}: {
  title: string;
  children?: ComponentChildren;
  action?: ComponentChildren;
}) {
  return (
    <div class="empty" data-testid="empty-state">
      <p class="empty-title">{title}</p>
      {children && <p class="muted">{children}</p>}
      {action}
    </div>
  );
}

export function Card({
  children,
  class: className,
  title,
  actions,
  testId,
}: {
  children?: ComponentChildren;
  class?: string;
  title?: string;
  actions?: ComponentChildren;
  testId?: string;
}) {
  return (
    <section class={cx('card', className)} data-testid={testId}>
      {(title || actions) && (
        <div class="card-head">
          {title && <h2 class="card-title">{title}</h2>}
          {actions && <div class="card-actions">{actions}</div>}
        </div>
      )}
      {children}
    </section>
  );
}

/** The screen's heading; it takes focus on navigation so screen readers announce the new page. */
export function PageHeader({
  title,
  subtitle,
  actions,
  back,
}: {
  title: string;
  subtitle?: ComponentChildren;
  actions?: ComponentChildren;
  back?: ComponentChildren;
}) {
  return (
    <header class="page-header">
      {back && <div class="page-back">{back}</div>}
      <div class="page-header-row">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {title}
          </h1>
          {subtitle && <p class="muted page-subtitle">{subtitle}</p>}
        </div>
        {actions && <div class="page-actions">{actions}</div>}
      </div>
    </header>
  );
}

interface FieldBase {
  label: string;
  hint?: ComponentChildren;
  error?: string;
  name: string;
  required?: boolean;
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

function FieldFrame({
  id,
  label,
  hint,
  error,
  required,
  children,
}: FieldBase & { id: string; children: ComponentChildren }) {
  return (
    <div class={cx('field', error && 'field-invalid')}>
      <label for={id} class="field-label">
        {label}
        {required === false && <span class="muted"> (optional)</span>}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} class="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} class="field-error" data-testid={`error-${id}`}>
          {error}
        </p>
      )}
    </div>
  );
}

type InputProps = FieldBase &
  Omit<InputHTMLAttributes, 'label' | 'name' | 'value' | 'onInput' | 'type'> & {
    value: string;
    onValue: (value: string) => void;
    type?: string;
    prefix?: string;
    inputRef?: Ref<HTMLInputElement>;
  };

export function TextField({
  label,
  hint,
  error,
  name,
  required,
  value,
  onValue,
  type = 'text',
  prefix,
  inputRef,
  id: givenId,
  ...rest
}: InputProps) {
  const generated = useId();
  const id = (givenId as string | undefined) ?? `f-${name}-${generated.replace(/[^a-zA-Z0-9]/g, '')}`;
  const input = (
    <input
      id={id}
      name={name}
      type={type as 'text'}
      value={value}
      ref={inputRef}
      onInput={(e) => onValue((e.currentTarget as HTMLInputElement).value)}
      aria-invalid={error ? 'true' : undefined}
      aria-describedby={describedBy(id, hint, error)}
      required={required}
      class="input"
      {...(rest as Record<string, unknown>)}
    />
  );
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} name={name} required={required}>
      {prefix ? (
        <div class="input-affix">
          <span class="input-prefix" aria-hidden="true">
            {prefix}
          </span>
          {input}
        </div>
      ) : (
        input
      )}
    </FieldFrame>
  );
}

type SelectProps = FieldBase &
  Omit<SelectHTMLAttributes, 'label' | 'name' | 'value'> & {
    value: string;
    onValue: (value: string) => void;
    options: { value: string; label: string; disabled?: boolean }[];
    placeholder?: string;
  };

export function SelectField({
  label,
  hint,
  error,
  name,
  required,
  value,
  onValue,
  options,
  placeholder,
  id: givenId,
  ...rest
}: SelectProps) {
  const generated = useId();
  const id = (givenId as string | undefined) ?? `f-${name}-${generated.replace(/[^a-zA-Z0-9]/g, '')}`;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error} name={name} required={required}>
      <select
        id={id}
        name={name}
        value={value}
        onChange={(e) => onValue((e.currentTarget as HTMLSelectElement).value)}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={describedBy(id, hint, error)}
        required={required}
        class="input select"
        {...(rest as Record<string, unknown>)}
      >
        {placeholder !== undefined && (
          <option value="" disabled={required}>
            {placeholder}
          </option>
        )}
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.disabled}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

export function Money({
  amount,
  currency,
  class: className,
  signed,
  testId,
}: {
  amount: number | bigint;
  currency: string;
  class?: string;
  signed?: 'credit' | 'debit';
  testId?: string;
}) {
  const text = formatMoney(amount, currency);
  return (
    <span
      class={cx(
        'money',
        signed === 'credit' && 'money-credit',
        signed === 'debit' && 'money-debit',
        className,
      )}
      data-testid={testId}
    >
      {signed === 'credit' ? '+' : signed === 'debit' ? '−' : ''}
      {text}
    </span>
  );
}

const STATUS_TONES: Record<string, string> = {
  succeeded: 'success',
  completed: 'success',
  active: 'success',
  closed: 'neutral',
  delivered: 'success',
  pending: 'warning',
  processing: 'info',
  half_open: 'warning',
  needs_review: 'warning',
  released: 'neutral',
  failed: 'danger',
  reversed: 'neutral',
  frozen: 'danger',
  open: 'danger',
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  const tone = STATUS_TONES[status] ?? 'neutral';
  return (
    <span class={cx('badge', `badge-${tone}`)} data-status={status}>
      {label ?? status.replace(/_/g, ' ')}
    </span>
  );
}

/** A native <dialog> opened modally: focus is trapped and Escape closes it. */
export function Dialog({
  open,
  onClose,
  title,
  children,
  testId,
}: {
  open: boolean;
  onClose: () => void;
  title: string;
  children: ComponentChildren;
  testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      class="dialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
      data-testid={testId}
    >
      {open && (
        <div class="dialog-body">
          <div class="dialog-head">
            <h2 id={titleId} class="dialog-title">
              {title}
            </h2>
            <button type="button" class="icon-btn" onClick={onClose} aria-label="Close">
              <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true">
                <path d="M6 6l12 12M18 6L6 18" stroke="currentColor" stroke-width="2" fill="none" />
              </svg>
            </button>
          </div>
          {children}
        </div>
      )}
    </dialog>
  );
}

export function CopyButton({
  text,
  label = 'Copy',
  testId,
}: {
  text: string;
  label?: string;
  testId?: string;
}) {
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (copied === 'idle') return;
    const t = setTimeout(() => setCopied('idle'), 2500);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <>
      <Button
        variant="secondary"
        size="sm"
        data-testid={testId}
        onClick={async () => {
          try {
            await navigator.clipboard.writeText(text);
            setCopied('copied');
          } catch {
            setCopied('failed');
          }
        }}
      >
        {copied === 'copied' ? 'Copied' : label}
      </Button>
      <span class="sr-only" aria-live="polite">
        {copied === 'copied'
          ? 'Copied to clipboard'
          : copied === 'failed'
            ? 'Could not copy; select the text'
            : ''}
      </span>
    </>
  );
}

export function DefinitionList({ items }: { items: [string, ComponentChildren][] }) {
  return (
    <dl class="dl">
      {items.map(([term, value]) => (
        <div class="dl-row" key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Moves focus to the first invalid field of a form after a failed validation. */
export function focusFirstError(form: HTMLFormElement | null) {
  requestAnimationFrame(() => {
    const el = form?.querySelector<HTMLElement>('[aria-invalid="true"]');
    el?.focus();
  });
}

/** A failed load, with the server's words and a way to try again. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const message =
    error && typeof error === 'object' && 'detail' in error && typeof error.detail === 'string'
      ? error.detail
      : error instanceof Error
        ? error.message
        : 'Something went wrong.';
  return (
    <div class="alert alert-error" role="alert" data-testid="load-error">
      <div>{message}</div>
      {onRetry && (
        <Button variant="secondary" size="sm" onClick={onRetry}>
          Try again
        </Button>
      )}
    </div>
  );
}
