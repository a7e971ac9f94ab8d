import { existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';

/**
 * A new embedded database starts with initdb, which PGlite runs in
 * WebAssembly: most of a first start (3 to 4 s of 5.5 on a quiet machine).
 * Its output depends on nothing but the PGlite version, so the build packs
 * one pristine cluster beside dist/ and a new data directory is unpacked
 * from it (under a second); the migrations then run as on any new database.
 * Without the file (running from src/, or another PGlite version) initdb
 * runs as before.
 */
export const CLUSTER_SEED = resolve(dirname(fileURLToPath(import.meta.url)), '../pglite-cluster.tar.gz');

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
  if (!existsSync(seed) || !existsSync(manifestPath(seed))) return false;
  try {
    const manifest = JSON.parse(readFileSync(manifestPath(seed), 'utf8')) as SeedManifest;
    return manifest.pglite === pgliteVersion();
  } catch {
    return false;
  }
}

/** The packed cluster to unpack into dataDir, when dataDir holds no cluster yet and a current seed exists. */
export function clusterSeedFor(dataDir: string, seed: string = CLUSTER_SEED): Blob | undefined {
  if (existsSync(join(dataDir, 'PG_VERSION')) || !seedIsCurrent(seed)) return undefined;
  return new Blob([readFileSync(seed)]);
}

/** Packs a pristine cluster for this PGlite version into `seed` (the build calls it); keeps a current one. */
export async function writeClusterSeed(seed: string = CLUSTER_SEED): Promise<boolean> {
  if (seedIsCurrent(seed)) return false;
  rmSync(manifestPath(seed), { force: true }); // no manifest, no seed: a half-written file is never used
  const pglite = await PGlite.create(); // in memory: initdb, nothing else
  try {
    const packed = await pglite.dumpDataDir('gzip');
    writeFileSync(`${seed}.tmp`, Buffer.from(await packed.arrayBuffer()));
    renameSync(`${seed}.tmp`, seed);
  } finally {
    await pglite.close();
  }
  const manifest: SeedManifest = { pglite: pgliteVersion() };
  writeFileSync(manifestPath(seed), `${JSON.stringify(manifest)}\n`);
  return true;
}
