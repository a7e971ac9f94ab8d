/**
 * Every message a person can receive: its group (what preferences switch), the channels it goes
 * out on by default, and its text. Placeholders are `{name}`; render() refuses to leave one
 * unfilled, so a message with a missing fact fails loudly (and is retried, then dead-lettered)
 * instead of reaching a person as "Your token is {token}".
 */
import { formatMoney } from '../receipts/index.js';

export const CHANNELS = ['email', 'sms', 'in_app'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Preference groups. `security` cannot be turned off. */
export const GROUPS = ['payments', 'money_in', 'withdrawals', 'disputes', 'balance', 'security'] as const;
export type Group = (typeof GROUPS)[number];
export const LOCKED_GROUPS: ReadonlySet<Group> = new Set(['security']);

export interface Template {
  group: Group;
  channels: readonly Channel[];
  subject: string;
  /** Email and in-app text. */
  text: string;
  /** SMS text (defaults to text): short, one segment where possible. */
  sms?: string;
}

export const TEMPLATES = {
  token_delivered: {
    group: 'payments',
    channels: ['sms', 'email', 'in_app'],
    subject: 'Your {billerName} token',
    text: 'Your {billerName} payment of {amount} for {customerRef} is complete. Token: {token} ({units}).',
    sms: 'Vendra: {billerName} token for {customerRef}: {token} ({units}).',
  },
  payment_failed: {
    group: 'payments',
    channels: ['email', 'in_app'],
    subject: 'Your {billerName} payment failed',
    text: 'Your {billerName} payment of {amount} for {customerRef} failed: {reason}. The money was not taken; any hold on your wallet is released.',
  },
  payment_refunded: {
    group: 'payments',
    channels: ['email', 'in_app'],
    subject: 'Your {billerName} payment was refunded',
    text: 'Your {billerName} payment of {amount} for {customerRef} was refunded to your wallet: {reason}.',
  },
  bill_due: {
    group: 'payments',
    channels: ['email', 'in_app'],
    subject: 'Your {billerName} bill is due on {dueDate}',
    text: 'Your {billerName} bill for {nickname} ({customerRef}) of {amount} is due on {dueDate}. Pay it under Bills due.',
  },
  money_received: {
    group: 'money_in',
    channels: ['email', 'in_app'],
    subject: 'You received {amount}',
    text: '{senderName} sent you {amount}. It is in your wallet now.',
  },
  deposit_credited: {
    group: 'money_in',
    channels: ['email', 'in_app'],
    subject: 'Your wallet was funded with {amount}',
    text: 'Your deposit of {amount} (reference {reference}) was credited to your wallet.',
  },
  reward_earned: {
    group: 'money_in',
    channels: ['in_app'],
    subject: 'You earned {amount}',
    text: 'You earned {amount} from "{campaignName}". It is in your wallet now.',
  },
  withdrawal_paid: {
    group: 'withdrawals',
    channels: ['email', 'in_app'],
    subject: 'Your withdrawal was paid',
    text: 'Your withdrawal {withdrawalId} was paid to your bank account.',
  },
  dispute_updated: {
    group: 'disputes',
    channels: ['email', 'in_app'],
    subject: 'Your complaint {trackingNumber}',
    text: '{note}\n\nStatus: {status}. Tracking number: {trackingNumber}.',
  },
  low_balance: {
    group: 'balance',
    channels: ['email', 'in_app'],
    subject: 'Your wallet balance is low',
    text: 'Your wallet balance is {balance}, below the {threshold} you asked to be told about. Top up to keep paying bills without interruption.',
  },
  new_device_login: {
    group: 'security',
    channels: ['email', 'in_app'],
    subject: 'New sign-in to your Vendra account',
    text: 'Your account was signed in to from {device} (address {ip}) at {at}. If this was not you, change your password and end that session under Security.',
  },
  password_changed: {
    group: 'security',
    channels: ['email', 'sms', 'in_app'],
    subject: 'Your Vendra password was changed',
    text: 'The password of your Vendra account was changed at {at}. If this was not you, reset it now and contact support.',
    sms: 'Vendra: your password was changed at {at}. Not you? Reset it now.',
  },
  pin_locked: {
    group: 'security',
    channels: ['email', 'sms', 'in_app'],
    subject: 'Your Vendra PIN is locked',
    text: 'Your transaction PIN was entered wrongly {attempts} times, so sending money, paying and withdrawing are locked until {until}. If this was not you, reset your PIN by phone code and change your password.',
    sms: 'Vendra: wrong PIN {attempts} times; payments locked until {until}. Not you? Reset your PIN and password.',
  },
  password_reset: {
    group: 'security',
    channels: ['email'],
    subject: 'Reset your Vendra password',
    text: 'Reset your password with this link: {link} It expires in {expiresInMinutes} minutes. If you did not ask for it, ignore this message.',
    sms: 'Vendra password reset link: {link} Expires in {expiresInMinutes} min. Never share it.',
  },
  email_verification: {
    group: 'security',
    channels: ['email'],
    subject: 'Confirm your email address',
    text: 'Confirm your email address for Vendra with this link: {link}',
  },
  phone_otp: {
    group: 'security',
    channels: ['sms'],
    subject: 'Your Vendra code',
    text: 'Your Vendra code is {code}. It expires in {expiresInMinutes} minutes. Never share it.',
    sms: 'Vendra code: {code}. Expires in {expiresInMinutes} min. Never share it.',
  },
} as const satisfies Record<string, Template>;

export type TemplateName = keyof typeof TEMPLATES;
export const TEMPLATE_NAMES = Object.keys(TEMPLATES) as TemplateName[];

export const isTemplate = (name: string): name is TemplateName => Object.hasOwn(TEMPLATES, name);

export type TemplateData = Record<string, string | number>;

const PLACEHOLDER = /\{([a-zA-Z][a-zA-Z0-9]*)\}/g;
const MAX_VALUE_CHARS = 1000;

/** The placeholders a template's texts use (the facts a publisher must supply). */
export function placeholdersOf(name: TemplateName): string[] {
  const t: Template = TEMPLATES[name];
  const all = `${t.subject} ${t.text} ${t.sms ?? ''}`;
  return [...new Set([...all.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

function fill(text: string, data: TemplateData, template: string): string {
  return text.replace(PLACEHOLDER, (_, key: string) => {
    const value = data[key];
    if (value === undefined || value === '') throw new Error(`template ${template}: no value for ${key}`);
    return String(value).slice(0, MAX_VALUE_CHARS);
  });
}

export interface Rendered {
  subject: string;
  text: string;
}

/** The message as it goes out on a channel; throws when a placeholder has no value. */
export function render(name: TemplateName, channel: Channel, data: TemplateData): Rendered {
  const t: Template = TEMPLATES[name];
  const body = channel === 'sms' ? (t.sms ?? t.text) : t.text;
  return { subject: fill(t.subject, data, name), text: fill(body, data, name) };
}

/** Kobo as naira for a message: 150000 -> ₦1,500.00 (integer arithmetic, never a float). */
/** Money as a message shows it (₦1,010.00): from integer minor units, the receipts' own formatting. */
export function formatAmount(minor: bigint | number | string, currency = 'NGN'): string {
  return formatMoney(BigInt(minor), currency);
}
