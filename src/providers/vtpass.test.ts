import { describe, expect, it } from 'vitest';
import {
  createVtpassAdapter,
  extractToken,
  mapValidateResponse,
  mapVariationsResponse,
  mapVendResponse,
  normalizeCode,
  parseVtpassWebhook,
  payBody,
  vtpassOptionsFromEnv,
} from './vtpass.js';

const REF = '202501010000abcdefghijklmnop';

function tx(status: unknown, extra: Record<string, unknown> = {}) {
  return {
    code: '000',
    response_description: 'TRANSACTION SUCCESSFUL',
    content: { transactions: { status, ...extra } },
  };
}

describe('mapVendResponse: code 000 follows content.transactions.status', () => {
  it.each([
    ['delivered', 'success', undefined],
    ['DELIVERED', 'success', undefined],
    ['pending', 'pending', undefined],
    ['initiated', 'pending', undefined],
    ['failed', 'failed', undefined],
    ['reversed', 'failed', true],
  ] as const)('%s -> %s', (status, outcome, reversed) => {
    for (const op of ['vend', 'requery'] as const) {
      const r = mapVendResponse(op, tx(status), REF);
      expect(r.outcome).toBe(outcome);
      expect(r.reversed).toBe(reversed);
      expect(r.code).toBe('000');
    }
  });

  it('an undocumented or missing status is unknown, never success', () => {
    expect(mapVendResponse('vend', tx('weird'), REF)).toMatchObject({
      outcome: 'unknown',
      code: 'unexpected_status:weird',
    });
    expect(mapVendResponse('vend', { code: '000' }, REF)).toMatchObject({
      outcome: 'unknown',
      code: 'unexpected_status:missing',
    });
  });
});

describe('mapVendResponse: every documented code', () => {
  const cases: [code: string, vend: string, requery: string][] = [
    ['099', 'pending', 'pending'],
    ['089', 'pending', 'pending'],
    ['016', 'failed', 'failed'],
    ['091', 'failed', 'failed'],
    ['014', 'unknown', 'unknown'], // request id already used: go and requery, never failed
    ['019', 'unknown', 'unknown'],
    ['085', 'unknown', 'unknown'], // e.g. a retry after midnight: only requery can tell
    ['015', 'unknown', 'unknown'],
    ['044', 'unknown', 'unknown'],
  ];
  it.each(cases)('%s -> vend %s, requery %s', (code, vend, requery) => {
    expect(mapVendResponse('vend', { code }, REF).outcome).toBe(vend);
    expect(mapVendResponse('requery', { code }, REF).outcome).toBe(requery);
  });

  it('040 is a reversal: failed with reversed set', () => {
    expect(mapVendResponse('requery', { code: '040' }, REF)).toMatchObject({
      outcome: 'failed',
      reversed: true,
      code: '040',
    });
    expect(mapVendResponse('vend', { code: '040' }, REF)).toMatchObject({
      outcome: 'failed',
      reversed: true,
    });
  });

  it('015 on requery means "not known (yet)": unknown with notFound, not failed', () => {
    expect(mapVendResponse('requery', { code: '015' }, REF)).toMatchObject({
      outcome: 'unknown',
      notFound: true,
      code: '015',
    });
    expect(mapVendResponse('vend', { code: '015' }, REF).notFound).toBeUndefined();
  });

  it.each([
    '011',
    '012',
    '013',
    '017',
    '018',
    '027',
    '030',
    '034',
    '035',
    '083',
    '087',
  ])('refusal %s: failed on pay (nothing charged), unknown on requery (says nothing about the payment)', (code) => {
    expect(mapVendResponse('vend', { code, response_description: 'NO' }, REF)).toEqual({
      outcome: 'failed',
      code,
      message: 'NO',
    });
    expect(mapVendResponse('requery', { code }, REF)).toEqual({ outcome: 'unknown', code });
  });

  it('undocumented codes, missing codes and non-objects are unknown', () => {
    expect(mapVendResponse('vend', { code: 'XYZ' }, REF)).toMatchObject({
      outcome: 'unknown',
      code: 'unexpected_code:XYZ',
    });
    expect(mapVendResponse('vend', { code: '<b>' }, REF)).toMatchObject({ code: 'unexpected_code:?b?' });
    expect(mapVendResponse('vend', {}, REF)).toMatchObject({
      outcome: 'unknown',
      code: 'unexpected_code:missing',
    });
    expect(mapVendResponse('vend', [], REF)).toMatchObject({ outcome: 'unknown', code: 'bad_json' });
    expect(mapVendResponse('vend', 'ok', REF)).toMatchObject({ outcome: 'unknown', code: 'bad_json' });
  });

  it('accepts numeric codes', () => {
    expect(normalizeCode(0)).toBe('000');
    expect(normalizeCode(16)).toBe('016');
    expect(normalizeCode(' 099 ')).toBe('099');
    expect(normalizeCode(1.5)).toBeUndefined();
    expect(mapVendResponse('vend', { code: 16 }, REF).outcome).toBe('failed');
  });

  it('an answer about another request id settles nothing', () => {
    const body = { ...tx('delivered'), requestId: '202501010000zzzzzzzzzzzzzzzz' };
    expect(mapVendResponse('requery', body, REF)).toMatchObject({
      outcome: 'unknown',
      code: 'request_id_mismatch',
    });
    expect(mapVendResponse('requery', { ...tx('delivered'), requestId: REF }, REF).outcome).toBe('success');
  });
});

describe('mapVendResponse: token, units, receipt, commission', () => {
  it('reads a prepaid answer', () => {
    const body = {
      ...tx('delivered', { transactionId: '17415990234567891', commission: 22.5, total_amount: 1477.5 }),
      requestId: REF,
      purchased_code: 'Token : 1234-5678-9012-3456-7890',
      units: '79.9 kWh',
      customerName: 'ADA OBI',
      customerAddress: '1 Allen Avenue',
      exchangeReference: 'X1',
      tariff: 'A1',
      taxAmount: 104.65,
      debtAmount: 0,
      tokenAmount: 1395.35,
      resetToken: null,
      nested: { ignored: true },
    };
    const r = mapVendResponse('vend', body, REF);
    expect(r).toMatchObject({
      outcome: 'success',
      token: '1234-5678-9012-3456-7890',
      units: '79.9 kWh',
      providerTransactionId: '17415990234567891',
      commissionMinor: 2_250n,
    });
    expect(r.receipt).toMatchObject({
      customerName: 'ADA OBI',
      customerAddress: '1 Allen Avenue',
      exchangeReference: 'X1',
      tariff: 'A1',
      taxAmount: 104.65,
      debtAmount: 0,
      tokenAmount: 1395.35,
      resetToken: null,
      transactionId: '17415990234567891',
      status: 'delivered',
    });
    expect(r.receipt).not.toHaveProperty('nested');
    expect(r.receipt).not.toHaveProperty('content');
  });

  it('prefers token, then mainToken, then purchased_code; units from units or mainTokenUnits', () => {
    expect(
      mapVendResponse(
        'vend',
        { ...tx('delivered'), token: '11112222333344445555', purchased_code: 'Token : 9999-9999-9999' },
        REF,
      ).token,
    ).toBe('11112222333344445555');
    const old = mapVendResponse(
      'vend',
      { ...tx('delivered'), mainToken: '5555 6666 7777 8888 9999', mainTokenUnits: 16.5 },
      REF,
    );
    expect(old.token).toBe('5555 6666 7777 8888 9999');
    expect(old.units).toBe('16.5');
    expect(extractToken('Token : 26362054405982757802 ')).toBe('26362054405982757802');
    expect(extractToken('Token: 1234-5678-9012-3456-7890 Units: 5kWh')).toBe('1234-5678-9012-3456-7890');
    expect(extractToken('')).toBeUndefined();
    expect(extractToken(null)).toBeUndefined();
    expect(extractToken(JSON.parse('12345678901234567890'))).toBeUndefined(); // already mangled by JSON.parse
  });

  it('has no token for postpaid', () => {
    const r = mapVendResponse(
      'vend',
      { ...tx('delivered'), purchased_code: '', utilityName: 'IKEDC', balance: 0 },
      REF,
    );
    expect(r.token).toBeUndefined();
    expect(r.receipt).toMatchObject({ utilityName: 'IKEDC', balance: 0 });
  });

  it('bounds the receipt in fields and characters', () => {
    const body: Record<string, unknown> = { ...tx('delivered') };
    for (let i = 0; i < 500; i++) body[`f${i}`] = 'x'.repeat(10_000);
    const r = mapVendResponse('vend', body, REF);
    const receipt = r.receipt ?? {};
    expect(Object.keys(receipt).length).toBeLessThanOrEqual(64);
    expect(Object.values(receipt).every((v) => typeof v !== 'string' || v.length <= 512)).toBe(true);
  });
});

describe('mapValidateResponse', () => {
  const content = {
    Customer_Name: 'ADA OBI',
    Address: '1 Allen Avenue',
    Meter_Number: '1111111111111',
    Customer_Arrears: '1,500.00',
    Minimum_Amount: '500',
    Min_Purchase_Amount: 1000,
    Can_Vend: 'yes',
    Meter_Type: 'PREPAID',
    WrongBillersCode: false,
  };

  it.each(['000', '020'])('%s with a customer is ok', (code) => {
    expect(mapValidateResponse({ code, content })).toEqual({
      ok: true,
      outcome: 'success',
      code,
      customerName: 'ADA OBI',
      address: '1 Allen Avenue',
      meterType: 'PREPAID',
      minimumAmountMinor: 100_000n, // the stricter of the two minimums
      arrearsMinor: 150_000n,
      canVend: true,
      bill: { amountDueMinor: 150_000n },
    });
  });

  it('a postpaid account: its outstanding bill from the arrears, due date, period and reference', () => {
    const postpaid = {
      ...content,
      Meter_Type: 'POSTPAID',
      Customer_Arrears: '4500.00',
      Due_Date: '2026-12-25',
      Bill_Period: '2026-12',
      Bill_Reference: 'ikeja-electric-202612-1010101010101',
    };
    expect(mapValidateResponse({ code: '020', content: postpaid }).bill).toEqual({
      amountDueMinor: 450_000n,
      dueDate: '2026-12-25',
      period: '2026-12',
      reference: 'ikeja-electric-202612-1010101010101',
    });
    const owed = mapValidateResponse({ code: '020', content: { ...postpaid, Outstanding_Balance: '100.5' } });
    expect(owed.bill?.amountDueMinor).toBe(10_050n);
    const nothing = mapValidateResponse({ code: '020', content: { ...postpaid, Customer_Arrears: '0.00' } });
    expect(nothing.bill).toBeUndefined();
    const badDate = mapValidateResponse({ code: '020', content: { ...postpaid, Due_Date: '25/12/2026' } });
    expect(badDate.bill?.dueDate).toBeUndefined();
  });

  it('WrongBillersCode or an error in content is a definite "no"', () => {
    expect(
      mapValidateResponse({ code: '000', content: { WrongBillersCode: true, error: 'Invalid meter' } }),
    ).toMatchObject({
      ok: false,
      outcome: 'failed',
      message: 'Invalid meter',
    });
    expect(mapValidateResponse({ code: '011', content: { WrongBillersCode: true } })).toMatchObject({
      ok: false,
      outcome: 'failed',
      code: '011',
    });
    expect(mapValidateResponse({ code: '012' })).toMatchObject({ ok: false, outcome: 'failed' });
    expect(mapValidateResponse({ code: '030' })).toMatchObject({ ok: false, outcome: 'failed' });
  });

  it('reads Can_Vend "no"', () => {
    expect(mapValidateResponse({ code: '020', content: { ...content, Can_Vend: 'no' } }).canVend).toBe(false);
  });

  it('is unknown when it cannot tell', () => {
    expect(mapValidateResponse({ code: '000', content: {} })).toMatchObject({
      ok: false,
      outcome: 'unknown',
      code: 'unexpected_response',
    });
    expect(mapValidateResponse({ code: '999' })).toMatchObject({
      ok: false,
      outcome: 'unknown',
      code: 'unexpected_code:999',
    });
    expect(mapValidateResponse(null)).toMatchObject({ ok: false, outcome: 'unknown', code: 'bad_json' });
  });
});

describe('mapVariationsResponse', () => {
  it('reads both spellings ("varations" is in VTpass answers) and fixed/free prices', () => {
    for (const key of ['variations', 'varations']) {
      const body = {
        response_description: '000',
        content: {
          [key]: [
            { variation_code: 'dstv79', name: 'Compact', variation_amount: '19000.00', fixedPrice: 'Yes' },
            { variation_code: 'prepaid', name: 'Prepaid', variation_amount: '0.00', fixedPrice: 'No' },
            { name: 'no code: skipped' },
          ],
        },
      };
      expect(mapVariationsResponse(body)).toEqual([
        { code: 'dstv79', name: 'Compact', amountMinor: 1_900_000n, fixedPrice: true },
        { code: 'prepaid', name: 'Prepaid', amountMinor: null, fixedPrice: false },
      ]);
    }
  });

  it('reports what is wrong', () => {
    expect(mapVariationsResponse({ response_description: '012' })).toEqual({ error: 'unexpected_code:012' });
    expect(mapVariationsResponse({ response_description: '000', content: {} })).toEqual({
      error: 'unexpected_response',
    });
    expect(mapVariationsResponse('x')).toEqual({ error: 'bad_json' });
  });
});

describe('parseVtpassWebhook', () => {
  it('returns the reference of a transaction-update (data.requestId)', () => {
    expect(parseVtpassWebhook({ type: 'transaction-update', data: { requestId: REF, code: '000' } })).toEqual(
      {
        reference: REF,
        type: 'transaction-update',
      },
    );
    expect(parseVtpassWebhook({ type: 'transaction-update', data: { request_id: REF } })?.reference).toBe(
      REF,
    );
  });

  it('ignores everything else', () => {
    expect(parseVtpassWebhook({ type: 'variation-update', data: { serviceID: 'dstv' } })).toBeNull();
    expect(parseVtpassWebhook({ type: 'transaction-update', data: {} })).toBeNull();
    expect(parseVtpassWebhook({ type: 'transaction-update', data: { requestId: 'DROP TABLE' } })).toBeNull();
    expect(parseVtpassWebhook({ type: 'transaction-update', requestId: REF })).toBeNull(); // wrong place
    expect(parseVtpassWebhook(null)).toBeNull();
    expect(parseVtpassWebhook('{}')).toBeNull();
  });
});

describe('payBody', () => {
  const req = {
    reference: REF,
    serviceId: 'ikeja-electric',
    variationCode: 'prepaid',
    customerRef: '1111111111111',
    amountMinor: 150_050n,
  };

  it('writes the amount as an exact JSON number built from kobo', () => {
    const text = payBody({ ...req, phone: '08030000000', email: 'a@b.ng' });
    expect(text.startsWith('{"amount":1500.50,')).toBe(true);
    expect(JSON.parse(text)).toEqual({
      amount: 1500.5,
      request_id: REF,
      serviceID: 'ikeja-electric',
      billersCode: '1111111111111',
      phone: '08030000000',
      variation_code: 'prepaid',
      email: 'a@b.ng',
    });
    const huge = payBody({ ...req, amountMinor: 123_456_789_012_345_678_901n });
    expect(huge).toContain('"amount":1234567890123456789.01,');
  });

  it('tops up the customer reference for airtime, whatever the contact phone', () => {
    const body = JSON.parse(
      payBody({
        ...req,
        serviceId: 'mtn',
        variationCode: '',
        customerRef: '08011111111',
        phone: '08099999999',
        amountMinor: 10_000n,
      }),
    );
    expect(body.phone).toBe('08011111111');
    expect(body).not.toHaveProperty('variation_code');
  });
});

describe('createVtpassAdapter: invariants before any I/O', () => {
  const adapter = createVtpassAdapter({
    name: 'vtpass',
    baseUrl: 'http://127.0.0.1:9',
    apiKey: 'a',
    secretKey: 's',
    publicKey: 'p',
    timeoutMs: 100,
  });
  const req = {
    reference: REF,
    serviceId: 'ikeja-electric',
    variationCode: 'prepaid',
    customerRef: '1111111111111',
    amountMinor: 100n,
  };

  it('refuses bad requests with a throw (a caller bug, nothing sent)', async () => {
    await expect(adapter.vend({ ...req, amountMinor: 0n })).rejects.toThrow(RangeError);
    await expect(adapter.vend({ ...req, amountMinor: -5n })).rejects.toThrow(RangeError);
    await expect(adapter.vend({ ...req, amountMinor: 5 as unknown as bigint })).rejects.toThrow(RangeError);
    await expect(adapter.vend({ ...req, reference: 'abc' })).rejects.toThrow(RangeError);
    await expect(adapter.vend({ ...req, reference: `${REF}-x` })).rejects.toThrow(RangeError);
    await expect(adapter.vend({ ...req, customerRef: '' })).rejects.toThrow(RangeError);
    await expect(adapter.requery('nope')).rejects.toThrow(RangeError);
  });

  it('refuses bad options', () => {
    const base = {
      name: 'v',
      baseUrl: 'http://x',
      apiKey: 'a',
      secretKey: 's',
      publicKey: 'p',
      timeoutMs: 100,
    };
    expect(() => createVtpassAdapter({ ...base, baseUrl: 'ftp://x' })).toThrow(RangeError);
    expect(() => createVtpassAdapter({ ...base, timeoutMs: 0 })).toThrow(RangeError);
    expect(() => createVtpassAdapter({ ...base, timeoutMs: 1.5 })).toThrow(RangeError);
    expect(() => createVtpassAdapter({ ...base, name: '' })).toThrow(RangeError);
  });
});

describe('vtpassOptionsFromEnv', () => {
  const env = { VTPASS_API_KEY: 'a', VTPASS_SECRET_KEY: 's', VTPASS_PUBLIC_KEY: 'p' };
  it('defaults to the sandbox and a 15 s timeout', () => {
    expect(vtpassOptionsFromEnv(env)).toEqual({
      name: 'vtpass',
      baseUrl: 'https://sandbox.vtpass.com',
      apiKey: 'a',
      secretKey: 's',
      publicKey: 'p',
      timeoutMs: 15_000,
    });
    expect(vtpassOptionsFromEnv({ ...env, PROVIDER_TIMEOUT_MS: '2500' }).timeoutMs).toBe(2500);
  });
  it('requires the keys and a sane timeout', () => {
    expect(() => vtpassOptionsFromEnv({ ...env, VTPASS_SECRET_KEY: '' })).toThrow(/VTPASS_SECRET_KEY/);
    expect(() => vtpassOptionsFromEnv({ ...env, PROVIDER_TIMEOUT_MS: '5' })).toThrow(/PROVIDER_TIMEOUT_MS/);
  });
});
