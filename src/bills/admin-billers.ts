import type { AppContext } from '../context.js';
import { recordAudit } from '../identity/index.js';
import { adminBillerView, type BillerUpdate, updateBiller } from './catalogue.js';

/** An operator changes a biller: the change and its audit record commit together, or neither does. */
export async function changeBiller(
  db: AppContext['db'],
  actorId: string,
  id: string,
  update: BillerUpdate,
  reason: string,
) {
  return db.transaction(async (tx) => {
    const { before, after } = await updateBiller(tx, id, update);
    await recordAudit(tx, {
      actorId,
      action: 'biller.update',
      targetType: 'biller',
      targetId: id,
      before: adminBillerView(before),
      after: adminBillerView(after),
      reason,
    });
    return after;
  });
}
