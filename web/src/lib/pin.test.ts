import { describe, expect, it } from 'vitest';
import { ApiError } from './api';
import { isPinRefusal, pinMessage } from './pin';

const refusal = (status: number, code: string, problem: Record<string, unknown> = {}) =>
  new ApiError(status, code, 'server words', '', [], null, { code, ...problem });

describe('PIN refusals in plain words', () => {
  it('says how many attempts are left, and warns before the last one', () => {
    expect(pinMessage(refusal(403, 'pin_invalid', { attemptsRemaining: 3 }))).toBe(
      'That PIN is not right. 3 attempts left.',
    );
    expect(pinMessage(refusal(403, 'pin_invalid', { attemptsRemaining: 1 }))).toMatch(
      /1 attempt left.*locked/,
    );
  });

  it('says until when payments are locked, and how to unlock them', () => {
    const text = pinMessage(refusal(423, 'pin_locked', { lockedUntil: '2026-12-07T23:30:00.000Z' }));
    expect(text).toMatch(/locked until .+\. You can reset your PIN under Security\./);
  });

  it('leaves other refusals alone', () => {
    expect(isPinRefusal(refusal(422, 'insufficient_funds'))).toBe(false);
    expect(pinMessage(refusal(422, 'insufficient_funds'))).toBeNull();
    expect(pinMessage(new Error('x'))).toBeNull();
    expect(pinMessage(refusal(403, 'pin_required'))).toBe('Enter your transaction PIN.');
  });
});
