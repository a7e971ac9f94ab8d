// Transpiles src/ to dist/ with esbuild (about a second), and makes a pristine embedded-database
// cluster beside it once per PGlite version (a few seconds; see src/db/pglite-seed.ts). Type
// checking is `npm run typecheck`, run in CI.
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';

function sources(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'test-support' ? [] : sources(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [path] : [];
  });
}

/** Kept across builds: it depends only on the PGlite version, which writeClusterSeed checks. */
const SEED = 'pglite-cluster';

for (const entry of existsSync('dist') ? readdirSync('dist') : []) {
  if (!entry.startsWith(SEED)) rmSync(join('dist', entry), { recursive: true, force: true });
}
await build({
  entryPoints: sources('src'),
  outdir: 'dist',
  outbase: 'src',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
});

const { writeClusterSeed } = await import('../dist/db/pglite-seed.js');
if (await writeClusterSeed())
  console.log(`made dist/${SEED}/ (a new embedded database starts as a copy of it)`);
