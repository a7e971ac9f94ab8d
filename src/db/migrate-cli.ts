import { loadConfig } from '../config.js';
import { migrate, openDb } from './index.js';

/** npm run migrate: applies pending migrations to DATABASE_URL (or the PGlite data in DATA_DIR). */
const config = loadConfig();
const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
try {
  const applied = await migrate(db);
  console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
} finally {
  await db.close();
}
