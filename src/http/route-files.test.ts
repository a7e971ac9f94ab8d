/**
 * Route files read the request, call a use case and shape the reply: SQL lives in the modules' use-case
 * functions, never in a route file (src/<module>/routes*.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = fileURLToPath(new URL('..', import.meta.url));
const SQL = [
  /\.query\s*[<(]/,
  /\b(SELECT|INSERT INTO|UPDATE|DELETE FROM)\b[^'"`]*\b(FROM|VALUES|SET|WHERE)\b/,
];

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(path);
    return /^routes.*\.ts$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('route files', () => {
  it('exist in every module that serves HTTP', () => {
    const files = routeFiles(SRC).map((f) => relative(SRC, f));
    for (const module of ['bills', 'identity', 'outbox', 'wallets'])
      expect(files.some((f) => f.startsWith(`${module}/`))).toBe(true);
  });

  it('hold no SQL', () => {
    const offenders = routeFiles(SRC).flatMap((file) =>
      readFileSync(file, 'utf8')
        .split('\n')
        .flatMap((line, i) => (SQL.some((re) => re.test(line)) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
    );
    expect(offenders).toEqual([]);
  });
});
