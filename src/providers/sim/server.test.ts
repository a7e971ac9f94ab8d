/**
 * The real VTpass adapter against the simulator, over real HTTP: every row
 * of the behaviour table, VTpass's idempotency, the knobs and the sandbox
 * profile. Small pendingMs/timeoutMs/reversalMs and a 300 ms adapter timeout
 * keep it fast.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { VTPASS_CATALOGUE } from '../catalogue.js';
import { ProviderError, type ProviderAdapter, type VendRequest } from '../types.js';
import { createVtpassAdapter, vtpassRequestId } from '../vtpass.js';
import { DEFAULT_KNOBS } from './knobs.js';
import { type ProviderSim, SANDBOX_CREDENTIALS, type SimCall, startProviderSim } from './server.js';

const ADAPTER_TIMEOUT_MS = 300;
const PENDING_MS = 600; // wide enough that "still pending right after the vend" holds on a loaded machine
const SIM_TIMEOUT_MS = 1_000;
const REVERSAL_MS = 300;

let sim: ProviderSim;
let vtpass: ProviderAdapter;
let receiver: http.Server;
let webhookUrl: string;
let webhookStatus = 200;
const webhooks: unknown[] = [];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` every 25 ms, for at most `limitMs`. */
async function waitFor<T>(check: () => T | undefined | Promise<T | undefined>, limitMs = 3_000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('waitFor: condition not met in time');
    await sleep(25);
  }
}

function adapterFor(
  target: ProviderSim,
  overrides: Partial<Record<'apiKey' | 'secretKey' | 'publicKey', string>> = {},
): ProviderAdapter {
  return createVtpassAdapter({
    name: 'vtpass',
    baseUrl: target.url,
    ...SANDBOX_CREDENTIALS,
    ...overrides,
    timeoutMs: ADAPTER_TIMEOUT_MS,
  });
}

function vendRequest(customerRef: string, extra: Partial<VendRequest> = {}): VendRequest {
  return {
    reference: vtpassRequestId(new Date()),
    serviceId: 'ikeja-electric',
    variationCode: 'prepaid',
    customerRef,
    amountMinor: 150_000n,
    phone: '08030000000',
    ...extra,
  };
}

function pays(target: ProviderSim, reference: string): SimCall[] {
  return target.calls({ requestId: reference }).filter((c) => c.endpoint === '/api/pay');
}

beforeAll(async () => {
  receiver = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      webhooks.push(JSON.parse(body));
      res.writeHead(webhookStatus, { 'content-type': 'application/json' });
      res.end(webhookStatus === 200 ? '{"response":"success"}' : '{"response":"error"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  webhookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks/vtpass`;
  sim = await startProviderSim({
    pendingMs: PENDING_MS,
    timeoutMs: SIM_TIMEOUT_MS,
    reversalMs: REVERSAL_MS,
    webhookUrl,
  });
  vtpass = adapterFor(sim);
});

afterAll(async () => {
  await sim.close();
  receiver.closeAllConnections();
  await new Promise((resolve) => receiver.close(resolve));
});

afterEach(() => {
  sim.setKnobs({ failureRate: 0, pendingRate: 0, lostResponseRate: 0, latencyMs: 0, duplicateWindowMs: 0 });
  webhookStatus = 200;
});

function webhookFor(reference: string): unknown {
  return webhooks.find((w) => vtpass.parseWebhook(w)?.reference === reference);
}

describe('simulator behaviour table, through the VTpass adapter', () => {
  it('1111111111111: prepaid delivered with a 20-digit token and units', async () => {
    const v = await vtpass.validateCustomer({
      serviceId: 'ikeja-electric',
      variationCode: 'prepaid',
      customerRef: '1111111111111',
    });
    expect(v).toMatchObject({
      ok: true,
      outcome: 'success',
      code: '020',
      meterType: 'PREPAID',
      canVend: true,
      minimumAmountMinor: 50_000n,
    });
    expect(v.customerName).toMatch(/^[A-Z]+ [A-Z]+$/);

    const req = vendRequest('1111111111111', { amountMinor: 150_050n });
    const r = await vtpass.vend(req);
    expect(r).toMatchObject({ outcome: 'success', code: '000' });
    expect(r.token).toMatch(/^\d{20}$/);
    expect(r.units).toMatch(/^\d+\.\d kWh$/);
    expect(r.receipt?.purchased_code).toBe(`Token : ${r.token?.replace(/(\d{4})(?=\d)/g, '$1-')}`);
    expect(r.receipt).toMatchObject({
      customerName: v.customerName,
      amount: 1500.5,
      requestId: req.reference,
    });
    expect(r.commissionMinor).toBe(1_500n); // 1% of ₦1,500.50, floored to the kobo
    expect(r.providerTransactionId).toMatch(/^\d{17}$/);

    const q = await vtpass.requery(req.reference);
    expect(q).toMatchObject({ outcome: 'success', token: r.token, units: r.units });
  });

  it('1010101010101: postpaid delivered without a token', async () => {
    const req = vendRequest('1010101010101', { variationCode: 'postpaid' });
    const r = await vtpass.vend(req);
    expect(r.outcome).toBe('success');
    expect(r.token).toBeUndefined();
    expect(r.receipt).toMatchObject({ utilityName: 'Ikeja Electric Payment - IKEDC', balance: 0 });
  });

  it('201000000000: pending, then delivered after pendingMs, announced by a webhook', async () => {
    const req = vendRequest('201000000000');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'pending', code: '000' });
    expect((await vtpass.requery(req.reference)).outcome).toBe('pending');
    const hook = await waitFor(() => webhookFor(req.reference));
    expect(hook).toMatchObject({
      type: 'transaction-update',
      data: { requestId: req.reference, code: '000' },
    });
    const q = await vtpass.requery(req.reference);
    expect(q.outcome).toBe('success');
    expect(q.token).toMatch(/^\d{20}$/);
  });

  it('300000000000: delivered, but the answer comes after the client timeout; requery shows delivered', async () => {
    const req = vendRequest('300000000000');
    const r = await vtpass.vend(req);
    expect(r).toMatchObject({ outcome: 'unknown', code: 'timeout' });
    expect(r.latencyMs).toBeGreaterThanOrEqual(ADAPTER_TIMEOUT_MS - 5);
    expect((await vtpass.requery(req.reference)).outcome).toBe('success');
    expect(pays(sim, req.reference)).toMatchObject([{ code: 'late', vended: true }]);
  });

  it('400000000000: connection dropped, nothing vended; requery answers 015 (not found)', async () => {
    const req = vendRequest('400000000000');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: 'network_error' });
    expect(await vtpass.requery(req.reference)).toMatchObject({
      outcome: 'unknown',
      notFound: true,
      code: '015',
    });
    expect(pays(sim, req.reference)).toMatchObject([{ code: 'no_response', vended: false }]);
  });

  it('500000000000: delivered, the answer is an HTML page; requery shows delivered', async () => {
    const req = vendRequest('500000000000');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: 'bad_json' });
    expect((await vtpass.requery(req.reference)).outcome).toBe('success');
  });

  it('3333333333333: validates, vend fails with 016', async () => {
    const v = await vtpass.validateCustomer({
      serviceId: 'eko-electric',
      variationCode: 'prepaid',
      customerRef: '3333333333333',
    });
    expect(v.ok).toBe(true);
    const req = vendRequest('3333333333333', { serviceId: 'eko-electric' });
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'failed', code: '016' });
    expect(await vtpass.requery(req.reference)).toMatchObject({ outcome: 'failed', code: '016' });
    expect(pays(sim, req.reference)).toMatchObject([{ code: '016', vended: false }]);
  });

  it('4444444444444: delivered, then reversed reversalMs later, announced by a webhook', async () => {
    const req = vendRequest('4444444444444');
    expect((await vtpass.vend(req)).outcome).toBe('success');
    const hook = await waitFor(() => webhookFor(req.reference));
    expect(hook).toMatchObject({ type: 'transaction-update', data: { code: '040' } });
    expect(await vtpass.requery(req.reference)).toMatchObject({
      outcome: 'failed',
      reversed: true,
      code: '040',
    });
  });

  it('0 followed by digits: validation fails (WrongBillersCode), vend fails', async () => {
    const v = await vtpass.validateCustomer({
      serviceId: 'ikeja-electric',
      variationCode: 'prepaid',
      customerRef: '0123456789012',
    });
    expect(v).toMatchObject({ ok: false, outcome: 'failed', code: '011' });
    expect(v.message).toMatch(/not correct/);
    expect(await vtpass.vend(vendRequest('0123456789012'))).toMatchObject({ outcome: 'failed', code: '016' });
  });

  it('any other 11-13 digits: a deterministic customer, delivered', async () => {
    const input = { serviceId: 'abuja-electric', variationCode: 'postpaid', customerRef: '45678901234' };
    const first = await vtpass.validateCustomer(input);
    const again = await vtpass.validateCustomer(input);
    const other = await vtpass.validateCustomer({ ...input, customerRef: '45678901235' });
    expect(first).toMatchObject({ ok: true, meterType: 'POSTPAID', arrearsMinor: 150_000n });
    expect(again.customerName).toBe(first.customerName);
    expect(again.address).toBe(first.address);
    expect(`${other.customerName}|${other.address}`).not.toBe(`${first.customerName}|${first.address}`);
    expect((await vtpass.vend(vendRequest('45678901234', { serviceId: 'abuja-electric' }))).outcome).toBe(
      'success',
    );
    expect((await vtpass.vend(vendRequest('1234567890123'))).token).toMatch(/^\d{20}$/);
  });

  it('airtime, data and cable deliver by the same rule; fixed prices come from the catalogue', async () => {
    const airtime = await vtpass.vend(
      vendRequest('08012345678', { serviceId: 'mtn', variationCode: '', amountMinor: 10_000n }),
    );
    expect(airtime).toMatchObject({ outcome: 'success' });
    expect(airtime.receipt).toMatchObject({ unique_element: '08012345678', type: 'Airtime Recharge' });
    expect(airtime.commissionMinor).toBe(300n);

    const data = await vtpass.vend(
      vendRequest('08011111111', { serviceId: 'mtn-data', variationCode: 'mtn-1gb-500', amountMinor: 1n }),
    );
    expect(data.outcome).toBe('success');
    expect(data.receipt?.amount).toBe(500); // the bundle price, whatever amount was sent

    const v = await vtpass.validateCustomer({
      serviceId: 'dstv',
      variationCode: 'dstv79',
      customerRef: '1212121212',
    });
    expect(v.ok).toBe(true);
    const cable = await vtpass.vend(
      vendRequest('1212121212', { serviceId: 'dstv', variationCode: 'dstv79', amountMinor: 1_900_000n }),
    );
    expect(cable.outcome).toBe('success');
  });

  it('refuses before vending: amount limits, unknown products, bad variations (nothing charged)', async () => {
    expect(await vtpass.vend(vendRequest('1111111111111', { amountMinor: 10_000n }))).toMatchObject({
      outcome: 'failed',
      code: '013',
    });
    expect(await vtpass.vend(vendRequest('1111111111111', { amountMinor: 50_000_001n }))).toMatchObject({
      outcome: 'failed',
      code: '017',
    });
    expect(await vtpass.vend(vendRequest('1111111111111', { serviceId: 'lagos-electric' }))).toMatchObject({
      outcome: 'failed',
      code: '012',
    });
    expect(await vtpass.vend(vendRequest('1111111111111', { variationCode: 'smart' }))).toMatchObject({
      outcome: 'failed',
      code: '012',
    });
    expect(
      await vtpass.vend(vendRequest('1212121212', { serviceId: 'dstv', variationCode: '' })),
    ).toMatchObject({ outcome: 'failed', code: '011' });
    expect(sim.calls().filter((c) => ['013', '017', '012', '011'].includes(c.code) && c.vended)).toEqual([]);
  });
});

describe('VTpass idempotency in the simulator', () => {
  it('a second /api/pay with the same request_id answers 014 and does not vend again', async () => {
    const req = vendRequest('1111111111111');
    const first = await vtpass.vend(req);
    const second = await vtpass.vend(req);
    expect(first.outcome).toBe('success');
    expect(second).toMatchObject({ outcome: 'unknown', code: '014' });
    expect(pays(sim, req.reference).map((c) => [c.code, c.vended])).toEqual([
      ['000', true],
      ['014', false],
    ]);
    // The same, read over HTTP from /_sim/calls.
    const res = await fetch(`${sim.url}/_sim/calls?request_id=${req.reference}`);
    const body = (await res.json()) as { count: number; calls: SimCall[] };
    expect(body.calls.filter((c) => c.endpoint === '/api/pay')).toHaveLength(2);
    expect(body.calls.filter((c) => c.vended)).toHaveLength(1);
    expect((await vtpass.requery(req.reference)).token).toBe(first.token);
  });

  it('concurrent duplicates vend exactly once', async () => {
    const req = vendRequest('12345678901');
    const results = await Promise.all(Array.from({ length: 8 }, () => vtpass.vend(req)));
    expect(results.filter((r) => r.outcome === 'success')).toHaveLength(1);
    expect(results.filter((r) => r.code === '014')).toHaveLength(7);
    expect(pays(sim, req.reference).filter((c) => c.vended)).toHaveLength(1);
  });

  it('a retry after a lost answer vends nothing new', async () => {
    sim.setKnobs({ lostResponseRate: 1 });
    const req = vendRequest('56789012345');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: 'network_error' });
    sim.setKnobs({ lostResponseRate: 0 });
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: '014' });
    expect(pays(sim, req.reference).filter((c) => c.vended)).toHaveLength(1);
  });

  it('a request_id not dated today (Africa/Lagos) answers 085 and vends nothing', async () => {
    const stale = vtpassRequestId(new Date(Date.now() - 2 * 86_400_000));
    expect(await vtpass.vend(vendRequest('1111111111111', { reference: stale }))).toMatchObject({
      outcome: 'unknown',
      code: '085',
    });
    const impossible = `209913320000${'a'.repeat(16)}`;
    expect(await vtpass.vend(vendRequest('1111111111111', { reference: impossible }))).toMatchObject({
      code: '085',
    });
    expect(await vtpass.requery(stale)).toMatchObject({ outcome: 'unknown', notFound: true });
    expect(pays(sim, stale)).toMatchObject([{ code: '085', vended: false }]);
  });
});

describe('simulator knobs', () => {
  it('failureRate 1: every ordinary vend fails with 016; table rows keep their behaviour', async () => {
    sim.setKnobs({ failureRate: 1 });
    for (const ref of ['12345678901', '23456789012', '08012345678']) {
      expect(await vtpass.vend(vendRequest(ref))).toMatchObject({ outcome: 'failed', code: '016' });
    }
    expect((await vtpass.vend(vendRequest('1111111111111'))).outcome).toBe('success');
  });

  it('lostResponseRate 1: the adapter cannot tell, requery shows delivered', async () => {
    sim.setKnobs({ lostResponseRate: 1 });
    const req = vendRequest('34567890123');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: 'network_error' });
    const q = await vtpass.requery(req.reference);
    expect(q.outcome).toBe('success');
    expect(q.token).toMatch(/^\d{20}$/);
    expect(pays(sim, req.reference)).toMatchObject([{ code: 'no_response', vended: true }]);
  });

  it('pendingRate 1: answered 099, delivered pendingMs later', async () => {
    sim.setKnobs({ pendingRate: 1 });
    const req = vendRequest('45678901234');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'pending', code: '099' });
    expect((await vtpass.requery(req.reference)).outcome).toBe('pending');
    await sleep(PENDING_MS + 50);
    expect((await vtpass.requery(req.reference)).outcome).toBe('success');
  });

  it('latencyMs beyond the client timeout: unknown (timeout)', async () => {
    sim.setKnobs({ latencyMs: ADAPTER_TIMEOUT_MS + 200 });
    const req = vendRequest('67890123456');
    expect(await vtpass.vend(req)).toMatchObject({ outcome: 'unknown', code: 'timeout' });
    sim.setKnobs({ latencyMs: 0 });
    await sleep(300); // the simulator finishes the vend after its latency
    expect((await vtpass.requery(req.reference)).outcome).toBe('success');
  });

  it('duplicateWindowMs: the same customer again within the window answers 019', async () => {
    sim.setKnobs({ duplicateWindowMs: 5_000 });
    expect((await vtpass.vend(vendRequest('78901234567'))).outcome).toBe('success');
    expect(await vtpass.vend(vendRequest('78901234567'))).toMatchObject({ outcome: 'unknown', code: '019' });
  });

  it('are read and set over HTTP, and refused when wrong', async () => {
    const set = await fetch(`${sim.url}/_sim/knobs`, {
      method: 'POST',
      body: JSON.stringify({ failureRate: 0.25, latencyMs: 5 }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toMatchObject({ failureRate: 0.25, latencyMs: 5, pendingMs: PENDING_MS });
    expect(await (await fetch(`${sim.url}/_sim/knobs`)).json()).toMatchObject({ failureRate: 0.25 });
    expect(sim.knobs().failureRate).toBe(0.25);
    for (const bad of [
      { failureRate: 2 },
      { latencyMs: -1 },
      { pendingMs: 1.5 },
      { profile: 'live' },
      { webhookUrl: 'ftp://x' },
      { colour: 'red' },
      [],
    ]) {
      const res = await fetch(`${sim.url}/_sim/knobs`, { method: 'POST', body: JSON.stringify(bad) });
      expect(res.status, JSON.stringify(bad)).toBe(400);
    }
    expect((await fetch(`${sim.url}/_sim/knobs`, { method: 'POST', body: 'not json' })).status).toBe(400);
    expect(() => sim.setKnobs({ lostResponseRate: -0.1 })).toThrow(RangeError);
    expect(sim.knobs()).toMatchObject({ failureRate: 0.25, latencyMs: 5 });
  });
});

describe('simulator plumbing', () => {
  it('serves the catalogue from /api/service-variations', async () => {
    for (const service of VTPASS_CATALOGUE) {
      const variations = await vtpass.listVariations(service.serviceId);
      expect(variations, service.serviceId).toEqual(
        service.variations.map((v) => ({
          code: v.code,
          name: v.name,
          amountMinor: v.amountMinor,
          fixedPrice: v.fixedPrice,
        })),
      );
    }
    await expect(vtpass.listVariations('nope')).rejects.toThrow(/unexpected_code:012/);
  });

  it('answers 087 to wrong credentials and vends nothing', async () => {
    const wrong = adapterFor(sim, { secretKey: 'guess' });
    const req = vendRequest('1111111111111');
    expect(await wrong.vend(req)).toMatchObject({ outcome: 'failed', code: '087' });
    expect(await wrong.requery(req.reference)).toMatchObject({ outcome: 'unknown', code: '087' });
    expect(
      await wrong.validateCustomer({
        serviceId: 'ikeja-electric',
        variationCode: 'prepaid',
        customerRef: '1111111111111',
      }),
    ).toMatchObject({
      ok: false,
      code: '087',
    });
    await expect(adapterFor(sim, { publicKey: 'guess' }).listVariations('dstv')).rejects.toBeInstanceOf(
      ProviderError,
    );
    expect(pays(sim, req.reference)).toMatchObject([{ code: '087', vended: false }]);
  });

  it('retries a webhook that is not acknowledged', async () => {
    webhookStatus = 500;
    const req = vendRequest('4444444444444');
    await vtpass.vend(req);
    await waitFor(() =>
      sim.calls({ requestId: req.reference }).some((c) => c.code === 'http_500') ? true : undefined,
    );
    webhookStatus = 200;
    await waitFor(() =>
      sim.calls({ requestId: req.reference }).some((c) => c.code === 'http_200') ? true : undefined,
    );
    const hooks = sim.calls({ requestId: req.reference }).filter((c) => c.endpoint === 'webhook');
    expect(hooks.length).toBeGreaterThanOrEqual(2);
    expect(hooks.length).toBeLessThanOrEqual(5);
  });

  it('keeps a bounded call log and closes promptly with answers still pending', async () => {
    const small = await startProviderSim({ maxCalls: 5, timeoutMs: 30_000 });
    const a = adapterFor(small);
    for (let i = 0; i < 8; i++) await a.requery(vtpassRequestId(new Date()));
    expect(small.calls().map((c) => c.seq)).toEqual([4, 5, 6, 7, 8]);
    const late = a.vend(vendRequest('300000000000'));
    await sleep(50);
    const started = Date.now();
    await small.close();
    expect(Date.now() - started).toBeLessThan(1_000);
    expect((await late).outcome).toBe('unknown');
    await small.close(); // idempotent
  });

  it('answers 404 for unknown routes', async () => {
    const res = await fetch(`${sim.url}/api/no-such-route`);
    expect(res.status).toBe(404);
  });

  it('refuses impossible options', async () => {
    await expect(startProviderSim({ failureRate: 3 })).rejects.toThrow(RangeError);
    await expect(startProviderSim({ maxCalls: 0 })).rejects.toThrow(RangeError);
  });
});

describe("profile 'vtpass-sandbox'", () => {
  let sandbox: ProviderSim;
  let a: ProviderAdapter;
  beforeAll(async () => {
    sandbox = await startProviderSim({
      profile: 'vtpass-sandbox',
      pendingMs: PENDING_MS,
      timeoutMs: SIM_TIMEOUT_MS,
    });
    a = adapterFor(sandbox);
  });
  afterAll(() => sandbox.close());

  it('only the documented sandbox numbers validate and deliver', async () => {
    for (const ref of ['1111111111111', '1010101010101', '201000000000']) {
      const v = await a.validateCustomer({
        serviceId: 'ikeja-electric',
        variationCode: 'prepaid',
        customerRef: ref,
      });
      expect(v, ref).toMatchObject({ ok: true, code: '000' });
    }
    expect((await a.vend(vendRequest('1111111111111'))).token).toMatch(/^\d{20}$/);
    expect((await a.vend(vendRequest('201000000000'))).outcome).toBe('pending');
    expect((await a.vend(vendRequest('400000000000'))).code).toBe('network_error');
    expect(
      (
        await a.vend(
          vendRequest('08011111111', { serviceId: 'mtn', variationCode: '', amountMinor: 10_000n }),
        )
      ).outcome,
    ).toBe('success');
    expect(
      (await a.vend(vendRequest('1212121212', { serviceId: 'gotv', variationCode: 'gotv-max' }))).outcome,
    ).toBe('success');
  });

  it('everything else fails, like VTpass sandbox (including our 3333/4444 extensions)', async () => {
    for (const ref of ['3333333333333', '4444444444444', '12345678901', '0123456789012']) {
      const v = await a.validateCustomer({
        serviceId: 'ikeja-electric',
        variationCode: 'prepaid',
        customerRef: ref,
      });
      expect(v, ref).toMatchObject({ ok: false, outcome: 'failed' });
      expect(await a.vend(vendRequest(ref)), ref).toMatchObject({ outcome: 'failed', code: '016' });
    }
    expect(
      await a.vend(vendRequest('08012345678', { serviceId: 'mtn', variationCode: '', amountMinor: 10_000n })),
    ).toMatchObject({
      outcome: 'failed',
      code: '016',
    });
  });

  it('serves variations under VTpass\'s "varations" key, which the adapter reads', async () => {
    const raw = (await (
      await fetch(`${sandbox.url}/api/service-variations?serviceID=gotv`, {
        headers: { 'api-key': SANDBOX_CREDENTIALS.apiKey, 'public-key': SANDBOX_CREDENTIALS.publicKey },
      })
    ).json()) as { content: Record<string, unknown> };
    expect(raw.content).toHaveProperty('varations');
    expect((await a.listVariations('gotv')).map((v) => v.code)).toContain('gotv-max');
  });

  it('knobs default as documented', () => {
    expect(sandbox.knobs()).toEqual({
      ...DEFAULT_KNOBS,
      profile: 'vtpass-sandbox',
      pendingMs: PENDING_MS,
      timeoutMs: SIM_TIMEOUT_MS,
    });
  });
});
