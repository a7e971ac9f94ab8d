import { describe, expect, it } from 'vitest';
import { lagosDate, lagosStamp, parseLagosStamp } from './lagos-time.js';
import { vtpassRequestId } from './vtpass.js';

describe('Africa/Lagos stamps', () => {
  it.each([
    ['2024-12-31T22:59:00Z', '202412312359'],
    ['2024-12-31T23:00:00Z', '202501010000'], // UTC is still in 2024, Lagos is in 2025
    ['2025-01-31T23:30:59Z', '202502010030'],
    ['2024-02-28T23:15:00Z', '202402290015'], // leap day
    ['2025-06-15T12:07:00Z', '202506151307'],
    ['2025-03-30T00:59:00Z', '202503300159'], // Europe's DST night: Lagos has no DST
  ])('%s is %s in Lagos', (utc, stamp) => {
    expect(lagosStamp(new Date(utc))).toBe(stamp);
  });

  it('gives the Lagos date, not the UTC one, around UTC midnight', () => {
    expect(lagosDate(new Date('2025-05-01T22:59:59Z'))).toBe('20250501');
    expect(lagosDate(new Date('2025-05-01T23:00:00Z'))).toBe('20250502');
    expect(lagosDate(new Date('2025-05-02T00:30:00Z'))).toBe('20250502');
  });

  it('parses stamps back to instants and refuses impossible ones', () => {
    expect(parseLagosStamp('202501010000')).toBe(Date.parse('2024-12-31T23:00:00Z'));
    expect(parseLagosStamp('202402290015')).toBe(Date.parse('2024-02-28T23:15:00Z'));
    for (const bad of [
      '202302290000',
      '202413010000',
      '202401320000',
      '202401012400',
      '202401010060',
      '20240101000',
      'abcdefghijkl',
      '199912312359',
    ]) {
      expect(parseLagosStamp(bad), bad).toBeUndefined();
    }
  });

  it('refuses an invalid date', () => {
    expect(() => lagosStamp(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('vtpassRequestId', () => {
  it('starts with the Lagos date-time across the UTC midnight boundary', () => {
    const before = vtpassRequestId(new Date('2025-01-31T22:59:00Z'));
    const after = vtpassRequestId(new Date('2025-01-31T23:00:00Z'));
    const utcNextDay = vtpassRequestId(new Date('2025-02-01T00:10:00Z'));
    expect(before.slice(0, 12)).toBe('202501312359');
    expect(after.slice(0, 12)).toBe('202502010000'); // already tomorrow in Lagos, still Jan 31 in UTC
    expect(utcNextDay.slice(0, 12)).toBe('202502010110');
  });

  it('is 28 characters of digits then a random alphanumeric suffix by default', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 500; i++) {
      const id = vtpassRequestId(new Date('2025-06-15T12:07:00Z'));
      expect(id).toMatch(/^202506151307[A-Za-z0-9]{16}$/);
      seen.add(id);
    }
    expect(seen.size).toBe(500);
  });

  it('takes a suffix, keeping the total at 24-32 characters', () => {
    const now = new Date('2025-06-15T12:07:00Z');
    expect(vtpassRequestId(now, 'abcDEF123456')).toBe('202506151307abcDEF123456');
    expect(vtpassRequestId(now, 'a'.repeat(20))).toHaveLength(32);
    expect(() => vtpassRequestId(now, 'short')).toThrow(RangeError);
    expect(() => vtpassRequestId(now, 'a'.repeat(21))).toThrow(RangeError);
    expect(() => vtpassRequestId(now, 'has-dash-000')).toThrow(RangeError);
  });
});
