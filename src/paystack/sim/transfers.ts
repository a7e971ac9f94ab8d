/**
 * The simulator's Transfers: `POST /transferrecipient`, `POST /transfer`,
 * `GET /transfer/verify/:reference`, and the `transfer.success`,
 * `transfer.failed` and `transfer.reversed` webhooks. Like Paystack, it
 * refuses a second transfer with a reference it has already seen, so a
 * re-send after a lost answer can never pay twice. Outcomes are keyed by the
 * recipient's account number:
 *
 * | account number | outcome |
 * |---|---|
 * | 9999999999 | no recipient: the account does not resolve |
 * | 0000000001 | queued, then fails (account closed): transfer.failed |
 * | 0000000002 | pending; settles as success PAYOUT_SIM_PENDING_MS later (then transfer.success) |
 * | 0000000003 | made, but the answer is lost (HTTP 500) and no webhook comes: verify shows success |
 * | 0000000004 | the answer is lost (HTTP 500) and nothing was made: verify says not found |
 * | 0000000005 | queued and succeeds, but no webhook is ever sent: only verify finds it |
 * | 0000000006 | succeeds, then is reversed REVERSAL_AFTER_MS later: transfer.reversed |
 * | any other 10 digits | queued and succeeds at once: transfer.success |
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.js';
import { countCall, simAccountName, simBank } from './banks.js';
import { ok, refuse, type SimContext } from './server.js';

/** How long after its success a reversed transfer (0000000006) is reversed. */
export const REVERSAL_AFTER_MS = 250;
const DEFAULT_PENDING_MS = 3000;
const REFERENCE = /^[a-z0-9_-]{1,100}$/;

/** Sets PAYOUT_SIM_PENDING_MS for every simulator on this database (sandbox start-up). */
export async function configureTransferSim(db: Db, options: { pendingMs: number }): Promise<void> {
  await db.query(
    `INSERT INTO paystack_sim.settings (name, value) VALUES ('transfer_pending_ms', $1)
     ON CONFLICT (name) DO UPDATE SET value = EXCLUDED.value`,
    [String(options.pendingMs)],
  );
}

interface TransferRow {
  id: string;
  reference: string;
  transfer_code: string;
  recipient_code: string;
  amount: bigint;
  currency: string;
  reason: string;
  status: string;
  failure: string | null;
  created_at: Date;
  updated_at: Date;
  bank_code: string;
  account_number: string;
  account_name: string;
}

/** Paystack's transfer object (what POST /transfer, verify and the webhooks carry). */
const transferObject = (t: TransferRow, status = t.status) => ({
  id: Number(t.id),
  domain: 'test',
  integration: 100001,
  source: 'balance',
  amount: Number(t.amount),
  currency: t.currency.trim(),
  reason: t.reason,
  reference: t.reference,
  transfer_code: t.transfer_code,
  status,
  failures: null,
  gateway_response: status === 'failed' ? t.failure : null,
  recipient: {
    recipient_code: t.recipient_code,
    type: 'nuban',
    name: t.account_name,
    details: {
      account_number: t.account_number,
      account_name: t.account_name,
      bank_code: t.bank_code,
      bank_name: simBank(t.bank_code)?.name ?? null,
    },
  },
  transferred_at: status === 'success' ? t.updated_at.toISOString() : null,
  createdAt: t.created_at.toISOString(),
  updatedAt: t.updated_at.toISOString(),
});

const SELECT_TRANSFER = `SELECT t.*, r.bank_code, r.account_number, r.account_name
  FROM paystack_sim.transfers t JOIN paystack_sim.transfer_recipients r USING (recipient_code)`;

/** Reads a transfer, settling it first when its time has come (a pending payout, a later reversal). */
async function readTransfer(db: Db, reference: string): Promise<TransferRow | undefined> {
  await db.query(
    `UPDATE paystack_sim.transfers SET status = settles_as, settles_as = NULL, settle_at = NULL, updated_at = now()
     WHERE reference = $1 AND settles_as IS NOT NULL AND settle_at <= now()`,
    [reference],
  );
  const { rows } = await db.query<TransferRow>(`${SELECT_TRANSFER} WHERE t.reference = $1`, [reference]);
  return rows[0];
}

/** What POST /transfer does for a recipient's account number (see the table above). */
interface Plan {
  /** Answer 500 after storing (lost answer), or without storing anything. */
  lost?: 'after' | 'before';
  status: 'pending' | 'success';
  settlesAs?: 'success' | 'failed' | 'reversed';
  settleAfterMs?: number;
  failure?: string;
  webhooks: { event: string; status: string; delayMs?: number }[];
}

function planFor(accountNumber: string, pendingMs: number): Plan {
  switch (accountNumber) {
    case '0000000001':
      return {
        status: 'pending',
        settlesAs: 'failed',
        failure: 'Beneficiary account is closed',
        webhooks: [{ event: 'transfer.failed', status: 'failed' }],
      };
    case '0000000002':
      return {
        status: 'pending',
        settlesAs: 'success',
        settleAfterMs: pendingMs,
        webhooks: [{ event: 'transfer.success', status: 'success', delayMs: pendingMs }],
      };
    case '0000000003':
      return { lost: 'after', status: 'success', webhooks: [] };
    case '0000000004':
      return { lost: 'before', status: 'pending', webhooks: [] };
    case '0000000005':
      return { status: 'pending', settlesAs: 'success', webhooks: [] };
    case '0000000006':
      return {
        status: 'success',
        settlesAs: 'reversed',
        settleAfterMs: REVERSAL_AFTER_MS,
        webhooks: [
          { event: 'transfer.success', status: 'success' },
          { event: 'transfer.reversed', status: 'reversed', delayMs: REVERSAL_AFTER_MS },
        ],
      };
    default:
      return {
        status: 'pending',
        settlesAs: 'success',
        webhooks: [{ event: 'transfer.success', status: 'success' }],
      };
  }
}

async function pendingMsOf(db: Db): Promise<number> {
  const { rows } = await db.query<{ value: string }>(
    `SELECT value FROM paystack_sim.settings WHERE name = 'transfer_pending_ms'`,
  );
  const ms = Number(rows[0]?.value);
  return Number.isFinite(ms) && ms >= 0 ? ms : DEFAULT_PENDING_MS;
}

interface TransferBody {
  source?: unknown;
  amount?: unknown;
  recipient?: unknown;
  reference?: unknown;
  reason?: unknown;
  currency?: unknown;
}

/** Checks a POST /transfer body as Paystack does; a refusal message, or undefined when it is acceptable. */
function invalidTransfer(b: TransferBody): string | undefined {
  if (b.source !== 'balance') return 'Invalid source';
  if (typeof b.amount !== 'number' || !Number.isSafeInteger(b.amount) || b.amount <= 0)
    return 'Invalid amount';
  if (typeof b.recipient !== 'string') return 'Recipient is required';
  if (typeof b.reference !== 'string' || !REFERENCE.test(b.reference))
    return 'Reference may only hold lowercase letters, digits, - and _';
  if (b.currency !== undefined && b.currency !== 'NGN') return 'Currency not supported';
  return undefined;
}

async function createTransfer(sim: SimContext, b: TransferBody, accountNumber: string) {
  const plan = planFor(accountNumber, await pendingMsOf(sim.db));
  if (plan.lost === 'before') return { lost: true as const };
  const { rows } = await sim.db.query<{ inserted: boolean }>(
    `INSERT INTO paystack_sim.transfers (reference, transfer_code, recipient_code, amount, reason, status,
       settles_as, settle_at, failure)
     VALUES ($1, $2, $3, $4, $5, $6, $7, now() + make_interval(secs => $8::double precision / 1000), $9)
     ON CONFLICT (reference) DO UPDATE SET attempts = transfers.attempts + 1
     RETURNING (xmax = 0) AS inserted`,
    [
      b.reference,
      `TRF_${randomBytes(8).toString('hex')}`,
      b.recipient,
      b.amount,
      String(b.reason ?? '').slice(0, 100),
      plan.status,
      plan.settlesAs ?? null,
      plan.settleAfterMs ?? 0,
      plan.failure ?? null,
    ],
  );
  if (!rows[0]?.inserted) return { duplicate: true as const };
  const row = (await sim.db.query<TransferRow>(`${SELECT_TRANSFER} WHERE t.reference = $1`, [b.reference]))
    .rows[0] as TransferRow;
  for (const w of plan.webhooks) sim.emit(w.event, transferObject(row, w.status), w.delayMs);
  return plan.lost === 'after' ? { lost: true as const } : { transfer: transferObject(row) };
}

export function transferSimRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/transferrecipient', async (request, reply) => {
    await countCall(sim.db, 'POST /transferrecipient');
    const b = (request.body ?? {}) as Record<string, unknown>;
    if (b.type !== 'nuban') return refuse(reply, 400, 'Only nuban recipients are supported');
    const bankCode = String(b.bank_code ?? '');
    const accountNumber = String(b.account_number ?? '');
    const name = simAccountName(bankCode, accountNumber);
    if (!name) return refuse(reply, 422, 'Cannot resolve account');
    const { rows } = await sim.db.query<{ recipient_code: string; created_at: Date }>(
      `INSERT INTO paystack_sim.transfer_recipients (recipient_code, bank_code, account_number, account_name)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (bank_code, account_number) DO UPDATE SET account_name = EXCLUDED.account_name
       RETURNING recipient_code, created_at`,
      [`RCP_${randomBytes(8).toString('hex')}`, bankCode, accountNumber, name],
    );
    const r = rows[0] as { recipient_code: string; created_at: Date };
    return ok('Transfer recipient created successfully', {
      active: true,
      currency: 'NGN',
      domain: 'test',
      name,
      recipient_code: r.recipient_code,
      type: 'nuban',
      is_deleted: false,
      details: { account_number: accountNumber, account_name: name, bank_code: bankCode },
      createdAt: r.created_at.toISOString(),
    });
  });

  app.post('/transfer', async (request, reply) => {
    await countCall(sim.db, 'POST /transfer');
    const b = (request.body ?? {}) as TransferBody;
    const invalid = invalidTransfer(b);
    if (invalid) return refuse(reply, 400, invalid);
    const { rows } = await sim.db.query<{ account_number: string }>(
      'SELECT account_number FROM paystack_sim.transfer_recipients WHERE recipient_code = $1',
      [b.recipient],
    );
    if (!rows[0]) return refuse(reply, 400, 'Recipient specified is invalid');
    const made = await createTransfer(sim, b, rows[0].account_number);
    if ('duplicate' in made) return refuse(reply, 400, 'Duplicate Transfer Reference');
    if ('lost' in made) return reply.code(500).send('upstream timed out');
    return ok(
      made.transfer.status === 'success' ? 'Transfer has been completed' : 'Transfer has been queued',
      made.transfer,
    );
  });

  app.get('/transfer/verify/:reference', async (request, reply) => {
    await countCall(sim.db, 'GET /transfer/verify');
    const { reference } = request.params as { reference: string };
    const t = await readTransfer(sim.db, reference);
    if (!t) return refuse(reply, 404, 'Transfer not found');
    return ok('Transfer retrieved', transferObject(t));
  });
}
