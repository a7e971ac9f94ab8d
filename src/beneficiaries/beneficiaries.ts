/**
 * Beneficiaries: saved recipients (another Vendra user) and saved bank accounts. The name is always
 * the one the recipient resolution or the bank gives at save time, never the client's; a beneficiary
 * only fills a form, so the transfer or withdrawal made from it resolves and validates as usual.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import type { Queryable } from '../db/index.js';
import { AppError, notFound } from '../errors/index.js';
import { displayText } from '../http/text.js';
import { getUserFacts, normalizePhone } from '../identity/index.js';
import { findBank, getWallet, resolveAccountName, resolveRecipient } from '../wallets/index.js';

/** At most this many per person: a short list to pick from, and a bound on what one person stores. */
export const MAX_BENEFICIARIES = 50;

export type BeneficiaryKind = 'wallet' | 'bank';
export type WalletHandle = { email: string } | { phone: string } | { walletId: string };
export type NewBeneficiary =
  | ({ kind: 'wallet'; nickname?: string } & WalletHandle)
  | { kind: 'bank'; bankCode: string; accountNumber: string; nickname?: string };

export interface BeneficiaryView {
  id: string;
  kind: BeneficiaryKind;
  name: string;
  nickname: string | null;
  /** wallet: how the person was named, as a transfer's `to`. */
  to: { email?: string; phone?: string; walletId?: string } | null;
  bankCode: string | null;
  bankName: string | null;
  accountNumber: string | null;
  createdAt: Date;
}

interface Row {
  id: string;
  kind: BeneficiaryKind;
  name: string;
  nickname: string | null;
  handle_type: 'email' | 'phone' | 'walletId' | null;
  handle: string | null;
  bank_code: string | null;
  bank_name: string | null;
  account_number: string | null;
  created_at: Date;
}

/** What a save resolved to: the row's columns other than the owner, id and nickname. */
interface Resolved {
  kind: BeneficiaryKind;
  target: string;
  name: string;
  recipientUserId: string | null;
  handleType: 'email' | 'phone' | 'walletId' | null;
  handle: string | null;
  bankCode: string | null;
  bankName: string | null;
  accountNumber: string | null;
}

const COLUMNS = `id, kind, name, nickname, handle_type, handle, bank_code, bank_name, account_number, created_at`;

const toView = (r: Row): BeneficiaryView => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  nickname: r.nickname,
  to: r.kind === 'wallet' && r.handle_type && r.handle ? { [r.handle_type]: r.handle } : null,
  bankCode: r.bank_code,
  bankName: r.bank_name,
  accountNumber: r.account_number,
  createdAt: r.created_at,
});

const recipientNotFound = () => new AppError('recipient_not_found', 'No Vendra user matches that recipient');

/** Another person, named by email, phone or wallet id, through the transfer's own recipient rules. */
async function resolveWallet(ctx: AppContext, userId: string, to: WalletHandle): Promise<Resolved> {
  let recipient: { id: string; fullName: string };
  let handle: { type: 'email' | 'phone' | 'walletId'; value: string };
  if ('walletId' in to) {
    const wallet = await getWallet(ctx.db, to.walletId);
    if (!wallet || wallet.status === 'closed') throw recipientNotFound();
    const facts = (await getUserFacts(ctx.db, [wallet.userId])).get(wallet.userId);
    // A frozen person is told apart from no one, as a transfer to them is.
    if (facts?.status !== 'active') throw recipientNotFound();
    recipient = facts;
    handle = { type: 'walletId', value: wallet.id };
  } else if ('email' in to) {
    recipient = await resolveRecipient(ctx, { email: to.email });
    handle = { type: 'email', value: to.email.trim().toLowerCase() };
  } else {
    const phone = normalizePhone(to.phone);
    recipient = await resolveRecipient(ctx, { phone });
    handle = { type: 'phone', value: phone };
  }
  if (recipient.id === userId) throw new AppError('self_transfer', 'You cannot send money to yourself');
  return {
    kind: 'wallet',
    target: `user:${recipient.id}`,
    // Shown back to the saver: never with characters that could disguise it.
    name: displayText(recipient.fullName).slice(0, 200),
    recipientUserId: recipient.id,
    handleType: handle.type,
    handle: handle.value,
    bankCode: null,
    bankName: null,
    accountNumber: null,
  };
}

/** A bank account, named by the payout provider; nothing is saved when the bank cannot say. */
async function resolveBank(ctx: AppContext, bankCode: string, accountNumber: string): Promise<Resolved> {
  if (ctx.config.payoutMode === 'disabled')
    throw new AppError('withdrawals_unavailable', 'Withdrawals to a bank are not available');
  const accountName = await resolveAccountName(ctx, bankCode, accountNumber);
  if (!accountName) throw new AppError('account_not_resolved', 'The bank does not know this account number');
  const bank = await findBank(ctx, bankCode);
  if (!bank) throw new AppError('unknown_bank', 'Unknown bank code; see GET /v1/banks');
  return {
    kind: 'bank',
    target: `bank:${bankCode}:${accountNumber}`,
    name: displayText(accountName).slice(0, 200),
    recipientUserId: null,
    handleType: null,
    handle: null,
    bankCode,
    bankName: bank.name,
    accountNumber,
  };
}

/**
 * Saves a beneficiary after resolving it. Saving one already saved (the same person, or the same
 * account) answers that one (created: false) with its name refreshed; the 51st is refused. The count
 * and the insert run under a lock on the person, so two saves at once cannot pass the limit.
 */
export async function saveBeneficiary(
  ctx: AppContext,
  userId: string,
  input: NewBeneficiary,
): Promise<{ created: boolean; beneficiary: BeneficiaryView }> {
  const r =
    input.kind === 'bank'
      ? await resolveBank(ctx, input.bankCode, input.accountNumber)
      : await resolveWallet(ctx, userId, input);
  return ctx.db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 0))', [`beneficiaries:${userId}`]);
    const existing = await tx.query<Row>(
      `UPDATE beneficiaries.beneficiaries SET name = $3, updated_at = now()
       WHERE user_id = $1 AND target = $2 RETURNING ${COLUMNS}`,
      [userId, r.target, r.name],
    );
    if (existing.rows[0]) return { created: false, beneficiary: toView(existing.rows[0]) };
    const { rows: counted } = await tx.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM beneficiaries.beneficiaries WHERE user_id = $1',
      [userId],
    );
    if (Number(counted[0]?.n ?? 0) >= MAX_BENEFICIARIES)
      throw new AppError(
        'too_many_beneficiaries',
        `You can save at most ${MAX_BENEFICIARIES} beneficiaries; remove one first`,
        { max: MAX_BENEFICIARIES },
      );
    const { rows } = await tx.query<Row>(
      `INSERT INTO beneficiaries.beneficiaries (id, user_id, kind, target, recipient_user_id, handle_type,
         handle, bank_code, bank_name, account_number, name, nickname)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING ${COLUMNS}`,
      [
        randomUUID(),
        userId,
        r.kind,
        r.target,
        r.recipientUserId,
        r.handleType,
        r.handle,
        r.bankCode,
        r.bankName,
        r.accountNumber,
        r.name,
        nicknameOf(input.nickname),
      ],
    );
    return { created: true, beneficiary: toView(rows[0] as Row) };
  });
}

/** A nickname as stored: trimmed, empty is none. */
const nicknameOf = (nickname: string | null | undefined) => nickname?.trim() || null;

/** The person's beneficiaries, newest first, optionally of one kind. */
export async function listBeneficiaries(
  db: Queryable,
  userId: string,
  kind?: BeneficiaryKind,
): Promise<BeneficiaryView[]> {
  const { rows } = await db.query<Row>(
    `SELECT ${COLUMNS} FROM beneficiaries.beneficiaries
     WHERE user_id = $1 AND ($2::text IS NULL OR kind = $2)
     ORDER BY created_at DESC, id DESC LIMIT $3`,
    [userId, kind ?? null, MAX_BENEFICIARIES],
  );
  return rows.map(toView);
}

/** Renames one of the person's beneficiaries (null or empty clears the nickname); someone else's is 404. */
export async function renameBeneficiary(
  db: Queryable,
  userId: string,
  id: string,
  nickname: string | null,
): Promise<BeneficiaryView> {
  const { rows } = await db.query<Row>(
    `UPDATE beneficiaries.beneficiaries SET nickname = $3, updated_at = now()
     WHERE id = $1 AND user_id = $2 RETURNING ${COLUMNS}`,
    [id, userId, nicknameOf(nickname)],
  );
  if (!rows[0]) throw notFound('Beneficiary');
  return toView(rows[0]);
}

/** Removes one of the person's beneficiaries; someone else's (or one already removed) is 404. */
export async function removeBeneficiary(db: Queryable, userId: string, id: string): Promise<void> {
  const { rowCount } = await db.query(
    'DELETE FROM beneficiaries.beneficiaries WHERE id = $1 AND user_id = $2',
    [id, userId],
  );
  if (!rowCount) throw notFound('Beneficiary');
}
