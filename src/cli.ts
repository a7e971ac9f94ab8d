import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { type Config, ConfigError, type Env, loadConfig } from './config.js';
import type { AppContext } from './context.js';
import { allConsumers } from './consumers.js';
import { migrate, openDb } from './db/index.js';
import { bootstrapAdmin } from './identity/index.js';
import { defineConsumers } from './outbox/index.js';

const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email <email> [--password <password>] [--name <full name>] [--promote]
      Creates an admin (or promotes an existing operator to admin). Idempotent.
      The password may come from ADMIN_PASSWORD instead of the command line.
      An existing customer account is only taken over with --promote: its
      password is replaced and its sessions and API keys are revoked.
`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

const consoleIo: CliIo = { out: (l) => console.log(l), err: (l) => console.error(l) };

async function createAdmin(config: Config, args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      email: { type: 'string' },
      password: { type: 'string' },
      name: { type: 'string' },
      promote: { type: 'boolean' },
    },
    strict: true,
  });
  const email = values.email;
  const password = values.password ?? config.adminPassword;
  if (!email || !password) {
    io.err('create-admin needs --email and --password (or ADMIN_PASSWORD)');
    return 2;
  }
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    poolSize: 2,
    applicationName: 'vendra-cli',
  });
  try {
    await migrate(db);
    const log = pino({ level: 'silent' });
    // Only the subscription map is needed here (publish), not running consumers.
    defineConsumers(allConsumers({ config, log, db } as AppContext));
    const result = await db.transaction((tx) =>
      bootstrapAdmin(tx, { email, password, fullName: values.name, promote: values.promote === true }),
    );
    const said = {
      created: 'created admin',
      promoted: 'promoted existing user to admin',
      unchanged: 'already an admin; nothing changed',
    };
    io.out(`${said[result.outcome]}: ${email.trim().toLowerCase()} (${result.userId})`);
    return 0;
  } finally {
    await db.close();
  }
}

/** Runs one CLI command; returns the process exit code. */
export async function runCli(argv: string[], env?: Env, io: CliIo = consoleIo) {
  const [command, ...rest] = argv;
  try {
    const config = loadConfig(env);
    switch (command) {
      case 'create-admin':
        return await createAdmin(config, rest, io);
      default:
        io.err(USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (error) {
    if (error instanceof ConfigError) io.err(`Configuration error: ${error.message}`);
    else io.err(`Error: ${(error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2)).then((code) => process.exit(code));
}
