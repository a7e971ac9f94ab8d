/**
 * Recurring card charges: Paystack's `POST /transaction/charge_authorization`
 * charges a saved card (the reusable `authorization_code` of an earlier
 * successful charge) without the customer. The same call reaches
 * api.paystack.co or the simulator, through the client of the gateway mode.
 */
import type { PaystackClient } from './client.js';

export interface ChargeAuthorizationInput {
  authorizationCode: string;
  email: string;
  /** Minor units (kobo). */
  amount: bigint;
  currency: string;
  /** Ours, unique: Paystack refuses a second charge with the same one ("Duplicate Transaction Reference"). */
  reference: string;
}

/** The fields of Paystack's transaction object that a recurring charge's caller reads. */
export interface ChargedTransaction {
  id?: number;
  status?: string;
  reference?: string;
  amount?: number;
  currency?: string;
  gateway_response?: string;
}

/**
 * Charges a saved authorization. Answers the transaction (status `success`,
 * `failed`, or something still pending); throws PaystackRefused for a
 * definite refusal and PaystackUnavailable when the outcome is unknown (the
 * charge may have happened: verify the reference, never charge again).
 */
export async function chargeAuthorization(
  client: PaystackClient,
  input: ChargeAuthorizationInput,
): Promise<ChargedTransaction> {
  const res = await client.call<ChargedTransaction>('POST', '/transaction/charge_authorization', {
    authorization_code: input.authorizationCode,
    email: input.email,
    amount: input.amount.toString(),
    currency: input.currency,
    reference: input.reference,
  });
  return res.data ?? {};
}
