/**
 * The identity provider behind BVN and NIN verification: one interface, the
 * sandbox simulator (the default) and Dojah. A provider only looks a number
 * up; deciding whether the record matches the person is the use case's job.
 */
import type { KycConfig } from '../config.js';

export type IdentityKind = 'bvn' | 'nin';

/** What the national database holds for a number. */
export interface IdentityRecord {
  firstName: string;
  lastName: string;
  middleName?: string;
  /** YYYY-MM-DD, when the provider gives it in a form we can read. */
  dateOfBirth?: string;
}

export type LookupResult =
  | { outcome: 'found'; record: IdentityRecord }
  | { outcome: 'not_found' }
  /** No usable answer (timeout, 5xx, garbage): nothing is known about the number. */
  | { outcome: 'unavailable'; detail: string };

/** Who asks, for the simulator only (it answers with the applicant's own name); real providers ignore it. */
export interface Applicant {
  fullName: string;
  dateOfBirth?: string;
}

export interface IdentityProvider {
  readonly name: KycConfig['provider'];
  /** Never throws; never logs the number. */
  lookup(kind: IdentityKind, number: string, applicant: Applicant): Promise<LookupResult>;
}

/** The sandbox's test numbers (documented in the README and the API description). */
export const SANDBOX_NUMBERS = {
  bvn: '22222222222',
  nin: '11111111111',
  /** Verifies, but with somebody else's name. */
  otherName: '22222222223',
} as const;

/**
 * The simulator: the test BVN and NIN verify with the applicant's own name
 * (and date of birth), `22222222223` with a different name, a number starting
 * with 0 is unknown, and so is any other number.
 */
export function createSandboxProvider(): IdentityProvider {
  return {
    name: 'sandbox',
    async lookup(kind, number, applicant) {
      if (number.startsWith('0')) return { outcome: 'not_found' };
      if (number === SANDBOX_NUMBERS.otherName)
        return { outcome: 'found', record: { firstName: 'Chidi', lastName: 'Okonkwo-Sandbox' } };
      if (number !== SANDBOX_NUMBERS[kind]) return { outcome: 'not_found' };
      const words = applicant.fullName.trim().split(/\s+/);
      const record: IdentityRecord = {
        firstName: words[0] ?? '',
        lastName: words.length > 1 ? (words[words.length - 1] as string) : '',
        ...(words.length > 2 ? { middleName: words.slice(1, -1).join(' ') } : {}),
        ...(applicant.dateOfBirth ? { dateOfBirth: applicant.dateOfBirth } : {}),
      };
      return { outcome: 'found', record };
    },
  };
}
