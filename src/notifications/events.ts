/**
 * Domain events that tell a person something, mapped to the notification they get. Each maps to a
 * source key: for a payment it is the payment and its outcome (a payment published twice as
 * succeeded still sends its token once); for a one-off event it is the outbox event itself.
 */
import { customerFailureReason, type getPaymentView } from '../bills/index.js';
import type { OutboxEvent } from '../outbox/index.js';
import { groupToken } from '../receipts/index.js';
import type { Composition, NotificationInput } from './messages.js';
import { formatAmount, isTemplate, type TemplateData } from './templates.js';

export const DOMAIN_EVENT_TYPES = [
  'bill_payment.updated',
  'transfer.completed',
  'deposit.succeeded',
  'withdrawal.updated',
  'identity.new_device_login',
  'dispute.updated',
  'bills.bill_due',
] as const;

/** What an event calls for: a notification and its source. */
export type Mapped = Composition;

type P = Record<string, unknown>;
const str = (v: unknown, fallback = 'unknown') =>
  v === null || v === undefined || v === '' ? fallback : String(v);

/** Reads a payment's view: the worker passes one shared by the handlers running at once. */
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1).replace(/\.$/, '');

export type PaymentViewOf = (id: string) => ReturnType<typeof getPaymentView>;

async function billPayment(viewOf: PaymentViewOf, event: OutboxEvent, p: P): Promise<Mapped | undefined> {
  const status = p.status as string;
  const template =
    status === 'succeeded' && p.token
      ? 'token_delivered'
      : status === 'failed'
        ? 'payment_failed'
        : status === 'reversed'
          ? 'payment_refunded'
          : undefined;
  if (!template || !event.userId) return undefined;
  const view = await viewOf(p.id as string);
  const data: TemplateData = {
    billerName: view.billerName,
    amount: formatAmount(view.amount, view.currency),
    customerRef: view.customerRef,
    // As it is typed into a meter: in groups of four.
    token: groupToken(str(view.token ?? p.token)),
    units: str(view.units, 'units as issued'),
    // In the customer's words: the provider's codes stay with staff.
    reason: lowerFirst(customerFailureReason(view.status, view.category) ?? 'the biller did not complete it'),
  };
  const input: NotificationInput = { userId: event.userId, template, data };
  // A phone typed on the payment is the payer's own choice for this token: it need not be
  // verified. Without one the SMS goes to the account's phone, only when it is verified.
  if (template === 'token_delivered' && view.phone) {
    input.to = { phone: view.phone };
    input.unverifiedOk = ['sms'];
  }
  return { source: `bill_payment:${view.id}`, input };
}

/** The notification an event calls for, or undefined when it calls for none. */
export async function mapEvent(viewOf: PaymentViewOf, event: OutboxEvent): Promise<Mapped | undefined> {
  const p = (event.payload ?? {}) as P;
  const source = `event:${event.id}`;
  switch (event.type) {
    case 'notification.requested': {
      if (typeof p.template !== 'string' || !isTemplate(p.template) || typeof p.userId !== 'string')
        throw new Error(`notification.requested: unknown template or user in event ${event.id}`);
      return { source, input: p as unknown as NotificationInput };
    }
    case 'bill_payment.updated':
      return billPayment(viewOf, event, p);
    case 'transfer.completed':
      return {
        source: `transfer:${str(p.transferId)}`,
        input: {
          userId: p.toUserId as string,
          template: 'money_received',
          data: {
            amount: formatAmount(p.amount as string, p.currency as string),
            senderName: str(p.senderName, 'Someone'),
          },
        },
      };
    case 'deposit.succeeded':
      if (!event.userId) return undefined;
      return {
        source: `deposit:${str(p.depositId)}`,
        input: {
          userId: event.userId,
          template: 'deposit_credited',
          data: {
            amount: formatAmount(p.amount as string, p.currency as string),
            reference: str(p.reference),
          },
        },
      };
    case 'withdrawal.updated':
      if (p.status !== 'succeeded' || !event.userId) return undefined;
      return {
        source: `withdrawal:${str(p.withdrawalId)}`,
        input: {
          userId: event.userId,
          template: 'withdrawal_paid',
          data: { withdrawalId: str(p.withdrawalId) },
        },
      };
    case 'identity.new_device_login':
      return {
        source,
        input: {
          userId: p.userId as string,
          template: 'new_device_login',
          data: { device: str(p.device, 'an unknown device'), ip: str(p.ip), at: str(p.at) },
        },
      };
    case 'dispute.updated':
      if (!event.userId) return undefined;
      return {
        source,
        input: {
          userId: event.userId,
          template: 'dispute_updated',
          data: {
            trackingNumber: str(p.trackingNumber),
            status: str(p.status).replace(/_/g, ' '),
            note: str(p.note, 'Your complaint was updated.'),
          },
        },
      };
    case 'bills.bill_due':
      if (!event.userId) return undefined;
      return {
        // Once per bill, however often the reminder is published.
        source: `bill_due:${str(p.linkedAccountId)}:${str(p.billReference)}`,
        input: {
          userId: event.userId,
          template: 'bill_due',
          data: {
            billerName: str(p.billerName),
            nickname: str(p.nickname),
            customerRef: str(p.customerRef),
            amount: formatAmount(p.amountDue as string, p.currency as string),
            dueDate: str(p.dueDate),
          },
        },
      };
    default:
      return undefined;
  }
}
