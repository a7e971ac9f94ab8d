import { describe, expect, it } from 'vitest';
import {
  checkedPasswordProblem,
  isCommonPassword,
  PASSWORD_MIN_LENGTH,
  passwordProblem,
} from './password-rule.js';

describe('the password rule', () => {
  it.each([
    '1234567890',
    '0987654321',
    '12345678901',
    'aaaaaaaaaaaa',
    '121212121212',
    'qwertyuiop',
    'abcdefghijk',
    'Password123',
    'password1234!',
    '2024welcome!',
    '1q2w3e4r5t',
    'iloveyou2024',
    'abc1234567',
  ])('refuses the common %s', (password) => {
    expect(isCommonPassword(password)).toBe(true);
    expect(passwordProblem(password)).toMatch(/too common/);
  });

  it.each([
    'correct-horse-battery-42',
    'correct horse battery staple',
    'operator-password-123',
    'a fresh passphrase 2024',
    'customer password 1',
    'bootstrap password 1',
    'long.enough.local',
    'whatever whatever',
  ])('accepts %s', (password) => {
    expect(passwordProblem(password, 'someone@example.com')).toBeNull();
  });

  it('states the length and the email rule', () => {
    expect(passwordProblem('short')).toBe(
      `The password must be at least ${PASSWORD_MIN_LENGTH} characters long`,
    );
    expect(passwordProblem('x'.repeat(257))).toMatch(/at most 256/);
    expect(passwordProblem('Long.Enough.Local@example.com', 'long.enough.local@example.com')).toMatch(
      /email/,
    );
    expect(passwordProblem('long.enough.local', 'long.enough.local@example.com')).toMatch(/email/);
  });

  it('refuses what zxcvbn-ts finds easy to guess, the email included, and keeps good passphrases', async () => {
    expect(await checkedPasswordProblem('football2024x')).toMatch(/too easy to guess/);
    expect(await checkedPasswordProblem('ada.obi@example.com1', 'ada.obi@example.com')).toMatch(/too easy/);
    expect(await checkedPasswordProblem('1234567890')).toMatch(/too common/);
    for (const good of ['correct-horse-battery-42', 'correct horse battery staple', 'operator-password-123'])
      expect(await checkedPasswordProblem(good, 'someone@example.com')).toBeNull();
  });
});
