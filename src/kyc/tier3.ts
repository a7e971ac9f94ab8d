/**
 * Tier 3: a tier-2 person submits their address and an ID document; staff
 * approve or reject it in a queue (kyc.reviews, pending -> approved |
 * rejected). Approval moves the person to tier 3; a rejection lets them
 * submit again.
 */
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../context.js';
import { type Queryable, PgCode, pgErrorCode, type Tx } from '../db/index.js';
import { InvalidTransition, transitionRow } from '../db/state-machine.js';
import { AppError, forbidden, notFound } from '../errors/index.js';
import { decodeCursorAs, encodeCursor, pageSize } from '../http/pagination.js';
import { type Actor, recordAudit } from '../identity/index.js';
import { lockProfile } from './profiles.js';
import { type ReviewStatus, reviewStates } from './review-states.js';
import { kycRuntime } from './runtime.js';
import { assertPhoneForTier } from './tier-settings.js';

export const ID_TYPES = ['passport', 'drivers_licence', 'voters_card', 'national_id'] as const;
export type IdType = (typeof ID_TYPES)[number];

export interface Tier3Input {
  address: string;
  idType: IdType;
  idNumber: string;
}

export interface Review {
  id: string;
  userId: string;
  status: ReviewStatus;
  address: string;
  idType: IdType;
  /** The document number masked to its last four characters. */
  idNumber: string;
  reviewerId: string | null;
  reason: string | null;
  submittedAt: Date;
  decidedAt: Date | null;
}

interface ReviewRow {
  id: string;
  seq: bigint;
  user_id: string;
  status: ReviewStatus;
  address: string;
  id_type: IdType;
  id_number_ciphertext: string;
  id_number_last4: string;
  reviewer_id: string | null;
  reason: string | null;
  submitted_at: Date;
  decided_at: Date | null;
}

const COLUMNS = `id, seq, user_id, status, address, id_type, id_number_ciphertext, id_number_last4,
  reviewer_id, reason, submitted_at, decided_at`;

const toReview = (r: ReviewRow): Review => ({
  id: r.id,
  userId: r.user_id,
  status: r.status,
  address: r.address,
  idType: r.id_type,
  idNumber: `****${r.id_number_last4}`,
  reviewerId: r.reviewer_id,
  reason: r.reason,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
});

/** Asks for tier 3: only from tier 2, one open request at a time. The ID number is stored sealed. */
export async function submitTier3(ctx: AppContext, userId: string, input: Tier3Input): Promise<Review> {
  const { sealer } = kycRuntime(ctx.config);
  try {
    return await ctx.db.transaction(async (tx) => {
      const profile = await lockProfile(tx, userId);
      if (profile.tier === 3) throw new AppError('kyc_already_verified', 'Your account is at tier 3 already');
      if (profile.tier < 2)
        throw new AppError(
          'kyc_tier_required',
          'Verify both your BVN and your NIN (tier 2) before asking for tier 3',
        );
      await assertPhoneForTier(tx, userId, 3);
      const { rows } = await tx.query<ReviewRow>(
        `INSERT INTO kyc.reviews (id, user_id, address, id_type, id_number_ciphertext, id_number_last4)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
        [
          randomUUID(),
          userId,
          input.address.trim(),
          input.idType,
          sealer.seal(input.idNumber),
          input.idNumber.slice(-4),
        ],
      );
      return toReview(rows[0] as ReviewRow);
    });
  } catch (error) {
    if (pgErrorCode(error) === PgCode.uniqueViolation)
      throw new AppError('kyc_review_pending', 'Your tier-3 request is being reviewed already');
    throw error;
  }
}

async function lockReview(tx: Tx, id: string): Promise<ReviewRow> {
  const { rows } = await tx.query<ReviewRow>(`SELECT ${COLUMNS} FROM kyc.reviews WHERE id = $1 FOR UPDATE`, [
    id,
  ]);
  if (!rows[0]) throw notFound('Review');
  return rows[0];
}

/**
 * Approves or rejects a pending tier-3 request (staff; never one's own),
 * with a reason, audited in the same transaction. Approval moves the person
 * to tier 3 and keeps the reviewed address and ID on their profile.
 */
export async function reviewTier3(
  tx: Tx,
  actor: Actor,
  reviewId: string,
  decision: 'approve' | 'reject',
  reason: string,
): Promise<Review> {
  if (actor.auth.role === 'customer') throw forbidden('Only staff can review KYC requests');
  const review = await lockReview(tx, reviewId);
  if (review.user_id === actor.auth.userId)
    throw new AppError('cannot_target_self', 'You cannot review your own KYC request');
  const to: ReviewStatus = decision === 'approve' ? 'approved' : 'rejected';
  try {
    await transitionRow(tx, reviewStates, {
      table: 'kyc.reviews',
      id: reviewId,
      from: review.status,
      to,
      set: {
        reviewer_id: (p) => `${p(actor.auth.userId)}::uuid`,
        reason: (p) => p(reason),
        decided_at: 'now()',
      },
    });
  } catch (error) {
    if (error instanceof InvalidTransition)
      throw new AppError('review_not_pending', `This request was ${review.status} already`);
    throw error;
  }
  const profile = await lockProfile(tx, review.user_id);
  // The setting may have been turned on since the request: the approval needs it as well.
  if (to === 'approved') {
    await assertPhoneForTier(tx, review.user_id, 3);
    await promoteToTier3(tx, review);
  }
  await recordAudit(tx, {
    actorId: actor.auth.userId,
    action: `kyc.review_${decision}`,
    targetType: 'user',
    targetId: review.user_id,
    before: { reviewId, status: review.status, tier: profile.tier },
    after: { reviewId, status: to, tier: to === 'approved' ? 3 : profile.tier },
    reason,
    requestId: actor.requestId,
  });
  return toReview(await lockReview(tx, reviewId));
}

async function promoteToTier3(tx: Tx, review: ReviewRow): Promise<void> {
  await tx.query(
    `UPDATE kyc.profiles
        SET tier = 3, address = $2, id_type = $3, id_number_ciphertext = $4, id_number_last4 = $5, updated_at = now()
      WHERE user_id = $1`,
    [review.user_id, review.address, review.id_type, review.id_number_ciphertext, review.id_number_last4],
  );
}

/** The review queue, oldest first (pending by default); keyset-paginated. */
export async function listReviews(
  db: Queryable,
  filter: { status?: ReviewStatus; limit?: number; cursor?: string } = {},
): Promise<{ data: Review[]; nextCursor: string | null }> {
  const limit = pageSize(filter.limit);
  const [after = null] = filter.cursor === undefined ? [] : decodeCursorAs(filter.cursor, ['seq']);
  const { rows } = await db.query<ReviewRow>(
    `SELECT ${COLUMNS} FROM kyc.reviews
      WHERE status = $1 AND ($2::bigint IS NULL OR seq > $2::bigint)
      ORDER BY seq LIMIT $3`,
    [filter.status ?? 'pending', after, limit + 1],
  );
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    data: page.map(toReview),
    nextCursor: rows.length > limit && last ? encodeCursor([String(last.seq)]) : null,
  };
}

/** The person's latest tier-3 request, if any. */
export async function latestReview(db: Queryable, userId: string): Promise<Review | undefined> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT ${COLUMNS} FROM kyc.reviews WHERE user_id = $1 ORDER BY seq DESC LIMIT 1`,
    [userId],
  );
  return rows[0] && toReview(rows[0]);
}

/** Most tier-3 requests of one person listed on their page. */
export const MAX_LISTED_REVIEWS = 50;

/** The person's tier-3 requests, newest first, with their decisions. */
export async function listUserReviews(db: Queryable, userId: string): Promise<Review[]> {
  const { rows } = await db.query<ReviewRow>(
    `SELECT ${COLUMNS} FROM kyc.reviews WHERE user_id = $1 ORDER BY seq DESC LIMIT $2`,
    [userId, MAX_LISTED_REVIEWS],
  );
  return rows.map(toReview);
}
