import type { AppContext } from '../context.js';
import { intVar } from '../config.js';
import type { Consumer } from '../outbox/index.js';
import { checkPayment, runVend, type VendTiming } from './vend.js';

export function vendTimingFromEnv(env: Readonly<Record<string, string | undefined>>): VendTiming {
  return {
    resolveLimitMs: intVar(env, 'PROVIDER_RESOLVE_LIMIT_MS', 30 * 60_000, 1_000, 7 * 24 * 3600_000),
    unknownGraceMs: intVar(env, 'PROVIDER_UNKNOWN_GRACE_MS', 10 * 60_000, 0, 24 * 3600_000),
    requeryBaseMs: intVar(env, 'PROVIDER_REQUERY_BASE_MS', 1_000, 10, 600_000),
    maxBackoffMs: intVar(env, 'PROVIDER_REQUERY_MAX_MS', 60_000, 100, 3_600_000),
  };
}

export function billConsumers(ctx: AppContext): Consumer[] {
  const timing = vendTimingFromEnv(ctx.config.env);
  return [
    {
      name: 'bills.vend',
      types: ['bill_payment.vend'],
      maxAttempts: 0, // a payment that may have been vended is never abandoned
      handle: (event, attempt) =>
        runVend(ctx, timing, (event.payload as { paymentId: string }).paymentId, attempt),
    },
    {
      name: 'bills.check',
      types: ['bill_payment.check'],
      maxAttempts: 10,
      handle: (event) => checkPayment(ctx, (event.payload as { paymentId: string }).paymentId),
    },
  ];
}
