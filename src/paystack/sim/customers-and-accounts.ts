/**
 * The simulator's customers and dedicated virtual accounts, as Paystack
 * serves them: `POST /customer` (create, or the existing customer for the
 * email), `GET /customer/:code` (with its dedicated account),
 * `POST /dedicated_account` (answers the account and then sends
 * `dedicatedaccount.assign.success`), `GET /dedicated_account/:id`. And one
 * route of the simulator's own, `POST /_sim/bank_transfers`: "someone sent
 * NGN X to this account number", which sends `charge.success` with channel
 * `dedicated_nuban` as Paystack does when a transfer lands on a dedicated
 * account (to a number it does not know as well: a transfer Vendra cannot
 * match must be exercised too).
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Queryable } from '../../db/index.js';
import { ok, refuse, type SimContext } from './server.js';

/** Paystack's test-mode dedicated accounts come from one bank; Wema Bank is its usual live one. */
const BANK = { id: 20, name: 'Wema Bank', slug: 'wema-bank' } as const;
/** Account numbers the simulator issues: 78 then eight digits (clear of the payout simulator's magic numbers). */
const ACCOUNT_PREFIX = '78';
const MAX_NAME = 100;

interface CustomerRow {
  id: string;
  customer_code: string;
  email: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
  created_at: Date;
}

interface AccountRow {
  id: string;
  customer_id: string;
  account_number: string;
  account_name: string;
  bank_id: number;
  bank_name: string;
  bank_slug: string;
  currency: string;
  active: boolean;
  created_at: Date;
}

const str = (v: unknown, max = MAX_NAME) =>
  typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null;

const customerJson = (c: CustomerRow) => ({
  id: Number(c.id),
  customer_code: c.customer_code,
  email: c.email,
  first_name: c.first_name,
  last_name: c.last_name,
  phone: c.phone,
  domain: 'test',
  risk_action: 'default',
  metadata: null,
  createdAt: c.created_at.toISOString(),
});

const accountJson = (a: AccountRow, c: CustomerRow) => ({
  id: Number(a.id),
  bank: { id: a.bank_id, name: a.bank_name, slug: a.bank_slug },
  account_name: a.account_name,
  account_number: a.account_number,
  assigned: true,
  currency: a.currency.trim(),
  active: a.active,
  split_config: null,
  metadata: null,
  assignment: {
    integration: 100001,
    assignee_id: Number(c.id),
    assignee_type: 'Customer',
    expired: false,
    account_type: 'PAY-WITH-TRANSFER-RECURRING',
    assigned_at: a.created_at.toISOString(),
  },
  customer: customerJson(c),
  created_at: a.created_at.toISOString(),
  updated_at: a.created_at.toISOString(),
});

async function customerBy(db: Queryable, codeOrId: unknown): Promise<CustomerRow | undefined> {
  const key = String(codeOrId ?? '');
  const { rows } = /^\d{1,15}$/.test(key)
    ? await db.query<CustomerRow>('SELECT * FROM paystack_sim.customers WHERE id = $1', [key])
    : await db.query<CustomerRow>('SELECT * FROM paystack_sim.customers WHERE customer_code = $1', [key]);
  return rows[0];
}

async function accountOf(db: Queryable, customerId: string): Promise<AccountRow | undefined> {
  const { rows } = await db.query<AccountRow>(
    'SELECT * FROM paystack_sim.dedicated_accounts WHERE customer_id = $1',
    [customerId],
  );
  return rows[0];
}

/** POST /customer and GET /customer/:code. */
function customerRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/customer', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const email = str(body.email, 254)?.toLowerCase();
    if (!email?.includes('@')) return refuse(reply, 400, 'Invalid email address passed');
    const code = `CUS_${randomBytes(8).toString('hex')}`;
    // Paystack answers the existing customer for an email it knows (and updates nothing).
    await sim.db.query(
      `INSERT INTO paystack_sim.customers (customer_code, email, first_name, last_name, phone)
       VALUES ($1, $2, $3, $4, $5) ON CONFLICT (email) DO NOTHING`,
      [code, email, str(body.first_name), str(body.last_name), str(body.phone, 20)],
    );
    const { rows } = await sim.db.query<CustomerRow>(
      'SELECT * FROM paystack_sim.customers WHERE email = $1',
      [email],
    );
    return ok('Customer created', customerJson(rows[0] as CustomerRow));
  });

  app.get('/customer/:code', async (request, reply) => {
    const customer = await customerBy(sim.db, (request.params as { code: string }).code);
    if (!customer) return refuse(reply, 404, 'Customer not found');
    const account = await accountOf(sim.db, customer.id);
    return ok('Customer retrieved', {
      ...customerJson(customer),
      dedicated_account: account ? accountJson(account, customer) : null,
    });
  });
}

/** POST /dedicated_account and GET /dedicated_account/:id. */
function dedicatedAccountRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/dedicated_account', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const customer = await customerBy(sim.db, body.customer);
    if (!customer) return refuse(reply, 404, 'Customer not found');
    if (!customer.first_name || !customer.last_name)
      return refuse(reply, 400, 'Customer first name and last name are required');
    const name = `VENDRA/${customer.first_name} ${customer.last_name}`.toUpperCase().slice(0, MAX_NAME);
    const { rows: next } = await sim.db.query<{ n: string }>(
      "SELECT nextval('paystack_sim.account_number_seq')::text AS n",
    );
    const number = `${ACCOUNT_PREFIX}${String(next[0]?.n).padStart(8, '0')}`;
    // One account per customer: asked again, Paystack's answer is the account the customer has.
    await sim.db.query(
      `INSERT INTO paystack_sim.dedicated_accounts (customer_id, account_number, account_name, bank_id, bank_name, bank_slug)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (customer_id) DO NOTHING`,
      [customer.id, number, name, BANK.id, BANK.name, BANK.slug],
    );
    const account = (await accountOf(sim.db, customer.id)) as AccountRow;
    const data = accountJson(account, customer);
    sim.emit('dedicatedaccount.assign.success', {
      customer: customerJson(customer),
      dedicated_account: data,
      identification: { status: 'success' },
    });
    return ok('NUBAN successfully created', data);
  });

  app.get('/dedicated_account/:id', async (request, reply) => {
    const id = (request.params as { id: string }).id;
    if (!/^\d{1,15}$/.test(id)) return refuse(reply, 404, 'Dedicated account not found');
    const { rows } = await sim.db.query<AccountRow>(
      'SELECT * FROM paystack_sim.dedicated_accounts WHERE id = $1',
      [id],
    );
    const account = rows[0];
    const customer = account && (await customerBy(sim.db, account.customer_id));
    if (!account || !customer) return refuse(reply, 404, 'Dedicated account not found');
    return ok('Dedicated account retrieved', accountJson(account, customer));
  });
}

/** Whose account a number is, in the simulator's books. */
async function holderOf(db: Queryable, accountNumber: string) {
  const { rows } = await db.query<AccountRow & { customer_code: string }>(
    `SELECT a.*, c.customer_code FROM paystack_sim.dedicated_accounts a
       JOIN paystack_sim.customers c ON c.id = a.customer_id WHERE a.account_number = $1`,
    [accountNumber],
  );
  const account = rows[0];
  return account && { account, customer: (await customerBy(db, account.customer_id)) as CustomerRow };
}

/** The sender's account as Paystack shows it: masked but for the last four digits. */
const maskedAccount = (n: string) => `${'X'.repeat(Math.max(0, n.length - 4))}${n.slice(-4)}`;

/** The charge.success body of a transfer to a dedicated account, shaped as Paystack documents it. */
function transferCharge(
  t: { id: number; reference: string; accountNumber: string; amount: number; currency: string },
  sender: { name: string; bank: string; account: string },
  holder: Awaited<ReturnType<typeof holderOf>>,
) {
  const now = new Date().toISOString();
  const receiverBank = holder?.account.bank_name ?? BANK.name;
  return {
    id: t.id,
    domain: 'test',
    status: 'success',
    reference: t.reference,
    amount: t.amount,
    message: null,
    gateway_response: 'Approved',
    paid_at: now,
    created_at: now,
    channel: 'dedicated_nuban',
    currency: t.currency,
    fees: Math.min(Math.round(t.amount / 100), 30_000),
    metadata: { receiver_account_number: t.accountNumber, receiver_bank: receiverBank, custom_fields: [] },
    authorization: {
      authorization_code: `AUTH_${randomBytes(5).toString('hex')}`,
      bin: 'XXXXXX',
      last4: 'XXXX',
      channel: 'dedicated_nuban',
      card_type: 'transfer',
      bank: null,
      country_code: 'NG',
      brand: 'Managed Account',
      reusable: false,
      sender_bank: sender.bank,
      sender_bank_account_number: maskedAccount(sender.account),
      sender_country: 'NG',
      sender_name: sender.name,
      narration: `NIP transfer from ${sender.name}`,
      receiver_bank_account_number: t.accountNumber,
      receiver_bank: receiverBank,
    },
    customer: holder ? customerJson(holder.customer) : null,
    dedicated_account: holder ? accountJson(holder.account, holder.customer) : null,
  };
}

/** POST /_sim/bank_transfers: a bank transfer arrives on an account number. */
function bankTransferRoutes(app: FastifyInstance, sim: SimContext): void {
  app.post('/_sim/bank_transfers', async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const accountNumber = String(body.account_number ?? '');
    const amount = body.amount;
    if (!/^[0-9]{10}$/.test(accountNumber)) return refuse(reply, 400, 'account_number must be 10 digits');
    if (typeof amount !== 'number' || !Number.isSafeInteger(amount) || amount <= 0)
      return refuse(reply, 400, 'amount must be a positive integer of kobo');
    const sender = {
      name: (str(body.sender_name) ?? 'SANDBOX SENDER').toUpperCase(),
      bank: str(body.sender_bank) ?? 'GTBank',
      account: /^[0-9]{10}$/.test(String(body.sender_account_number))
        ? String(body.sender_account_number)
        : '0123456789',
    };
    const currency = str(body.currency, 3) ?? 'NGN';
    const reference = `${Date.now().toString(36)}${randomBytes(8).toString('hex')}`;
    const holder = await holderOf(sim.db, accountNumber);
    const { rows } = await sim.db.query<{ id: string }>(
      `INSERT INTO paystack_sim.bank_transfers
         (reference, account_number, amount, currency, sender_name, sender_bank, sender_account, customer_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
      [
        reference,
        accountNumber,
        amount,
        currency,
        sender.name,
        sender.bank,
        sender.account,
        holder?.account.customer_id ?? null,
      ],
    );
    const id = Number(rows[0]?.id);
    sim.emit(
      'charge.success',
      transferCharge({ id, reference, accountNumber, amount, currency }, sender, holder),
    );
    return ok('Transfer received', { id, reference, account_number: accountNumber, amount, currency });
  });
}

export function customersAndAccounts(app: FastifyInstance, sim: SimContext): void {
  customerRoutes(app, sim);
  dedicatedAccountRoutes(app, sim);
  bankTransferRoutes(app, sim);
}
