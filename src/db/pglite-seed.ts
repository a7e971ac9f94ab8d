import {
  chmodSync,
  copyFileSync,
  cpSync,
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { restrictTree } from './private-dir.js';

/**
 * A new embedded database starts with initdb, which PGlite runs in
 * WebAssembly: most of a first start (3 to 4 s of 5.5 on a quiet machine).
 * Its output depends on nothing but the PGlite version, so the build leaves
 * one pristine cluster beside dist/ and a new data directory starts as a
 * copy of it (well under a second; PGlite's own loadDataDir, which unpacks
 * a tarball through its virtual file system, took two); the migrations then
 * run as on any new database. Without it (running from src/, or another
 * PGlite version) initdb runs as before.
 */
export const CLUSTER_SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../pglite-cluster');

const READ_ONLY_FOR_OTHERS = { dir: 0o755, file: 0o644 };

/** Written last by the copy: a data directory with it holds a whole cluster. */
const MARKER = 'PG_VERSION';

interface SeedManifest {
  pglite: string;
}

const manifestPath = (seed: string) => `${seed}.json`;

/** The installed PGlite's version (its package.json is not exported, so read beside its entry point). */
function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const pkg = JSON.parse(readFileSync(join(dirname(entry), '..', 'package.json'), 'utf8')) as {
    version: string;
  };
  return pkg.version;
}

function seedIsCurrent(seed: string): boolean {
  if (!existsSync(join(seed, MARKER)) || !existsSync(manifestPath(seed))) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(seed), 'utf8')) as SeedManifest;
    return manifest.pglite === pgliteVersion();
  } catch {
    return false;
  }
}

/**
 * Copies the pristine cluster into dataDir when dataDir holds no cluster yet
 * and a current seed exists; true when it did. PG_VERSION goes last, so an
 * interrupted copy is never taken for a cluster.
 */
export function seedCluster(dataDir: string, seed: string = CLUSTER_SEED): boolean {
  if (existsSync(join(dataDir, MARKER)) || !seedIsCurrent(seed)) return false;
  const marker = join(seed, MARKER);
  try {
    cpSync(seed, dataDir, { recursive: true, filter: (source) => source !== marker });
    copyFileSync(marker, join(dataDir, MARKER));
    return true;
  } catch {
    // An unreadable seed (another user built it): take back what was copied, and initdb runs.
    for (const entry of readdirSync(seed)) rmSync(join(dataDir, entry), { recursive: true, force: true });
    return false;
  }
}

/** Makes the pristine cluster for this PGlite version at `seed` (the build calls it); keeps a current one. */
export async function writeClusterSeed(seed: string = CLUSTER_SEED): Promise<boolean> {
  if (seedIsCurrent(seed)) return false;
  rmSync(manifestPath(seed), { force: true }); // no manifest, no seed: a half-made one is never used
  rmSync(seed, { recursive: true, force: true });
  const pglite = await PGlite.create({ dataDir: seed }); // initdb, nothing else
  await pglite.close();
  // What every new database starts from: nobody else may change it, the user the server runs as
  // may read it (it holds no secret; a copy is made private before PostgreSQL starts on it).
  chmodSync(seed, READ_ONLY_FOR_OTHERS.dir);
  restrictTree(seed, READ_ONLY_FOR_OTHERS);
  const manifest: SeedManifest = { pglite: pgliteVersion() };
  writeFileSync(manifestPath(seed), `${JSON.stringify(manifest)}\n`);
  return true;
}
