/**
 * A customer cannot open a provider's breaker: invalid meters (answered the
 * way VTpass answers them, a success code with WrongBillersCode in the
 * content) and vends that fail for customer reasons are definite answers,
 * not provider faults. Timeouts still are.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createProviderRouter, defaultIsProviderFault } from './router.js';
import { type ProviderSim, SANDBOX_CREDENTIALS, startProviderSim } from './sim/server.js';
import { createVtpassAdapter, mapValidateResponse, vtpassRequestId } from './vtpass.js';

const BREAKER_FAILURES = 3;

let sim: ProviderSim;
beforeAll(async () => {
  sim = await startProviderSim({ timeoutMs: 1_000 });
});
afterAll(async () => {
  await sim.close();
});

const adapter = (timeoutMs = 2_000) =>
  createVtpassAdapter({ name: 'vtpass', baseUrl: sim.url, ...SANDBOX_CREDENTIALS, timeoutMs });

const vend = (customerRef: string) => ({
  reference: vtpassRequestId(new Date()),
  serviceId: 'ikeja-electric',
  variationCode: 'prepaid',
  customerRef,
  amountMinor: 150_000n,
});

describe('provider breaker and customer failures', () => {
  it('the simulator answers an invalid meter as VTpass does: a success code, WrongBillersCode in the content', async () => {
    for (const profile of ['default', 'vtpass-sandbox'] as const) {
      sim.setKnobs({ profile });
      const res = await fetch(`${sim.url}/api/merchant-verify`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'api-key': SANDBOX_CREDENTIALS.apiKey,
          'secret-key': SANDBOX_CREDENTIALS.secretKey,
        },
        body: JSON.stringify({ billersCode: '0123456789012', serviceID: 'ikeja-electric', type: 'prepaid' }),
      });
      const body = (await res.json()) as { code: string; content: Record<string, unknown> };
      expect(body.code).toBe(profile === 'default' ? '020' : '000');
      expect(body.content).toMatchObject({
        WrongBillersCode: true,
        error: expect.stringMatching(/not correct/),
      });
      expect(mapValidateResponse(body)).toMatchObject({
        ok: false,
        outcome: 'failed',
        customerNotFound: true,
      });
    }
    sim.setKnobs({ profile: 'default' });
  });

  it('VTpass-shaped "customer not found" answers are never provider faults', () => {
    for (const code of ['000', '020']) {
      const mapped = mapValidateResponse({
        code,
        response_description: 'BILLER CONFIRMED',
        content: { WrongBillersCode: true, error: 'This meter is not valid' },
      });
      expect(defaultIsProviderFault('validate', { ...mapped, latencyMs: 5 }), code).toBe(false);
      // An error in the content without the flag is the same answer.
      const bare = mapValidateResponse({ code, content: { error: 'Invalid meter' } });
      expect(defaultIsProviderFault('validate', { ...bare, latencyMs: 5 }), code).toBe(false);
    }
    expect(defaultIsProviderFault('vend', { outcome: 'failed', code: '000', latencyMs: 5 })).toBe(false);
  });

  it('many invalid-meter validations and customer-failed vends do not open the breaker; timeouts still do', async () => {
    const vtpass = adapter();
    const router = createProviderRouter([vtpass], { consecutiveFailures: BREAKER_FAILURES });
    for (let i = 0; i < 30; i++) {
      const r = await vtpass.validateCustomer({
        serviceId: 'ikeja-electric',
        variationCode: 'prepaid',
        customerRef: `0${String(100_000_000_000 + i)}`,
      });
      expect(r).toMatchObject({ ok: false, outcome: 'failed', customerNotFound: true });
      router.record('vtpass', 'validate', r);
    }
    for (const ref of ['0555555555555', '3333333333333', '0123456789012', '3333333333333']) {
      const r = await vtpass.vend(vend(ref));
      expect(r.outcome).toBe('failed');
      router.record('vtpass', 'vend', r);
    }
    expect(router.health()[0]).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
    expect(router.pick(['vtpass'])).toBe(vtpass);

    // 300000000000 answers after the simulator's 1 s; our adapter gives up at 200 ms.
    const impatient = adapter(200);
    for (let i = 0; i < BREAKER_FAILURES; i++) {
      const r = await impatient.vend(vend('300000000000'));
      expect(r).toMatchObject({ outcome: 'unknown', code: 'timeout' });
      router.record('vtpass', 'vend', r);
    }
    expect(router.health()[0]?.state).toBe('open');
    expect(router.pick(['vtpass'])).toBeUndefined();
  });
});
