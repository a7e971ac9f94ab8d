import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { TestUser } from './users.js';

/** Polls fn until it returns a truthy value or the time runs out. */
export async function eventually<T>(
  fn: () => Promise<T | undefined | null | false>,
  timeoutMs = 5_000,
  stepMs = 25,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, stepMs));
  }
}

/** A POST with a fresh (or given) Idempotency-Key. */
export function post(
  app: FastifyInstance,
  user: TestUser | undefined,
  url: string,
  payload: unknown,
  key: string | null = randomUUID(),
) {
  return app.inject({
    method: 'POST',
    url,
    payload: payload as Record<string, unknown>,
    headers: { ...(user?.auth ?? {}), ...(key ? { 'idempotency-key': key } : {}) },
  });
}

export function get(app: FastifyInstance, user: TestUser | undefined, url: string) {
  return app.inject({ method: 'GET', url, headers: user?.auth ?? {} });
}

/** The user's NGN wallet, once the provisioning consumer has created it. */
export async function walletOf(
  app: FastifyInstance,
  user: TestUser,
  timeoutMs = 5_000,
): Promise<{ id: string; balance: number; available: number; held: number }> {
  return eventually(async () => {
    const res = await get(app, user, '/v1/wallets');
    return res.json().data?.[0];
  }, timeoutMs);
}

/** Funds a wallet through the sandbox gateway: deposit, then the checkout's "Pay" button (signed webhook). */
export async function fund(app: FastifyInstance, user: TestUser, walletId: string, amount: number) {
  const deposit = await post(app, user, `/v1/wallets/${walletId}/deposits`, { amount });
  if (deposit.statusCode !== 201) throw new Error(`deposit: ${deposit.statusCode} ${deposit.body}`);
  const url = new URL(deposit.json().checkoutUrl);
  const paid = await app.inject({ method: 'POST', url: url.pathname, payload: { outcome: 'success' } });
  if (paid.json().webhook !== 'credited') throw new Error(`checkout: ${paid.body}`);
  return deposit.json();
}

/** Polls a server's /health/ready until it answers 200; returns its body, or undefined after timeoutMs. */
export async function waitForReady(
  base: string,
  timeoutMs = 30_000,
): Promise<Record<string, unknown> | undefined> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) return (await res.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return undefined;
}
