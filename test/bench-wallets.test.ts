import { describe, expect, it } from 'vitest';
import { createPgliteDb } from '../src/db/pglite.js';
import { migrate } from '../src/db/index.js';
import { createTransactions, getAccountByKey, getBalance, runAudit } from '../src/ledger/index.js';
import { legs } from '../src/ledger/testing.js';
import { createBenchWallets, FUNDING } from '../bench/ledger.js';
import { rssMb, sampleRss, spawnNode, waitFor } from '../bench/procs.js';

describe('bench wallets made in bulk', () => {
  it('are funded wallets like createAccount makes: the audit passes, limits hold, transfers work', async () => {
    const db = await createPgliteDb({ dataDir: undefined });
    try {
      await migrate(db);
      const s = await createBenchWallets(db, 300);
      expect(s.wallets).toHaveLength(300);
      expect(new Set(s.wallets).size).toBe(300);

      const report = await runAudit(db);
      expect(report.checks.filter((c) => !c.ok)).toEqual([]);
      expect(report.ok).toBe(true);

      const [a, b] = s.wallets as [string, string];
      const balance = await db.transaction((tx) => getBalance(tx, a));
      expect(balance?.posted).toBe(FUNDING);
      expect(balance?.available).toBe(FUNDING);
      const equity = await db.transaction((tx) => getAccountByKey(tx, 'bench:equity'));
      const equityBalance = await db.transaction((tx) => getBalance(tx, equity?.id as string));
      expect(equityBalance?.posted).toBe(-300n * FUNDING);

      // The wallet's no-overdraft limit was copied to its balance row: spending more than it holds is refused.
      const [over] = await createTransactions(db, [
        { id: crypto.randomUUID(), kind: 'transfer', currency: 'NGN', legs: legs(a, b, FUNDING + 1n) },
      ]);
      expect(over?.ok).toBe(false);
      const [ok] = await createTransactions(db, [
        { id: crypto.randomUUID(), kind: 'transfer', currency: 'NGN', legs: legs(a, b, 5n) },
      ]);
      expect(ok?.ok).toBe(true);
      expect((await db.transaction((tx) => getBalance(tx, b)))?.posted).toBe(FUNDING + 5n);
      expect((await runAudit(db)).ok).toBe(true);
    } finally {
      await db.close();
    }
  });
});

describe('bench process helpers', () => {
  it('read a process RSS from /proc and keep the maximum seen', async () => {
    const mb = rssMb(process.pid);
    expect(mb).toBeGreaterThan(10);
    const sampler = sampleRss([process.pid], 10);
    await new Promise((r) => setTimeout(r, 50));
    expect(sampler.stop()).toBeGreaterThanOrEqual(Math.floor(mb as number));
    expect(rssMb(2 ** 30)).toBeUndefined();
  });

  it('give up waiting for a process that exited, naming it', async () => {
    const proc = spawnNode('quitter', ['-e', 'process.exit(3)'], {});
    await expect(waitFor(proc, 'http://127.0.0.1:9/')).rejects.toThrow(/quitter exited with 3/);
    await proc.stop();
  });
});
