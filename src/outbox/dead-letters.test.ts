import { describe, expect, it } from 'vitest';
import { redactPayload } from './dead-letters.js';

describe('dead letters as operators read them', () => {
  it('replace credential-named values at any depth and keep everything else', () => {
    const payload = {
      userId: 'u1',
      template: 'password_reset',
      data: { link: 'https://x/reset?token=abc', expiresInMinutes: 30, nested: [{ code: '123456', n: 1 }] },
      to: { email: 'a@b.c' },
    };
    expect(redactPayload(payload)).toEqual({
      userId: 'u1',
      template: 'password_reset',
      data: { link: '[redacted]', expiresInMinutes: 30, nested: [{ code: '[redacted]', n: 1 }] },
      to: { email: 'a@b.c' },
    });
    expect(JSON.stringify(redactPayload(payload))).not.toMatch(/abc|123456/);
    expect(redactPayload('plain')).toBe('plain');
    expect(redactPayload(null)).toBe(null);
  });
});
