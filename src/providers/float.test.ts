/**
 * The float side of the VTpass protocol, over the simulator's real HTTP:
 * GET /api/balance in VTpass's shape (naira), counting top-ups and what was
 * vended minus commission; commission and commission_details in the vend and
 * requery answers (percent, flat); the drift knob; 018 when the float cannot
 * cover a vend, which the adapter reads as a definite failure (nothing vended).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultIsProviderFault } from './router.js';
import { type ProviderSim, SANDBOX_CREDENTIALS, startProviderSim } from './sim/server.js';
import { createVtpassAdapter, mapBalanceResponse, vtpassRequestId } from './vtpass.js';

let sim: ProviderSim;
beforeAll(async () => {
  sim = await startProviderSim();
});
afterAll(async () => {
  await sim.close();
});

const adapter = () =>
  createVtpassAdapter({ name: 'vtpass', baseUrl: sim.url, ...SANDBOX_CREDENTIALS, timeoutMs: 2_000 });
const vend = (amountMinor: bigint, customerRef = '1111111111111') => ({
  reference: vtpassRequestId(new Date()),
  serviceId: 'ikeja-electric',
  variationCode: 'prepaid',
  customerRef,
  amountMinor,
});

describe('provider float', () => {
  it('maps the balance answer to minor units and anything else to not ok', () => {
    expect(mapBalanceResponse({ code: 1, contents: { balance: 1234.56 } })).toEqual({
      ok: true,
      balanceMinor: 123_456n,
    });
    expect(mapBalanceResponse({ code: '1', contents: { balance: '-10.5' } })).toEqual({
      ok: true,
      balanceMinor: -1_050n,
    });
    expect(mapBalanceResponse({ code: '087', response_description: 'INVALID CREDENTIALS' })).toMatchObject({
      ok: false,
      code: 'unexpected_code:087',
    });
    expect(mapBalanceResponse({ code: 1, contents: {} })).toMatchObject({ ok: false, code: 'bad_balance' });
    expect(mapBalanceResponse('nope')).toMatchObject({ ok: false, code: 'bad_json' });
  });

  it('answers GET /api/balance as VTpass does, counting top-ups and vends minus commission', async () => {
    const raw = await fetch(`${sim.url}/api/balance`, {
      headers: { 'api-key': SANDBOX_CREDENTIALS.apiKey, 'public-key': SANDBOX_CREDENTIALS.publicKey },
    });
    expect(await raw.json()).toEqual({ code: 1, contents: { balance: 0 } });
    const topup = await fetch(`${sim.url}/_sim/float`, {
      method: 'POST',
      body: JSON.stringify({ amountMinor: 1_000_000 }),
    });
    expect(((await topup.json()) as { balanceMinor: number }).balanceMinor).toBe(1_000_000);
    const r = await adapter().vend(vend(150_000n));
    expect(r).toMatchObject({ outcome: 'success', commissionMinor: 1_500n });
    expect(await adapter().balance?.()).toMatchObject({ ok: true, balanceMinor: 1_000_000n - 148_500n });
    const wrongKey = createVtpassAdapter({
      name: 'x',
      baseUrl: sim.url,
      ...SANDBOX_CREDENTIALS,
      publicKey: 'bad',
      timeoutMs: 2_000,
    });
    expect(await wrongKey.balance?.()).toMatchObject({ ok: false, code: 'unexpected_code:087' });
  });

  it('reports the commission of the knobs (percent or flat) in vend and requery answers', async () => {
    sim.setKnobs({ commissionFlatMinor: 2_500 });
    const flat = vend(100_000n);
    expect(await adapter().vend(flat)).toMatchObject({ outcome: 'success', commissionMinor: 2_500n });
    expect(await adapter().requery(flat.reference)).toMatchObject({
      outcome: 'success',
      commissionMinor: 2_500n,
    });
    sim.setKnobs({ commissionFlatMinor: null, commissionBps: 75 });
    const percent = vend(200_000n);
    expect(await adapter().vend(percent)).toMatchObject({ commissionMinor: 1_500n });
    const body = (await (
      await fetch(`${sim.url}/api/requery`, {
        method: 'POST',
        headers: { 'api-key': SANDBOX_CREDENTIALS.apiKey, 'secret-key': SANDBOX_CREDENTIALS.secretKey },
        body: JSON.stringify({ request_id: percent.reference }),
      })
    ).json()) as { content: { transactions: Record<string, unknown> } };
    expect(body.content.transactions).toMatchObject({
      commission: 15,
      total_amount: 1985,
      commission_details: { amount: 15, rate: '0.75', rate_type: 'percent' },
    });
    sim.setKnobs({ commissionBps: null });
  });

  it('reports a drifted balance, and refuses with 018 a vend the float cannot cover (a provider fault)', async () => {
    const books = sim.balance();
    sim.setKnobs({ balanceDriftMinor: -5_000 });
    expect((await adapter().balance?.())?.balanceMinor).toBe(books - 5_000n);
    sim.setKnobs({ balanceDriftMinor: 0, floatEnforced: true });
    const r = await adapter().vend(vend(books + 10_000n));
    expect(r).toMatchObject({ outcome: 'failed', code: '018' });
    expect(defaultIsProviderFault('vend', r)).toBe(true);
    expect(sim.balance()).toBe(books);
    // A vend the float covers still goes through.
    expect((await adapter().vend(vend(50_000n))).outcome).toBe('success');
    sim.setKnobs({ floatEnforced: false });
  });
});
