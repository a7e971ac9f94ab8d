import { loadConfig } from '../config.js';
import { migrate, openDb } from '../db/index.js';
import { formatAudit, runAudit } from '../ledger/index.js';

/**
 * npm run audit: checks the ledger's invariants on DATABASE_URL (or the PGlite
 * data in DATA_DIR), prints what it checked, exits 1 on any violation.
 */
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
let ok = false;
try {
  await migrate(db);
  const report = await db.transaction((tx) => runAudit(tx), { isolation: 'repeatable read' });
  console.log(formatAudit(report));
  ok = report.ok;
} finally {
  await db.close();
}
process.exit(ok ? 0 : 1);
