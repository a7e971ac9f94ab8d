/** One changed value of an audit entry: what it was and what it became. */
export interface AuditChange {
  key: string;
  before: string;
  after: string;
}

function text(value: unknown): string {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The values that differ between an entry's before and after, one level deep
 * (a settings change: each field with its old and new value). Non-objects
 * compare as one value.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  if (before === null && after === null) return [];
  if (!isRecord(before) || !isRecord(after)) {
    if (before === undefined && after === undefined) return [];
    return JSON.stringify(before) === JSON.stringify(after)
      ? []
      : [{ key: 'value', before: text(before), after: text(after) }];
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return keys
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => ({ key: k, before: text(before[k]), after: text(after[k]) }));
}
