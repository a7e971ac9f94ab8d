import type { AppContext } from '../context.js';
import type { Tx } from '../db/index.js';
import { InvalidTransition } from '../db/state-machine.js';
import { AppError, notFound } from '../errors/index.js';
import { recordAudit } from '../identity/index.js';
import type { VendResult } from '../providers/index.js';
import { loadPayment, type PaymentRow, recordEvent } from './payments.js';
import { failIn, recordCall, succeedIn } from './vend.js';

export interface ResolveInput {
  action: 'delivered' | 'refund';
  token?: string;
  units?: string;
  reason: string;
}

const notResolvable = (status: string) =>
  new AppError('not_resolvable', `A ${status} payment cannot be resolved by hand`);

/** What the provider said, as an operator reads it in the refusal. */
function providerStatusOf(
  r: VendResult,
): 'delivered' | 'pending' | 'unknown' | 'failed' | 'reversed' | 'not_found' {
  if (r.reversed) return 'reversed';
  if (r.notFound) return 'not_found';
  if (r.outcome === 'success') return 'delivered';
  return r.outcome;
}

/**
 * The provider's answer decides what an operator may do: a payment it still
 * reports pending (or cannot tell about) is not final, and one it reports
 * delivered can only be resolved as delivered. Refunding either would be a
 * guess that loses money when the token arrives a second later.
 */
function refuseUnlessFinal(r: VendResult, action: ResolveInput['action']) {
  const providerStatus = providerStatusOf(r);
  const answer = { providerStatus, providerCode: r.code ?? null, providerMessage: r.message ?? null };
  if (providerStatus === 'pending' || providerStatus === 'unknown') {
    throw new AppError(
      'provider_not_final',
      `The provider does not report this payment as final (${providerStatus}); wait and try again`,
      answer,
    );
  }
  if (providerStatus === 'delivered' && action === 'refund') {
    throw new AppError(
      'provider_not_final',
      'The provider reports this payment delivered: resolve it as delivered, not refunded',
      { ...answer, resolveAs: 'delivered' },
    );
  }
}

/** Asks the provider about the payment before anyone settles it by hand. */
async function requeryFirst(ctx: AppContext, p: PaymentRow): Promise<VendResult | undefined> {
  if (!p.sent_at) return undefined; // never sent: the provider has nothing to say
  const adapter = ctx.providers?.router.get(p.provider);
  if (!adapter)
    throw new AppError('providers_unavailable', `${p.provider} cannot be asked about this payment now`);
  const result = await adapter.requery(p.provider_ref);
  await recordCall(ctx, p, 'requery', result);
  return result;
}

/**
 * An operator settles a payment the machine could not: delivered (with the
 * token the provider gave them) or refunded. Only needs_review payments can
 * be resolved by hand, and only once the provider, asked again, reports them
 * final. The change, its ledger entry and its audit record commit together.
 */
export async function resolvePayment(
  ctx: AppContext,
  actorId: string,
  paymentId: string,
  input: ResolveInput,
) {
  const seen = await loadPayment(ctx.db, paymentId);
  if (!seen) throw notFound('Bill payment');
  if (seen.status !== 'needs_review') throw notResolvable(seen.status);
  const answer = await requeryFirst(ctx, seen);
  if (answer) refuseUnlessFinal(answer, input.action);
  try {
    await ctx.db.transaction(async (tx) => {
      const before = await loadPayment(tx, paymentId, true);
      if (before?.status !== 'needs_review') throw notResolvable(before?.status ?? 'missing');
      await settle(tx, before, input, answer);
      const after = await loadPayment(tx, paymentId);
      await recordEvent(tx, paymentId, `resolved_${input.action}`, input.reason, actorId);
      await recordAudit(tx, {
        actorId,
        action: `bill_payment.resolve_${input.action}`,
        targetType: 'bill_payment',
        targetId: paymentId,
        before: { status: before.status, token: before.token },
        after: {
          status: after?.status,
          token: after?.token,
          ...(answer ? { providerStatus: providerStatusOf(answer) } : {}),
        },
        reason: input.reason,
      });
    });
  } catch (error) {
    if (error instanceof InvalidTransition)
      throw new AppError('not_resolvable', 'The payment changed while you were resolving it; reload');
    throw error;
  }
  return loadPayment(ctx.db, paymentId);
}

async function settle(tx: Tx, p: PaymentRow, input: ResolveInput, answer: VendResult | undefined) {
  const reason = `operator: ${input.reason}`;
  if (input.action === 'refund') return failIn(tx, p, reason);
  // The operator's token wins; otherwise the one the provider just gave.
  const fromProvider = answer?.outcome === 'success' ? answer : undefined;
  await succeedIn(
    tx,
    p,
    {
      token: input.token ?? fromProvider?.token,
      units: input.units ?? fromProvider?.units,
      receipt: fromProvider?.receipt,
      // The provider's commission when its requery said delivered; else the one expected.
      commissionMinor: fromProvider?.commissionMinor,
    },
    reason,
  );
}
