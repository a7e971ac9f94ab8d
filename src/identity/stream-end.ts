import type { Tx } from '../db/index.js';
import { notifyUser } from '../outbox/index.js';
import type { AuthContext } from './types.js';

/**
 * The live event that tells every API process to close a user's matching
 * streams (a NOTIFY on the live-events channel, sent at commit). Streams act
 * on it and never forward it to the client.
 */
export const STREAM_END_EVENT = 'identity.stream_end';

/**
 * Which of the user's streams end: one session's, one API key's, or every one
 * of a kind (every session's but one: `except`, for "log out everywhere else").
 */
export type StreamEnd =
  | { sessionId: string }
  | { apiKeyId: string }
  | { every: 'session'; except?: string }
  | { every: 'session' | 'api_key' | 'stream' };

/** Ends the user's matching open streams in every API process once tx commits (not at all on rollback). */
export async function endStreams(tx: Tx, userId: string, end: StreamEnd): Promise<void> {
  await notifyUser(tx, userId, STREAM_END_EVENT, end);
}

/** Whether a stream-end notice (the event's data) applies to a stream opened by auth. */
export function endsStream(data: unknown, auth: AuthContext): boolean {
  const end = (data ?? {}) as { sessionId?: unknown; apiKeyId?: unknown; every?: unknown; except?: unknown };
  if (typeof end.sessionId === 'string') return auth.sessionId === end.sessionId;
  if (typeof end.apiKeyId === 'string') return auth.apiKeyId === end.apiKeyId;
  if (end.every === 'session') return auth.sessionId !== undefined && auth.sessionId !== end.except;
  if (end.every === 'api_key') return auth.apiKeyId !== undefined;
  // An unreadable notice ends the stream: the client reconnects and is checked afresh.
  return true;
}
