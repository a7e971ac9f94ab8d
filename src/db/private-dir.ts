import { chmodSync, lstatSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Owner-only permissions: the embedded database holds every balance, password hash and token. */
const DIR_MODE = 0o700;
const FILE_MODE = 0o600;
/** Bounds the walk over an existing data directory (a PGlite cluster has about a thousand files). */
const MAX_ENTRIES = 100_000;
const PRIVATE = { dir: DIR_MODE, file: FILE_MODE };

/** Creates `dir` (and missing parents) readable by this user only, and tightens it if it existed. */
export function ensurePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  chmodSync(dir, DIR_MODE);
}

/**
 * Tightens everything under `dir` to owner-only (directories 0700, files 0600): a data
 * directory written by an earlier version has world-writable files. Symlinks are left alone.
 * `modes` sets other modes instead (a tree others may read but not change).
 */
export function restrictTree(dir: string, modes: { dir: number; file: number } = PRIVATE): void {
  let seen = 0;
  const walk = (path: string) => {
    for (const entry of readdirSync(path, { withFileTypes: true })) {
      if (++seen > MAX_ENTRIES) throw new Error(`${dir} has more than ${MAX_ENTRIES} entries`);
      const full = join(path, entry.name);
      if (entry.isDirectory()) {
        chmodSync(full, modes.dir);
        walk(full);
      } else if (entry.isFile()) {
        chmodSync(full, modes.file);
      }
    }
  };
  if (lstatSync(dir).isDirectory()) walk(dir);
}

/**
 * PGlite writes through Node's fs with the modes PostgreSQL asks for, widened by nothing but the
 * process umask, and creates files for as long as it runs (WAL segments, relations): so the
 * umask is what keeps new files private. It applies to the whole process, which writes nothing
 * that others should read.
 */
export function restrictUmask(): void {
  process.umask(process.umask() | 0o077);
}
