import type { Queryable } from '../db/index.js';

export interface AuditCheck {
  name: string;
  /** The check in plain words. */
  title: string;
  /** What a pass proves, for someone who does not read SQL. */
  proves: string;
  ok: boolean;
  /** What was checked, in numbers. */
  detail: string;
  /** The first violations found (at most 20). */
  violations: Record<string, unknown>[];
}

export interface AuditReport {
  ok: boolean;
  at: string;
  checks: AuditCheck[];
}

const MAX_VIOLATIONS = 20;

/** Each check's name in plain words and what its passing proves. */
export const AUDIT_CHECK_WORDS: Record<string, { title: string; proves: string }> = {
  journal_balances_per_currency: {
    title: 'Money in equals money out, per currency',
    proves:
      'Across the whole journal, every naira debited somewhere was credited somewhere else: no money was created or lost.',
  },
  stored_balances_balance_per_currency: {
    title: 'All balances together add up to zero',
    proves:
      "The accounts' stored balances of each currency cancel out, so what customers hold is matched by what the system accounts owe.",
  },
  transactions_balance: {
    title: 'Every transaction balances on its own',
    proves:
      'No single transfer, payment, fee or refund moved more out of one place than it put into another.',
  },
  stored_balances_match_postings: {
    title: 'Balances shown are the sum of their history',
    proves:
      'Every balance a customer or operator sees is exactly what its postings add up to: none was edited by hand.',
  },
  no_negative_balances: {
    title: 'No wallet is overdrawn',
    proves:
      'No account that must not go negative (wallets, float) has spent more than it holds, counting holds.',
  },
  balance_rows_match_accounts: {
    title: 'Every account has its balance record',
    proves:
      "Each account's balance rows exist once, in its currency and status, so no balance is read from the wrong place.",
  },
  open_holds_match_pending: {
    title: 'Holds are backed by reserved money',
    proves:
      'Every open hold (money set aside for a payment still in flight) is reserved in the ledger, and every finished hold was released or captured.',
  },
  no_overdue_holds: {
    title: 'No hold is stuck',
    proves:
      'No money stays set aside past its expiry: the sweeper releases holds whose payments never finished.',
  },
};

export interface AuditOptions {
  /** An open hold counts as overdue only this long after its expiry: the sweeper runs every few seconds. */
  expiryGraceMs?: number;
}

/**
 * Verifies the ledger's invariants from the journal up. Reads only; run it
 * inside a repeatable-read transaction for one consistent snapshot.
 */
export async function runAudit(db: Queryable, options: AuditOptions = {}): Promise<AuditReport> {
  const graceMs = options.expiryGraceMs ?? 60_000;
  const checks: AuditCheck[] = [];
  const check = async (name: string, detail: string, sql: string, params: unknown[] = []) => {
    const { rows } = await db.query<Record<string, unknown>>(`${sql} LIMIT ${MAX_VIOLATIONS}`, params);
    const words = AUDIT_CHECK_WORDS[name] ?? { title: name, proves: detail };
    checks.push({ name, ...words, ok: rows.length === 0, detail, violations: rows.map(plain) });
  };

  const { rows: totals } = await db.query<{
    currency: string;
    postings: bigint;
    transactions: bigint;
    accounts: bigint;
  }>(
    `SELECT c.code AS currency,
            (SELECT count(*) FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id WHERE a.currency = c.code) AS postings,
            (SELECT count(*) FROM ledger.transactions t WHERE t.currency = c.code AND t.status = 'committed') AS transactions,
            (SELECT count(*) FROM ledger.accounts a WHERE a.currency = c.code) AS accounts
       FROM ledger.currencies c ORDER BY c.code`,
  );
  const summary = totals
    .filter((t) => t.accounts > 0n)
    .map(
      (t) => `${t.currency}: ${t.accounts} accounts, ${t.transactions} transactions, ${t.postings} postings`,
    )
    .join('; ');

  await check(
    'journal_balances_per_currency',
    `total debits = total credits for every currency, posted and pending apart (${summary || 'no accounts'})`,
    `SELECT a.currency, p.pending,
            sum(p.amount) FILTER (WHERE p.side = 'D') AS debits, sum(p.amount) FILTER (WHERE p.side = 'C') AS credits
       FROM ledger.postings p JOIN ledger.accounts a ON a.id = p.account_id
      GROUP BY a.currency, p.pending
     HAVING coalesce(sum(p.amount) FILTER (WHERE p.side = 'D'), 0) <> coalesce(sum(p.amount) FILTER (WHERE p.side = 'C'), 0)`,
  );
  await check(
    'stored_balances_balance_per_currency',
    'the stored balances of all accounts of a currency sum to zero (debits = credits)',
    `SELECT a.currency, sum(b.debits_posted) AS dp, sum(b.credits_posted) AS cp,
            sum(b.debits_pending) AS dpe, sum(b.credits_pending) AS cpe
       FROM ledger.balances b JOIN ledger.accounts a ON a.id = b.account_id
      GROUP BY a.currency
     HAVING sum(b.debits_posted) <> sum(b.credits_posted) OR sum(b.debits_pending) <> sum(b.credits_pending)`,
  );
  await check(
    'transactions_balance',
    'every committed transaction balances (debits = credits), posted and pending apart',
    `SELECT p.transaction_id, p.pending, sum(CASE WHEN p.side = 'D' THEN p.amount ELSE -p.amount END) AS difference
       FROM ledger.postings p
      GROUP BY p.transaction_id, p.pending
     HAVING sum(CASE WHEN p.side = 'D' THEN p.amount ELSE -p.amount END) <> 0`,
  );
  await check(
    'stored_balances_match_postings',
    'every account: stored posted and pending debits and credits = the sum of its postings',
    `WITH j AS (
       SELECT account_id,
              coalesce(sum(amount) FILTER (WHERE side = 'D' AND NOT pending), 0) AS dp,
              coalesce(sum(amount) FILTER (WHERE side = 'C' AND NOT pending), 0) AS cp,
              coalesce(sum(amount) FILTER (WHERE side = 'D' AND pending), 0) AS dpe,
              coalesce(sum(amount) FILTER (WHERE side = 'C' AND pending), 0) AS cpe
         FROM ledger.postings GROUP BY account_id),
     s AS (
       SELECT account_id, sum(debits_posted) AS dp, sum(credits_posted) AS cp,
              sum(debits_pending) AS dpe, sum(credits_pending) AS cpe
         FROM ledger.balances GROUP BY account_id)
     SELECT a.id AS account_id, s.dp AS stored_dp, j.dp AS journal_dp, s.cp AS stored_cp, j.cp AS journal_cp,
            s.dpe AS stored_dpe, j.dpe AS journal_dpe, s.cpe AS stored_cpe, j.cpe AS journal_cpe
       FROM ledger.accounts a
       LEFT JOIN s ON s.account_id = a.id
       LEFT JOIN j ON j.account_id = a.id
      WHERE coalesce(s.dp, 0) <> coalesce(j.dp, 0) OR coalesce(s.cp, 0) <> coalesce(j.cp, 0)
         OR coalesce(s.dpe, 0) <> coalesce(j.dpe, 0) OR coalesce(s.cpe, 0) <> coalesce(j.cpe, 0)`,
  );
  await check(
    'no_negative_balances',
    'no account that must not go negative is below zero (available = credits - debits - pending debits)',
    `SELECT a.id AS account_id, a.type, b.credits_posted - b.debits_posted - b.debits_pending AS available
       FROM ledger.accounts a JOIN ledger.balances b ON b.account_id = a.id
      WHERE (a.debits_must_not_exceed_credits AND b.debits_posted + b.debits_pending > b.credits_posted)
         OR (a.credits_must_not_exceed_debits AND b.credits_posted + b.credits_pending > b.debits_posted)`,
  );
  await check(
    'balance_rows_match_accounts',
    "every account has one balance row per bucket, each with the account's currency, status, bucket count and limits",
    `SELECT a.id AS account_id, count(b.account_id) AS balance_rows
       FROM ledger.accounts a LEFT JOIN ledger.balances b ON b.account_id = a.id
      GROUP BY a.id
     HAVING count(b.account_id) <> a.buckets
         OR bool_or(b.currency <> a.currency OR b.status <> a.status OR b.buckets <> a.buckets
                    OR b.dr_limit <> a.debits_must_not_exceed_credits OR b.cr_limit <> a.credits_must_not_exceed_debits)`,
  );
  await check(
    'open_holds_match_pending',
    'every open hold is backed by its pending postings, and every resolved hold was released',
    `SELECT h.id AS hold_id, h.status, sum(p.amount) FILTER (WHERE p.side = 'D') AS pending_debits_left
       FROM ledger.holds h JOIN ledger.postings p ON p.transaction_id IN (h.id, h.resolved_by) AND p.pending
      GROUP BY h.id, h.status
     HAVING (h.status = 'open' AND coalesce(sum(p.amount) FILTER (WHERE p.side = 'D'), 0) <> h.amount)
         OR (h.status <> 'open' AND coalesce(sum(p.amount) FILTER (WHERE p.side = 'D'), 0) <> 0)`,
  );
  await check(
    'no_overdue_holds',
    `no hold is still open more than ${graceMs} ms after its expiry`,
    `SELECT id AS hold_id, expires_at FROM ledger.holds
      WHERE status = 'open' AND expires_at IS NOT NULL AND expires_at < now() - make_interval(secs => $1::double precision / 1000)`,
    [graceMs],
  );
  return { ok: checks.every((c) => c.ok), at: new Date().toISOString(), checks };
}

function plain(row: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = typeof v === 'bigint' ? v.toString() : v;
  return out;
}

export function formatAudit(report: AuditReport): string {
  const lines = [`Ledger audit at ${report.at}: ${report.ok ? 'CLEAN' : 'VIOLATIONS FOUND'}`];
  for (const c of report.checks) {
    lines.push(`  [${c.ok ? 'ok' : 'FAIL'}] ${c.name}: ${c.detail}`);
    for (const v of c.violations) lines.push(`         ${JSON.stringify(v)}`);
  }
  return lines.join('\n');
}
