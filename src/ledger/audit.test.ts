import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDb, hasPg, type TestDb } from '../test-support/db.js';
import { runAudit } from './index.js';
import { makeSource, makeWallet, transfer } from './testing.js';

const run = promisify(execFile);

async function auditCli(url: string): Promise<{ code: number; out: string }> {
  try {
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/operations/audit-cli.ts'], {
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: 'test' },
    });
    return { code: 0, out: stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, out: e.stdout };
  }
}

describe.skipIf(!hasPg())('npm run audit', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await createTestDb('pg');
    const src = await makeSource(t.db);
    const a = await makeWallet(t.db);
    const b = await makeWallet(t.db);
    await transfer(t.db, src.id, a.id, 5_000n);
    await transfer(t.db, a.id, b.id, 1_250n);
  });
  afterAll(async () => {
    await t.drop({ skipAudit: true }); // this file corrupts a balance on purpose
  });

  it('exits 0 on a clean ledger and says what it checked', async () => {
    const { code, out } = await auditCli(t.url as string);
    expect(code).toBe(0);
    expect(out).toContain('CLEAN');
    expect(out).toContain('stored_balances_match_postings');
  });

  it('exits non-zero when a stored balance is corrupted', async () => {
    await t.db.query(
      "UPDATE ledger.balances SET credits_posted = credits_posted + 1 WHERE account_id = (SELECT id FROM ledger.accounts WHERE type = 'user_wallet' LIMIT 1)",
    );
    const report = await runAudit(t.db);
    expect(report.ok).toBe(false);
    expect(report.checks.find((c) => c.name === 'stored_balances_match_postings')?.ok).toBe(false);
    const { code, out } = await auditCli(t.url as string);
    expect(code).toBe(1);
    expect(out).toContain('VIOLATIONS FOUND');
  });
});
