/**
 * Saved cards: the reusable authorization Paystack returns with a successful
 * card charge (`authorization.authorization_code`, with `last4`, `brand` and
 * the card's `signature`), kept so auto top-up can charge the card again.
 * One card per signature per person; removing it stops any rule using it.
 * The authorization code never leaves the server (views show last4 and brand).
 */
import { v7 as uuidv7 } from 'uuid';
import type { Queryable, Tx } from '../db/index.js';
import { notFound } from '../errors/index.js';

export interface CardRow {
  id: string;
  user_id: string;
  authorization_code: string;
  signature: string;
  email: string;
  last4: string;
  brand: string;
  exp_month: string;
  exp_year: string;
  bank: string;
  created_at: Date;
  removed_at: Date | null;
}

export const cardView = (c: CardRow) => ({
  id: c.id,
  last4: c.last4,
  brand: c.brand,
  expMonth: c.exp_month,
  expYear: c.exp_year,
  bank: c.bank,
  createdAt: c.created_at.toISOString(),
});

const str = (v: unknown, max = 100) => (typeof v === 'string' ? v.slice(0, max) : '');

/**
 * Saves the card of a successful charge when its authorization is reusable
 * (idempotent: the same card again changes nothing). Answers whether it saved one.
 */
export async function saveCardFromAuthorization(
  tx: Tx,
  userId: string,
  email: string,
  a: Record<string, unknown>,
): Promise<boolean> {
  if (a.reusable !== true || typeof a.authorization_code !== 'string' || a.channel !== 'card') return false;
  const signature = str(a.signature) || str(a.authorization_code);
  const { rowCount } = await tx.query(
    `INSERT INTO promotions.saved_cards
       (id, user_id, authorization_code, signature, email, last4, brand, exp_month, exp_year, bank)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (user_id, signature) WHERE removed_at IS NULL DO NOTHING`,
    [
      uuidv7(),
      userId,
      a.authorization_code,
      signature,
      email,
      str(a.last4, 4),
      str(a.brand, 30) || 'card',
      str(a.exp_month, 2),
      str(a.exp_year, 4),
      str(a.bank),
    ],
  );
  return rowCount === 1;
}

export async function listCards(db: Queryable, userId: string) {
  const { rows } = await db.query<CardRow>(
    'SELECT * FROM promotions.saved_cards WHERE user_id = $1 AND removed_at IS NULL ORDER BY created_at DESC',
    [userId],
  );
  return rows.map(cardView);
}

export async function getCard(db: Queryable, userId: string, id: string): Promise<CardRow> {
  const { rows } = await db.query<CardRow>(
    'SELECT * FROM promotions.saved_cards WHERE id = $1 AND user_id = $2 AND removed_at IS NULL',
    [id, userId],
  );
  if (!rows[0]) throw notFound('Card');
  return rows[0];
}

/** Removes a saved card; an auto top-up rule charging it is switched off in the same transaction. */
export async function removeCard(
  db: { transaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> },
  userId: string,
  id: string,
) {
  await db.transaction(async (tx) => {
    const { rowCount } = await tx.query(
      'UPDATE promotions.saved_cards SET removed_at = now() WHERE id = $1 AND user_id = $2 AND removed_at IS NULL',
      [id, userId],
    );
    if (rowCount !== 1) throw notFound('Card');
    await tx.query(
      'UPDATE promotions.auto_topup_rules SET enabled = false, updated_at = now() WHERE card_id = $1',
      [id],
    );
  });
}
