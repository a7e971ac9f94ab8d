import type { Config } from '../config.js';
import type { AppContext } from '../context.js';
import type { Consumer } from '../outbox/index.js';
import { checkPayment, runVend, type VendTiming } from './vend.js';

export function vendTimingFromConfig(config: Config): VendTiming {
  return {
    resolveLimitMs: config.providerResolveLimitMs,
    unknownGraceMs: config.providerUnknownGraceMs,
    requeryBaseMs: config.providerRequeryBaseMs,
    maxBackoffMs: config.providerRequeryMaxMs,
  };
}

export function billConsumers(ctx: AppContext): Consumer[] {
  const timing = vendTimingFromConfig(ctx.config);
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
