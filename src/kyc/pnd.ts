/**
 * Post-no-debit (PND): money may come in, none may go out. Set by staff with
 * a reason, or implied when KYC_TIER1_REQUIRES_ID=true and the person has
 * verified neither a BVN nor a NIN. The money paths ask debitRefusal before
 * they debit.
 */
import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { type Actor, getUser, recordAudit } from '../identity/index.js';
import { getAccount } from '../ledger/index.js';
import { cachedProfile, type KycProfile, lockProfile } from './profiles.js';

/**
 * Sets or lifts post-no-debit on a person (staff, audited with the reason).
 * Operators may act on customers only; nobody on themselves. A no-op changes
 * and records nothing.
 */
export async function setPostNoDebit(
  tx: Tx,
  actor: Actor,
  targetId: string,
  on: boolean,
  reason: string,
): Promise<{ userId: string; pnd: boolean; pndReason: string | null }> {
  if (actor.auth.role === 'customer') throw forbidden('Only staff can set post-no-debit');
  const target = await getUser(tx, targetId);
  if (!target) throw notFound('User');
  if (target.id === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot change your own account');
  if (actor.auth.role !== 'admin' && target.role !== 'customer')
    throw forbidden('Only an admin can set post-no-debit on staff accounts');
  const before = await lockProfile(tx, targetId);
  if (before.pnd === on) return { userId: targetId, pnd: before.pnd, pndReason: before.pndReason };
  const pndReason = on ? reason : null;
  await tx.query('UPDATE kyc.profiles SET pnd = $2, pnd_reason = $3, updated_at = now() WHERE user_id = $1', [
    targetId,
    on,
    pndReason,
  ]);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: on ? 'kyc.pnd_on' : 'kyc.pnd_off',
    targetType: 'user',
    targetId,
    before: { pnd: before.pnd, pndReason: before.pndReason },
    after: { pnd: on, pndReason },
    reason,
    requestId: actor.requestId,
  });
  return { userId: targetId, pnd: on, pndReason };
}

/**
 * Why the person may not debit (from this wallet), or undefined: explicit PND
 * on the person or the wallet, or no ID at all when tier 1 requires one.
 */
export function refusalOf(
  profile: KycProfile,
  tier1RequiresId: boolean,
  walletId?: string,
): AppError | undefined {
  if (walletId && profile.pndWallets[walletId.toLowerCase()] !== undefined)
    return new AppError(
      'kyc_required',
      'Debits are suspended on this wallet (post-no-debit); contact support',
      {
        reason: 'post_no_debit',
        walletId,
      },
    );
  if (profile.pnd)
    return new AppError(
      'kyc_required',
      'Debits are suspended on this account (post-no-debit); contact support',
      {
        reason: 'post_no_debit',
      },
    );
  if (tier1RequiresId && profile.bvnVerifiedAt === null && profile.ninVerifiedAt === null)
    return new AppError('kyc_required', 'Verify your BVN or NIN before sending money', {
      reason: 'identity_required',
      requirements: ['bvn_or_nin'],
    });
  return undefined;
}

/**
 * The 403 kyc_required refusal for a debit by this person, or undefined when
 * they may debit. For transfers, bill payments and withdrawals to call first.
 */
export async function debitRefusal(
  ctx: Pick<AppContext, 'db' | 'config'>,
  userId: string,
  walletId?: string,
): Promise<AppError | undefined> {
  return refusalOf(await cachedProfile(ctx.db, userId), ctx.config.kyc.tier1RequiresId, walletId);
}

/**
 * Throws the 403 kyc_required when the person may not debit (post-no-debit on
 * them or on the wallet, or no ID where tier 1 needs one).
 */
export async function assertCanDebit(
  ctx: Pick<AppContext, 'db' | 'config'>,
  userId: string,
  walletId?: string,
): Promise<void> {
  const refusal = await debitRefusal(ctx, userId, walletId);
  if (refusal) throw refusal;
}

/**
 * Sets or lifts post-no-debit on one customer wallet (staff, audited with the
 * reason): it may still receive. A no-op changes and records nothing.
 */
export async function setWalletPostNoDebit(
  tx: Tx,
  actor: Actor,
  walletId: string,
  on: boolean,
  reason: string,
): Promise<{ walletId: string; userId: string; pnd: boolean; pndReason: string | null }> {
  if (actor.auth.role === 'customer') throw forbidden('Only staff can set post-no-debit');
  const account = await getAccount(tx, walletId);
  if (account?.type !== 'user_wallet' || !account.ownerId) throw notFound('Wallet');
  const userId = account.ownerId;
  if (userId === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot change your own account');
  const owner = await getUser(tx, userId);
  if (actor.auth.role !== 'admin' && owner?.role !== 'customer')
    throw forbidden('Only an admin can set post-no-debit on staff accounts');
  await lockProfile(tx, userId); // serialises changes to the person's PND and drops the cached profile
  const { rows } = await tx.query<{ reason: string }>(
    'SELECT reason FROM kyc.wallet_pnd WHERE wallet_id = $1',
    [account.id],
  );
  const before = rows[0]?.reason ?? null;
  if ((before !== null) === on) return { walletId: account.id, userId, pnd: on, pndReason: before };
  if (on)
    await tx.query(
      'INSERT INTO kyc.wallet_pnd (wallet_id, user_id, reason, set_by) VALUES ($1, $2, $3, $4)',
      [account.id, userId, reason, actor.auth.userId],
    );
  else await tx.query('DELETE FROM kyc.wallet_pnd WHERE wallet_id = $1', [account.id]);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: on ? 'kyc.wallet_pnd_on' : 'kyc.wallet_pnd_off',
    targetType: 'wallet',
    targetId: account.id,
    before: { pnd: before !== null, pndReason: before },
    after: { pnd: on, pndReason: on ? reason : null },
    reason,
    requestId: actor.requestId,
  });
  return { walletId: account.id, userId, pnd: on, pndReason: on ? reason : null };
}
