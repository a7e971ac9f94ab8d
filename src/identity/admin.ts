import type { Config } from '../config.js';
import type { Db, Tx } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { revokeUserApiKeys } from './api-keys.js';
import { recordAudit } from './audit.js';
import { createUser } from './auth.js';
import { hashPassword } from './passwords.js';
import { revokeUserSessions } from './sessions.js';
import type { AuthContext, Role, User, UserStatus } from './types.js';
import { findUserRow, setUserRole, setUserStatus } from './users.js';
import { checkPassword, emailKey } from './validation.js';

/** Who acts and why, for the audit log. */
export interface Actor {
  auth: AuthContext;
  requestId?: string;
}

/**
 * Freezes or unfreezes a user on behalf of an operator/admin and writes the
 * audit record with before/after. Operators may only act on customers;
 * nobody may act on themselves (409 cannot_target_self). A no-op (already in
 * that state) changes and records nothing.
 */
export async function changeUserStatus(
  tx: Tx,
  actor: Actor,
  targetId: string,
  status: UserStatus,
  reason: string,
): Promise<User> {
  const target = await findUserRow(tx, 'id', targetId);
  if (!target) throw notFound('User');
  if (target.id === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot change your own account');
  if (actor.auth.role !== 'admin' && target.role !== 'customer') {
    throw forbidden('Only an admin can freeze or unfreeze staff accounts');
  }
  const change = (await setUserStatus(tx, targetId, status))!;
  if (change.changed) {
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: status === 'frozen' ? 'user.freeze' : 'user.unfreeze',
      targetType: 'user',
      targetId,
      before: { status: change.before.status },
      after: { status: change.after.status },
      reason,
      requestId: actor.requestId,
    });
  }
  return change.after;
}

/**
 * Sets a user's role on behalf of an admin, audited. Losing staff rights also
 * revokes the user's API keys.
 */
export async function changeUserRole(
  tx: Tx,
  actor: Actor,
  targetId: string,
  role: Role,
  reason: string | undefined,
): Promise<User> {
  if (actor.auth.role !== 'admin') throw forbidden('Only an admin can change roles');
  if (targetId === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot change your own role');
  const change = await setUserRole(tx, targetId, role);
  if (!change) throw notFound('User');
  if (change.changed) {
    const revokedApiKeys = role === 'customer' ? await revokeUserApiKeys(tx, targetId) : 0;
    await recordAudit(tx, {
      actorId: actor.auth.userId,
      action: 'user.role_set',
      targetType: 'user',
      targetId,
      before: { role: change.before.role },
      after: { role: change.after.role, revokedApiKeys },
      reason,
      requestId: actor.requestId,
    });
  }
  return change.after;
}

export type BootstrapOutcome = 'created' | 'promoted' | 'unchanged';

/** Lock key so concurrent startups never race to create the same admin. */
const BOOTSTRAP_LOCK = 'identity.bootstrap_admin';

/**
 * Makes sure an admin with this email exists: creates one (publishing
 * user.registered like any registration), promotes an existing staff user, or
 * does nothing. A customer account is never handed over silently (whoever
 * registered the email first would become admin with their own password): it
 * is refused unless `promote` is set, and promoting it replaces its password
 * and ends every session and API key it had. Audited as the system, in the
 * same transaction.
 */
export async function bootstrapAdmin(
  tx: Tx,
  input: { email: string; password: string; fullName?: string; promote?: boolean },
): Promise<{ userId: string; outcome: BootstrapOutcome }> {
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [BOOTSTRAP_LOCK]);
  const existing = await findUserRow(tx, 'email', emailKey(input.email));
  if (existing?.role === 'admin') return { userId: existing.id, outcome: 'unchanged' };
  if (existing?.role === 'operator') {
    const change = (await setUserRole(tx, existing.id, 'admin'))!;
    await recordAudit(tx, {
      actorId: null,
      action: 'user.role_set',
      targetType: 'user',
      targetId: existing.id,
      before: { role: change.before.role },
      after: { role: 'admin' },
      reason: 'bootstrap admin',
    });
    return { userId: existing.id, outcome: 'promoted' };
  }
  if (existing) return takeOverCustomer(tx, existing.id, input);
  const user = await createUser(
    tx,
    { email: input.email, password: input.password, fullName: input.fullName ?? 'Administrator' },
    'admin',
  );
  await recordAudit(tx, {
    actorId: null,
    action: 'user.create_admin',
    targetType: 'user',
    targetId: user.id,
    before: null,
    after: { email: user.email, role: user.role },
    reason: 'bootstrap admin',
  });
  return { userId: user.id, outcome: 'created' };
}

/** An explicitly requested takeover of a customer account: new password, no old session or key survives. */
async function takeOverCustomer(
  tx: Tx,
  userId: string,
  input: { email: string; password: string; promote?: boolean },
): Promise<{ userId: string; outcome: BootstrapOutcome }> {
  if (!input.promote) {
    throw new AppError(
      'admin_email_taken',
      'A customer account already uses this email; promoting it needs --promote (ADMIN_PROMOTE=true at start-up), which replaces its password and revokes its sessions and API keys',
    );
  }
  await checkPassword(input.password, emailKey(input.email));
  const passwordHash = await hashPassword(input.password);
  const change = (await setUserRole(tx, userId, 'admin'))!;
  await tx.query('UPDATE identity.users SET password_hash = $2, updated_at = now() WHERE id = $1', [
    userId,
    passwordHash,
  ]);
  const revokedSessions = await revokeUserSessions(tx, userId, 'admin');
  const revokedApiKeys = await revokeUserApiKeys(tx, userId);
  await recordAudit(tx, {
    actorId: null,
    action: 'user.promote_admin',
    targetType: 'user',
    targetId: userId,
    before: { role: change.before.role },
    after: { role: 'admin', passwordReplaced: true, revokedSessions, revokedApiKeys },
    reason: 'bootstrap admin (promote)',
  });
  return { userId, outcome: 'promoted' };
}

/**
 * At startup: when ADMIN_EMAIL and ADMIN_PASSWORD are set, make sure that
 * admin exists (idempotent). Returns undefined when they are not set.
 */
export async function ensureAdmin(
  db: Db,
  config: Pick<Config, 'adminEmail' | 'adminPassword'> & { adminPromote?: boolean },
): Promise<{ userId: string; outcome: BootstrapOutcome } | undefined> {
  if (!config.adminEmail || !config.adminPassword) return undefined;
  const { adminEmail: email, adminPassword: password, adminPromote: promote } = config;
  return db.transaction((tx) => bootstrapAdmin(tx, { email, password, promote }));
}
