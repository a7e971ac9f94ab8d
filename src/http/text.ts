import type { Ajv } from 'ajv';

/**
 * Text the API accepts. Every string in a route's body, query, path or headers
 * schema gets the `x-safe-text` keyword (see markSafeText): NUL and other
 * control characters, lone UTF-16 surrogates (PostgreSQL cannot store them;
 * they used to surface as 500s) and bidirectional overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069, which let a name shown to someone else read
 * backwards) are refused with 400 invalid_text naming the field. Ordinary
 * Unicode passes: diacritics, emoji as proper surrogate pairs, joiners.
 *
 * `line` (the default) also refuses newline, carriage return and tab;
 * `multiline` allows them, for free-text operator notes only (MULTILINE_FIELDS).
 */
export const SAFE_TEXT_KEYWORD = 'x-safe-text';
export type SafeTextMode = 'line' | 'multiline';

/** Properties whose text may span lines: operators' reasons, kept in the audit log. */
const MULTILINE_FIELDS = new Set(['reason']);

// Controls (C0, DEL, C1), lone surrogates (\p{Cs} matches only unpaired ones in a /u regex),
// line and paragraph separators, bidi overrides and isolates.
const UNSAFE_LINE = /[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
// The same but tab, newline and carriage return.
const UNSAFE_MULTILINE = /(?![\t\n\r])[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;
const UNSAFE_GLOBAL = /[\p{Cc}\p{Cs}\u2028\u2029\u202a-\u202e\u2066-\u2069]/gu;

export function isSafeText(value: string, mode: SafeTextMode = 'line'): boolean {
  return !(mode === 'multiline' ? UNSAFE_MULTILINE : UNSAFE_LINE).test(value);
}

/** Text stored before these rules (or from a provider) made safe to show to someone else. */
export function displayText(value: string): string {
  return value.replace(UNSAFE_GLOBAL, '');
}

export function addSafeTextKeyword(ajv: Ajv): void {
  ajv.addKeyword({
    keyword: SAFE_TEXT_KEYWORD,
    schemaType: 'string',
    errors: false,
    // Untyped and ahead of enum, so it is checked before enum, format or pattern
    // can refuse the same string with a vaguer error (Ajv stops at the first).
    before: 'enum',
    validate: (mode: SafeTextMode, data: unknown) => typeof data !== 'string' || isSafeText(data, mode),
  });
}

/**
 * `date-time` as ajv-formats checks it, and also one JavaScript can represent:
 * RFC 3339 allows a leap second (23:59:60), which Date cannot hold (Invalid Date
 * reached the database as a 500); a year beyond Date's range is refused too.
 */
export function restrictDateTime(ajv: Ajv): void {
  const base = ajv.formats['date-time'] as { validate: (s: string) => boolean } | ((s: string) => boolean);
  const check = typeof base === 'function' ? base : base.validate;
  ajv.addFormat('date-time', {
    type: 'string',
    validate: (value: string) => check(value) && !Number.isNaN(new Date(value).getTime()),
  });
}

const MAX_DEPTH = 32;

/**
 * Adds `x-safe-text` to every string schema inside a route schema part (in
 * place; idempotent). Walks properties, items and combinators; $refs to shared
 * schemas are left as they are (route inputs here are inline).
 */
export function markSafeText(schema: unknown, field?: string, depth = 0): void {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH) return;
  const s = schema as Record<string, unknown>;
  const type = s.type;
  if (type === 'string' || (Array.isArray(type) && type.includes('string'))) {
    if (s[SAFE_TEXT_KEYWORD] === undefined) {
      s[SAFE_TEXT_KEYWORD] = field && MULTILINE_FIELDS.has(field) ? 'multiline' : 'line';
    }
  }
  if (s.properties && typeof s.properties === 'object') {
    for (const [name, sub] of Object.entries(s.properties as Record<string, unknown>)) {
      markSafeText(sub, name, depth + 1);
    }
  }
  for (const key of ['items', 'additionalProperties', 'not', 'if', 'then', 'else']) {
    markSafeText(s[key], field, depth + 1);
  }
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) {
    const list = s[key];
    if (Array.isArray(list)) for (const sub of list) markSafeText(sub, field, depth + 1);
  }
}

/** The route schema parts that carry client input. */
export const INPUT_PARTS = ['body', 'querystring', 'params', 'headers'] as const;

export function markRouteInputs(schema: Record<string, unknown> | undefined): void {
  if (!schema) return;
  for (const part of INPUT_PARTS) markSafeText(schema[part]);
}
