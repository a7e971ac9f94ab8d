import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { request } from 'undici';
import type { Config } from '../config.js';

/**
 * The payment gateway. Paystack's API in `paystack` mode; in `sandbox` mode a
 * built-in simulator with a checkout page that sends Paystack-style signed
 * webhooks back to us, so deposits work with no account anywhere.
 */
export const PAYSTACK_BASE_URL = 'https://api.paystack.co';
const GATEWAY_TIMEOUT_MS = 15_000;

export function newDepositReference(): string {
  return `VDEP-${Date.now().toString(36).toUpperCase()}-${randomBytes(5).toString('hex').toUpperCase()}`;
}

/** Paystack's webhook signature: HMAC-SHA512 of the raw body with the secret key, hex. */
export function signWebhook(secret: string, rawBody: string): string {
  return createHmac('sha512', secret).update(rawBody).digest('hex');
}

export function verifyWebhookSignature(secret: string, rawBody: string, signature: unknown): boolean {
  if (typeof signature !== 'string' || !/^[0-9a-f]{128}$/i.test(signature)) return false;
  const expected = Buffer.from(signWebhook(secret, rawBody), 'hex');
  const given = Buffer.from(signature, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CheckoutInput {
  reference: string;
  amount: bigint;
  currency: string;
  email: string;
  /** Where the gateway sends the customer back to. */
  callbackUrl: string;
}

/** Starts a checkout and returns the page the customer pays on. */
export async function startCheckout(config: Config, baseUrl: string, input: CheckoutInput): Promise<string> {
  if (config.gatewayMode === 'sandbox')
    return `${baseUrl}/sandbox/checkout/${encodeURIComponent(input.reference)}`;
  const res = await request(`${PAYSTACK_BASE_URL}/transaction/initialize`, {
    method: 'POST',
    headers: { authorization: `Bearer ${config.paystackSecretKey}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      reference: input.reference,
      amount: input.amount.toString(),
      currency: input.currency,
      email: input.email,
      callback_url: input.callbackUrl,
    }),
    headersTimeout: GATEWAY_TIMEOUT_MS,
    bodyTimeout: GATEWAY_TIMEOUT_MS,
  });
  const body = (await res.body.json()) as {
    status?: boolean;
    data?: { authorization_url?: string };
    message?: string;
  };
  if (res.statusCode !== 200 || !body.status || !body.data?.authorization_url) {
    throw new Error(`paystack initialize failed: ${res.statusCode} ${body.message ?? ''}`);
  }
  return body.data.authorization_url;
}

/** The webhook body the sandbox sends, shaped like Paystack's charge events. */
export function sandboxChargeEvent(
  outcome: 'success' | 'failed',
  d: {
    reference: string;
    amount: bigint;
    currency: string;
    email: string;
    /** A paid card charge's reusable authorization, as the simulator issued it. */
    authorization?: Record<string, unknown>;
  },
) {
  return {
    event: outcome === 'success' ? 'charge.success' : 'charge.failed',
    data: {
      id: Number.parseInt(randomBytes(4).toString('hex'), 16),
      status: outcome === 'success' ? 'success' : 'failed',
      reference: d.reference,
      amount: Number(d.amount),
      currency: d.currency,
      channel: 'card',
      paid_at: new Date().toISOString(),
      customer: { email: d.email },
      gateway_response: outcome === 'success' ? 'Approved' : 'Declined',
      ...(d.authorization ? { authorization: d.authorization } : {}),
    },
  };
}
