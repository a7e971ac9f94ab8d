import { AppError } from '../errors/index.js';
import { checkedPasswordProblem, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-rule.js';

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };
export const EMAIL_MAX_LENGTH = 254;

const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]+$/;
const E164 = /^\+[1-9]\d{7,14}$/;
/** Nigerian numbers written locally: 0 followed by 10 digits (080..., 070..., 090..., 081..., 091...). */
const NG_LOCAL = /^0[789][01]\d{8}$/;
const NG_INTL = /^\+234[789][01]\d{8}$/;

/** Trims and lower-cases an email; 400 invalid_email when it does not look like one. */
export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email)) {
    throw new AppError('invalid_email', 'The email address is not valid');
  }
  return email;
}

/** Lower-cased, trimmed email for lookups; never throws (login must not reveal format rules). */
export function emailKey(raw: string): string {
  return raw.trim().toLowerCase();
}

/**
 * E.164 phone number. Spaces, dashes, dots and parentheses are ignored; a
 * leading 00 means +; a Nigerian local number (080...) becomes +234...
 * 400 invalid_phone otherwise.
 */
export function normalizePhone(raw: string): string {
  let phone = raw.trim().replace(/[\s\-.()]/g, '');
  if (phone.startsWith('00')) phone = `+${phone.slice(2)}`;
  if (NG_LOCAL.test(phone)) phone = `+234${phone.slice(1)}`;
  else if (/^234\d{10}$/.test(phone)) phone = `+${phone}`;
  const valid = phone.startsWith('+234') ? NG_INTL.test(phone) : E164.test(phone);
  if (!valid) {
    throw new AppError(
      'invalid_phone',
      'The phone number must be in E.164 form (+2348012345678) or Nigerian local form (08012345678)',
    );
  }
  return phone;
}

/**
 * 400 weak_password unless the password meets the rule of password-rule.ts
 * (10..256 characters, not a common or easily guessed password, not the email or its local part).
 */
export async function checkPassword(password: string, email: string): Promise<void> {
  const problem = await checkedPasswordProblem(password, email);
  if (problem) throw new AppError('weak_password', problem);
}

/** 400 invalid_name unless the trimmed name has 1..200 characters. */
export function normalizeFullName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  if (name.length === 0 || name.length > 200)
    throw new AppError('invalid_name', 'The full name must have 1 to 200 characters');
  return name;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string) => UUID.test(value);
