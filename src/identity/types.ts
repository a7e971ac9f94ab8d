export const ROLES = ['customer', 'support', 'operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export type UserStatus = 'active' | 'frozen';

/** A user as other modules and the API see it: never the password hash. */
export interface User {
  id: string;
  email: string;
  phone: string | null;
  fullName: string;
  role: Role;
  status: UserStatus;
  referralCode: string;
  referredBy: string | null;
  createdAt: Date;
  updatedAt: Date;
  /** The email / phone held now was proven by a link / code (cleared when it changes). */
  emailVerified: boolean;
  phoneVerified: boolean;
  /** A transaction PIN is set (money moves with a session only once it is). */
  hasPin: boolean;
}

/** Who is calling, set on the request by the authenticate preHandler. */
export interface AuthContext {
  userId: string;
  role: Role;
  /** The login session (refresh-token family) of a bearer token. */
  sessionId?: string;
  /** Set when the caller authenticated with an API key. */
  apiKeyId?: string;
  /** The API key's scopes; undefined for an interactive session (the role alone decides). */
  scopes?: string[];
}

/** What identity's use cases need from the process. */
export interface IdentityDeps {
  config: { jwtSecret: string };
}

/** Access/refresh pair handed to a client after login, registration or refresh. */
export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  tokenType: 'Bearer';
  /** Access-token lifetime in seconds. */
  expiresIn: number;
  sessionId: string;
}

/** A use-case outcome that must be committed even when it is a failure (throttle counters, reuse revocation). */
export type Outcome<T> = { ok: true; value: T } | { ok: false; error: Error };
