/**
 * The simulator's card transactions: `GET /transaction/verify/:reference`, as
 * Paystack answers it, and one route of the simulator's own,
 * `POST /_sim/charges`: the sandbox checkout page records what the customer
 * did (paid or failed) here before the webhook goes out, so verify knows of
 * a paid checkout whose webhook was lost. A reference the simulator never
 * saw answers 400 "Transaction reference not found", as Paystack does.
 */
import { randomBytes } from 'node:crypto';
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
}

/** Paystack's transaction object (what verify and the charge webhooks carry). */
const transactionObject = (c: ChargeRow) => ({
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
});

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
    await sim.db.query(
      `INSERT INTO paystack_sim.charges
         (reference, amount, currency, email, status, gateway_response, webhook_sent, paid_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, CASE WHEN $5 = 'success' THEN now() END)
       ON CONFLICT (reference) DO NOTHING`,
      [
        b.reference,
        b.amount,
        currency,
        String(b.email ?? 'customer@sandbox').slice(0, 254),
        b.status,
        b.status === 'success' ? 'Approved' : 'Declined',
        b.webhook_lost !== true,
      ],
    );
    const { rows } = await sim.db.query<ChargeRow>(
      'SELECT * FROM paystack_sim.charges WHERE reference = $1',
      [b.reference],
    );
    return ok('Charge recorded', transactionObject(rows[0] as ChargeRow));
  });

  app.get('/transaction/verify/:reference', async (request, reply) => {
    await countCall(sim.db, 'GET /transaction/verify');
    const { reference } = request.params as { reference: string };
    const { rows } = await sim.db.query<ChargeRow>(
      'SELECT * FROM paystack_sim.charges WHERE reference = $1',
      [reference],
    );
    if (!rows[0]) return refuse(reply, 400, 'Transaction reference not found');
    return ok('Verification successful', transactionObject(rows[0]));
  });
}
