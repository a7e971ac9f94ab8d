/**
 * The simulator's banks: `GET /bank` (Paystack's list, cursor-paginated) and
 * `GET /bank/resolve` (the holder's name of a NUBAN). Names are derived from
 * the bank and account number, so the same account always resolves to the
 * same person.
 *
 * | account number | resolve |
 * |---|---|
 * | 9999999999 | 422: the bank does not know it |
 * | any other 10 digits | a deterministic name |
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/index.js';
import { ok, refuse, type SimContext } from './server.js';

export interface SimBank {
  id: number;
  code: string;
  name: string;
}

export const SIM_BANKS: readonly SimBank[] = [
  { id: 1, code: '044', name: 'Access Bank' },
  { id: 2, code: '023', name: 'Citibank Nigeria' },
  { id: 3, code: '050', name: 'Ecobank Nigeria' },
  { id: 4, code: '070', name: 'Fidelity Bank' },
  { id: 5, code: '011', name: 'First Bank of Nigeria' },
  { id: 6, code: '214', name: 'First City Monument Bank' },
  { id: 7, code: '058', name: 'Guaranty Trust Bank' },
  { id: 8, code: '030', name: 'Heritage Bank' },
  { id: 9, code: '082', name: 'Keystone Bank' },
  { id: 10, code: '50515', name: 'Moniepoint MFB' },
  { id: 11, code: '999992', name: 'OPay' },
  { id: 12, code: '999991', name: 'PalmPay' },
  { id: 13, code: '076', name: 'Polaris Bank' },
  { id: 14, code: '221', name: 'Stanbic IBTC Bank' },
  { id: 15, code: '068', name: 'Standard Chartered' },
  { id: 16, code: '232', name: 'Sterling Bank' },
  { id: 17, code: '032', name: 'Union Bank of Nigeria' },
  { id: 18, code: '033', name: 'United Bank for Africa' },
  { id: 19, code: '215', name: 'Unity Bank' },
  { id: 20, code: '035', name: 'Wema Bank' },
  { id: 21, code: '057', name: 'Zenith Bank' },
];

export const simBank = (code: string) => SIM_BANKS.find((b) => b.code === code);

/** The account number whose resolution fails (the bank does not know it). */
export const UNKNOWN_ACCOUNT = '9999999999';

const FIRST = [
  'Adaeze',
  'Babatunde',
  'Chinedu',
  'Damilola',
  'Emeka',
  'Funmilayo',
  'Garba',
  'Halima',
  'Ifeoma',
  'Kelechi',
];
const LAST = [
  'Okafor',
  'Adeyemi',
  'Bello',
  'Eze',
  'Ibrahim',
  'Nwosu',
  'Okonkwo',
  'Balogun',
  'Mohammed',
  'Obi',
];

/** The holder's name as the bank has it, or undefined when the bank does not know the account. */
export function simAccountName(bankCode: string, accountNumber: string): string | undefined {
  if (!simBank(bankCode) || !/^\d{10}$/.test(accountNumber) || accountNumber === UNKNOWN_ACCOUNT)
    return undefined;
  const h = createHash('sha256').update(`${bankCode}:${accountNumber}`).digest();
  return `${FIRST[(h[0] as number) % FIRST.length]} ${LAST[(h[1] as number) % LAST.length]}`.toUpperCase();
}

/** Counts a call to an endpoint (tests read paystack_sim.request_counts). */
export async function countCall(db: Db, endpoint: string): Promise<void> {
  await db.query(
    `INSERT INTO paystack_sim.request_counts (endpoint, calls) VALUES ($1, 1)
     ON CONFLICT (endpoint) DO UPDATE SET calls = request_counts.calls + 1`,
    [endpoint],
  );
}

const bankObject = (b: SimBank) => ({
  id: b.id,
  name: b.name,
  slug: b.name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-'),
  code: b.code,
  longcode: '',
  gateway: null,
  pay_with_bank: false,
  active: true,
  country: 'Nigeria',
  currency: 'NGN',
  type: 'nuban',
  is_deleted: false,
});

/** At most this many banks per page, as Paystack's perPage. */
const MAX_PER_PAGE = 100;

interface BankQuery {
  country?: string;
  perPage?: string;
  use_cursor?: string;
  next?: string;
}

export function bankSimRoutes(app: FastifyInstance, sim: SimContext): void {
  app.get('/bank', async (request, reply) => {
    await countCall(sim.db, 'GET /bank');
    const q = request.query as BankQuery;
    if (q.country && q.country.toLowerCase() !== 'nigeria') return ok('Banks retrieved', [], {});
    if (q.use_cursor !== 'true') return ok('Banks retrieved', SIM_BANKS.map(bankObject));
    const perPage = Math.min(MAX_PER_PAGE, Math.max(1, Number(q.perPage) || 50));
    const after = q.next ? Number(Buffer.from(q.next, 'base64url').toString('utf8').replace('bank:', '')) : 0;
    if (!Number.isInteger(after)) return refuse(reply, 400, 'Invalid cursor');
    const page = SIM_BANKS.filter((b) => b.id > after).slice(0, perPage);
    const last = page.at(-1);
    const more = last !== undefined && SIM_BANKS.some((b) => b.id > last.id);
    return ok('Banks retrieved', page.map(bankObject), {
      next: more ? Buffer.from(`bank:${last.id}`).toString('base64url') : null,
      previous: null,
      perPage,
    });
  });

  app.get('/bank/resolve', async (request, reply) => {
    await countCall(sim.db, 'GET /bank/resolve');
    const q = request.query as { account_number?: string; bank_code?: string };
    if (!q.account_number || !q.bank_code)
      return refuse(reply, 400, 'Account number and bank code are required');
    const bank = simBank(q.bank_code);
    if (!bank) return refuse(reply, 422, `Unknown bank code: ${q.bank_code.slice(0, 10)}`);
    const name = simAccountName(q.bank_code, q.account_number);
    if (!name) return refuse(reply, 422, 'Could not resolve account name. Check parameters or try again.');
    return ok('Account number resolved', {
      account_number: q.account_number,
      account_name: name,
      bank_id: bank.id,
    });
  });
}
