/** Opaque keyset cursors: base64url of a JSON array. Garbage in means "bad cursor", never a 500. */
import { AppError } from '../errors/index.js';

export const MAX_PAGE_SIZE = 100;
const MAX_CURSOR_LENGTH = 512;

export function encodeCursor(parts: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(parts)).toString('base64url');
}

/** Decodes a cursor made by encodeCursor; undefined when it is malformed. */
export function decodeCursor(cursor: string): unknown[] | undefined {
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(cursor)) return undefined;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    return Array.isArray(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * What one cursor field must be: `seq` a non-negative bigint as digits, `timestamp`
 * an ISO-8601 UTC instant as toISOString writes it, `uuid`, `key` a short printable name.
 */
export type CursorField = 'seq' | 'timestamp' | 'uuid' | 'key';

const FIELD_CHECKS: Record<CursorField, (v: string) => boolean> = {
  seq: (v) => /^\d{1,19}$/.test(v) && BigInt(v) <= 9223372036854775807n,
  timestamp: (v) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(v) &&
    !Number.isNaN(Date.parse(v)) &&
    new Date(v).toISOString() === v,
  uuid: (v) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v),
  key: (v) => /^[\x21-\x7e]{1,100}$/.test(v),
};

/**
 * Decodes a cursor that must hold exactly these fields, each a string of its
 * kind; anything else is 400 invalid_cursor (never a database error).
 */
export function decodeCursorAs(cursor: string, fields: readonly CursorField[]): string[] {
  const parts = decodeCursor(cursor);
  const ok =
    parts !== undefined &&
    parts.length === fields.length &&
    parts.every((p, i) => typeof p === 'string' && FIELD_CHECKS[fields[i]!](p));
  if (!ok) throw new AppError('invalid_cursor', 'The cursor is malformed');
  return parts as string[];
}

/** A cursor that is a bare sequence number (a wallet history's posting id); else 400 invalid_cursor. */
export function decodeSeq(cursor: string): string {
  if (!FIELD_CHECKS.seq(cursor)) throw new AppError('invalid_cursor', 'The cursor is malformed');
  return cursor;
}

/** Clamps a requested page size to 1..MAX_PAGE_SIZE. */
export function pageSize(limit: number | undefined, fallback = 50): number {
  if (limit === undefined || !Number.isFinite(limit)) return fallback;
  return Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(limit)));
}
