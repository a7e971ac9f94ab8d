import { describe, expect, it } from 'vitest';
import { auditChanges } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the fields that changed, with before and after', () => {
    expect(
      auditChanges({ role: 'customer', id: 'u1' }, { role: 'support', id: 'u1', revokedApiKeys: 0 }),
    ).toEqual([
      { key: 'role', before: 'customer', after: 'support' },
      { key: 'revokedApiKeys', before: '—', after: '0' },
    ]);
    expect(auditChanges({ fee: { flat: 100 } }, { fee: { flat: 150 } })).toEqual([
      { key: 'fee', before: '{"flat":100}', after: '{"flat":150}' },
    ]);
  });
  it('handles entries without a before or after', () => {
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges(null, { ok: true })).toEqual([
      { key: 'value', before: 'none', after: '{"ok":true}' },
    ]);
    expect(auditChanges([1], [1])).toEqual([]);
  });
});
