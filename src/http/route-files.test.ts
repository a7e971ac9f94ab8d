/**
 * Route files (src/<module>/routes*.ts) read the request, call a use case and shape the reply: SQL lives
 * in the modules' use-case functions, request and reply types come from the schemas, and paginated
 * lists share one page schema.
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

/** A route method with a hand-written generic (`app.post<{ Body: ... }>(`): the schema's types are inferred instead. */
const HAND_TYPED = /\.(get|post|put|patch|delete)<\{/;
/** Routes whose schema is built conditionally (nothing to infer from): typed by hand, on purpose. */
const HAND_TYPED_ALLOWED = new Set(['bills/routes-webhooks.ts']);
/** An inline page schema; paginated lists use the shared pageOf (http/schemas.ts). */
const INLINE_PAGE = /nextCursor: \{ type:/;

const lineOffenders = (files: string[], re: RegExp) =>
  files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, i) => (re.test(line) ? [`${relative(SRC, file)}:${i + 1}`] : [])),
  );

function schemaFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return schemaFiles(path);
    return /^schemas.*\.ts$/.test(entry.name) ? [path] : [];
  });
}

describe('route files', () => {
  it('exist in every module that serves HTTP', () => {
    const files = routeFiles(SRC).map((f) => relative(SRC, f));
    for (const module of ['bills', 'identity', 'outbox', 'wallets'])
      expect(files.some((f) => f.startsWith(`${module}/`))).toBe(true);
  });

  it('take request and reply types from their schemas, not hand-written generics', () => {
    const files = routeFiles(SRC).filter((f) => !HAND_TYPED_ALLOWED.has(relative(SRC, f)));
    expect(lineOffenders(files, HAND_TYPED)).toEqual([]);
  });

  it('answer paginated lists through pageOf', () => {
    const files = [...routeFiles(SRC), ...schemaFiles(SRC)];
    expect(lineOffenders(files, INLINE_PAGE)).toEqual([]);
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
