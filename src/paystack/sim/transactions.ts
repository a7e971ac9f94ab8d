/**
 * The simulator's card transactions: `GET /transaction/verify/:reference`, as
 * Paystack answers it, and one route of the simulator's own,
 * `POST /_sim/charges`: the sandbox checkout page records what the customer
 * did (paid or failed) here before the webhook goes out, so verify knows of
 * a paid checkout whose webhook was lost. A reference the simulator never
 * saw answers 400 "Transaction reference not found", as Paystack does.
 *
 * A successful card charge carries Paystack's reusable `authorization`
 * (`authorization_code`, `last4`, `brand`, `signature`, ...), and
 * `POST /transaction/charge_authorization` charges it again without the
 * customer, as Paystack's does (a recurring charge).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { countCall } from './banks.js';
import { ok, refuse, type SimContext } from './server.js';

const REFERENCE = /^[A-Za-z0-9._=-]{1,100}$/;

interface ChargeRow {
  reference: string;
  amount: bigint;
  currency: string;
  email: string;
  status: 'success' | 'failed' | 'abandoned';
  channel: string;
  gateway_response: string;
  webhook_sent: boolean;
  paid_at: Date | null;
  created_at: Date;
  authorization_code: string | null;
}

interface AuthorizationRow {
  authorization_code: string;
  email: string;
  signature: string;
  last4: string;
  brand: string;
}

/** The sandbox card a customer pays with: one per email, so paying again reuses its authorization. */
function sandboxCard(email: string): AuthorizationRow {
  const h = createHash('sha256').update(email.toLowerCase()).digest('hex');
  const last4 = String(Number.parseInt(h.slice(0, 8), 16) % 10_000).padStart(4, '0');
  return {
    authorization_code: `AUTH_${h.slice(0, 10)}`,
    email,
    signature: `SIG_${h.slice(10, 30)}`,
    last4,
    brand: 'visa',
  };
}

/** Paystack's authorization object (the fields of a reusable card). */
const authorizationObject = (a: AuthorizationRow) => ({
  authorization_code: a.authorization_code,
  bin: '408408',
  last4: a.last4,
  exp_month: '12',
  exp_year: '2030',
  channel: 'card',
  card_type: `${a.brand} `,
  bank: 'TEST BANK',
  country_code: 'NG',
  brand: a.brand,
  reusable: true,
  signature: a.signature,
  account_name: null,
});

/** Paystack's transaction object (what verify and the charge webhooks carry). */
const transactionObject = (c: ChargeRow, a?: AuthorizationRow) => ({
  id: Number.parseInt(randomBytes(4).toString('hex'), 16),
  domain: 'test',
  status: c.status,
  reference: c.reference,
  amount: Number(c.amount),
  currency: c.currency.trim(),
  channel: c.channel,
  gateway_response: c.gateway_response,
  paid_at: c.paid_at?.toISOString() ?? null,
  created_at: c.created_at.toISOString(),
  customer: { email: c.email },
  ...(a ? { authorization: authorizationObject(a) } : {}),
});

async function chargeWithAuthorization(sim: SimContext, reference: string) {
  const { rows } = await sim.db.query<ChargeRow & Partial<AuthorizationRow>>(
    `SELECT c.*, a.email AS auth_email, a.signature, a.last4, a.brand
       FROM paystack_sim.charges c
       LEFT JOIN paystack_sim.authorizations a ON a.authorization_code = c.authorization_code
      WHERE c.reference = $1`,
    [reference],
  );
  const c = rows[0];
  if (!c) return undefined;
  const a =
    c.authorization_code && c.signature
      ? {
          authorization_code: c.authorization_code,
          email: c.email,
          signature: c.signature,
          last4: c.last4 as string,
          brand: c.brand as string,
        }
      : undefined;
  return transactionObject(c, a);
}

export function transactionSimRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/_sim/charges', async (request, reply) => {
    const b = (request.body ?? {}) as Record<string, unknown>;
    if (typeof b.reference !== 'string' || !REFERENCE.test(b.reference))
      return refuse(reply, 400, 'Invalid reference');
    if (typeof b.amount !== 'number' || !Number.isSafeInteger(b.amount) || b.amount <= 0)
      return refuse(reply, 400, 'Invalid amount');
    if (b.status !== 'success' && b.status !== 'failed') return refuse(reply, 400, 'Invalid status');
    const currency = typeof b.currency === 'string' && /^[A-Z]{3}$/.test(b.currency) ? b.currency : 'NGN';
    // The first outcome of a checkout stands (Pay after Fail, or twice, changes nothing), as at Paystack.
    const email = String(b.email ?? 'customer@sandbox').slice(0, 254);
    // A paid checkout leaves a reusable card authorization behind, as at Paystack.
    const card = b.status === 'success' ? await issueAuthorization(sim, email) : undefined;
    await sim.db.query(
      `INSERT INTO paystack_sim.charges
         (reference, amount, currency, email, status, gateway_response, webhook_sent, paid_at, authorization_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 = 'success' THEN now() END, $8)
       ON CONFLICT (reference) DO NOTHING`,
      [
        b.reference,
        b.amount,
        currency,
        email,
        b.status,
        b.status === 'success' ? 'Approved' : 'Declined',
        b.webhook_lost !== true,
        card?.authorization_code ?? null,
      ],
    );
    return ok('Charge recorded', await chargeWithAuthorization(sim, b.reference));
  });

  app.post('/transaction/charge_authorization', async (request, reply) => {
    await countCall(sim.db, 'POST /transaction/charge_authorization');
    const b = (request.body ?? {}) as Record<string, unknown>;
    const amount =
      typeof b.amount === 'string' && /^[1-9][0-9]{0,14}$/.test(b.amount) ? BigInt(b.amount) : null;
    if (typeof b.authorization_code !== 'string') return refuse(reply, 400, 'Authorization code is required');
    if (typeof b.email !== 'string') return refuse(reply, 400, 'Email is required');
    if (amount === null) return refuse(reply, 400, 'Invalid amount');
    if (typeof b.reference !== 'string' || !REFERENCE.test(b.reference))
      return refuse(reply, 400, 'Invalid reference');
    const { rows } = await sim.db.query<AuthorizationRow>(
      'SELECT * FROM paystack_sim.authorizations WHERE authorization_code = $1',
      [b.authorization_code],
    );
    const a = rows[0];
    if (!a || a.email.toLowerCase() !== b.email.toLowerCase())
      return refuse(reply, 400, 'Invalid authorization code');
    const currency = typeof b.currency === 'string' && /^[A-Z]{3}$/.test(b.currency) ? b.currency : 'NGN';
    const inserted = await sim.db.query(
      `INSERT INTO paystack_sim.charges
         (reference, amount, currency, email, status, gateway_response, webhook_sent, paid_at, authorization_code)
       VALUES ($1, $2, $3, $4, 'success', 'Approved', true, now(), $5)
       ON CONFLICT (reference) DO NOTHING RETURNING 1`,
      [b.reference, amount, currency, a.email, a.authorization_code],
    );
    if (inserted.rows.length === 0) return refuse(reply, 400, 'Duplicate Transaction Reference');
    const transaction = await chargeWithAuthorization(sim, b.reference);
    sim.emit('charge.success', transaction as Record<string, unknown>);
    return ok('Charge attempted', transaction);
  });

  app.get('/transaction/verify/:reference', async (request, reply) => {
    await countCall(sim.db, 'GET /transaction/verify');
    const { reference } = request.params as { reference: string };
    const transaction = await chargeWithAuthorization(sim, reference);
    if (!transaction) return refuse(reply, 400, 'Transaction reference not found');
    return ok('Verification successful', transaction);
  });
}

async function issueAuthorization(sim: SimContext, email: string): Promise<AuthorizationRow> {
  const card = sandboxCard(email);
  await sim.db.query(
    `INSERT INTO paystack_sim.authorizations (authorization_code, email, signature, last4, brand)
     VALUES ($1, $2, $3, $4, $5) ON CONFLICT (authorization_code) DO NOTHING`,
    [card.authorization_code, card.email, card.signature, card.last4, card.brand],
  );
  return card;
}
