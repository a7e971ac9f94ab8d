/** Per-person preferences: per template group and channel; security messages cannot be turned off. */
import type { Queryable, Tx } from '../db/index.js';
import { AppError } from '../errors/index.js';
import { type Channel, CHANNELS, type Group, GROUPS, LOCKED_GROUPS } from './templates.js';

export interface Preference {
  group: Group;
  channel: Channel;
  enabled: boolean;
  /** true: a security message, always sent. */
  locked: boolean;
}

/** Every group and channel with its setting (default on). */
export async function getPreferences(db: Queryable, userId: string): Promise<Preference[]> {
  const { rows } = await db.query<{ grp: Group; channel: Channel; enabled: boolean }>(
    'SELECT grp, channel, enabled FROM notifications.preferences WHERE user_id = $1',
    [userId],
  );
  const stored = new Map(rows.map((r) => [`${r.grp}:${r.channel}`, r.enabled]));
  return GROUPS.flatMap((group) =>
    CHANNELS.map((channel) => {
      const locked = LOCKED_GROUPS.has(group);
      return { group, channel, locked, enabled: locked || (stored.get(`${group}:${channel}`) ?? true) };
    }),
  );
}

/** Changes some settings; turning a security message off is refused (409), nothing changed. */
export async function setPreferences(
  tx: Tx,
  userId: string,
  changes: readonly { group: Group; channel: Channel; enabled: boolean }[],
): Promise<Preference[]> {
  const locked = changes.find((c) => LOCKED_GROUPS.has(c.group) && !c.enabled);
  if (locked)
    throw new AppError(
      'notification_locked',
      `${locked.group} messages are always sent: they cannot be turned off`,
      { group: locked.group },
    );
  // The last setting of a pair wins (one statement cannot update a row twice).
  const byKey = new Map(changes.map((c) => [`${c.group}:${c.channel}`, c]));
  const open = [...byKey.values()].filter((c) => !LOCKED_GROUPS.has(c.group));
  if (open.length > 0)
    await tx.query(
      `INSERT INTO notifications.preferences (user_id, grp, channel, enabled)
       SELECT $1, g, c, e FROM unnest($2::text[], $3::text[], $4::boolean[]) AS x(g, c, e)
       ON CONFLICT (user_id, grp, channel) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = now()`,
      [userId, open.map((c) => c.group), open.map((c) => c.channel), open.map((c) => c.enabled)],
    );
  return getPreferences(tx, userId);
}
