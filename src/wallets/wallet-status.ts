/**
 * A single wallet's status: operators freeze and unfreeze it, its owner closes
 * it once it is empty. The ledger refuses money to or from a frozen or closed
 * account, so the status is the whole rule; a closed wallet keeps its history
 * and stays in the owner's list.
 */
import type { Tx } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { type AccountStatus, getBalance, setAccountStatus } from '../ledger/index.js';
import { getOwnWallet, getWallet, type Wallet } from './wallets.js';

/** What an operator may do to a wallet: each change starts from one status only. */
export const OPERATOR_CHANGES = {
  freeze: { from: 'active', to: 'frozen' },
  unfreeze: { from: 'frozen', to: 'active' },
} as const satisfies Record<string, { from: AccountStatus; to: AccountStatus }>;

export type OperatorChange = keyof typeof OPERATOR_CHANGES;

/** Why a change is refused, told from the status found under the lock. */
function refusedChange(change: OperatorChange, before: AccountStatus): AppError {
  return change === 'freeze'
    ? new AppError('wallet_not_active', `Only an active wallet can be frozen; this one is ${before}`)
    : new AppError('wallet_not_frozen', `Only a frozen wallet can be unfrozen; this one is ${before}`);
}

/**
 * Freezes or unfreezes any customer's wallet on behalf of an operator, with
 * the audit record in the same transaction. The status is set first and the
 * one it replaced checked after: setAccountStatus reads it under the row
 * locks, so two operators racing cannot both succeed, and a refusal throws,
 * which rolls the change back.
 */
export async function changeWalletStatus(
  tx: Tx,
  actor: Actor,
  walletId: string,
  change: OperatorChange,
  reason: string,
): Promise<Wallet> {
  if (!(await getWallet(tx, walletId))) throw notFound('Wallet');
  const { from, to } = OPERATOR_CHANGES[change];
  const before = await setAccountStatus(tx, walletId, to);
  if (!before) throw notFound('Wallet');
  if (before !== from) throw refusedChange(change, before);
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: `wallet.${change}`,
    targetType: 'wallet',
    targetId: walletId,
    before: { status: before },
    after: { status: to },
    reason,
    requestId: actor.requestId,
  });
  return (await getWallet(tx, walletId)) as Wallet;
}

/**
 * Closes the caller's own wallet (someone else's is "not found"). Only an
 * active, empty wallet closes: nothing posted and nothing held. The balance
 * is read after setAccountStatus has taken the balance row lock, so a credit
 * cannot land between the check and the close; a refusal rolls the status
 * back. No rule keeps a person's last NGN wallet open, so none is applied.
 * Audited with the owner as the actor.
 */
export async function closeWallet(
  tx: Tx,
  actor: Actor,
  walletId: string,
  reason: string | undefined,
): Promise<Wallet> {
  await getOwnWallet(tx, actor.auth.userId, walletId);
  const before = await setAccountStatus(tx, walletId, 'closed');
  if (!before) throw notFound('Wallet');
  if (before === 'closed') throw new AppError('wallet_closed', 'This wallet is already closed');
  if (before === 'frozen') throw new AppError('wallet_frozen', 'A frozen wallet cannot be closed');
  const balance = await getBalance(tx, walletId);
  const posted = balance?.posted ?? 0n;
  const held = balance?.held ?? 0n;
  if (posted !== 0n || held !== 0n) {
    throw new AppError(
      'wallet_not_empty',
      'Only an empty wallet can be closed: move or spend its money, and wait for payments in flight',
    );
  }
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: 'wallet.close',
    targetType: 'wallet',
    targetId: walletId,
    before: { status: before },
    after: { status: 'closed' },
    reason,
    requestId: actor.requestId,
  });
  return getOwnWallet(tx, actor.auth.userId, walletId);
}
