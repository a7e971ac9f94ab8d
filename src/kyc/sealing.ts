/**
 * Identity numbers at rest: AES-256-GCM with KYC_ENCRYPTION_KEY, a fresh
 * 12-byte IV each time, stored as base64 of iv | tag | ciphertext. The same
 * number sealed twice gives two different values, so uniqueness (one BVN, one
 * account) uses a keyed hash instead: HMAC-SHA256 under a key derived from the
 * encryption key (HKDF), never a plain hash an 11-digit number could be
 * brute-forced from.
 */
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Sealer {
  seal(plain: string): string;
  /** Throws when the value was not sealed with this key (or was altered). */
  open(sealed: string): string;
  /** A stable keyed hash of a number of a kind (`bvn`, `nin`), for uniqueness. */
  lookup(kind: string, plain: string): string;
}

export function createSealer(keyBase64: string): Sealer {
  const key = Buffer.from(keyBase64, 'base64');
  if (key.length !== 32) throw new RangeError('KYC encryption key must be 32 bytes');
  const lookupKey = Buffer.from(hkdfSync('sha256', key, Buffer.alloc(0), 'vendra kyc lookup', 32));
  return {
    seal(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
    },
    open(sealed) {
      const raw = Buffer.from(sealed, 'base64');
      if (raw.length < IV_BYTES + TAG_BYTES) throw new Error('sealed value is too short');
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString(
        'utf8',
      );
    },
    lookup: (kind, plain) => createHmac('sha256', lookupKey).update(`${kind}:${plain}`).digest('hex'),
  };
}

/** `22222222222` -> `*******2222`: the last four digits behind a fixed mask (the length never leaks). */
export const masked = (last4: string | null): string | null => (last4 === null ? null : `*******${last4}`);

/** The last four characters of a number, the only part ever shown or stored in clear. */
export const lastFour = (plain: string): string => plain.slice(-4);
