import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { createTestApp, type TestApp } from './test-support/app.js';
import { registerUser } from './test-support/users.js';

/** Everything production needs, every component real. */
const PRODUCTION_ENV: Record<string, string> = {
  NODE_ENV: 'production',
  LOG_LEVEL: 'silent',
  DATA_DIR: '/nonexistent/vendra-production-test',
  JWT_SECRET: 'j'.repeat(40),
  PIN_HMAC_KEY: 'p'.repeat(40),
  GATEWAY_MODE: 'paystack',
  PAYSTACK_SECRET_KEY: 'sk_live_not_a_real_key_for_tests',
  VTPASS_BASE_URL: 'https://vtpass.com',
  VTPASS_API_KEY: 'api-key',
  VTPASS_SECRET_KEY: 'SK_secret',
  VTPASS_PUBLIC_KEY: 'PK_public',
  PAYOUT_MODE: 'disabled',
  PUBLIC_BASE_URL: 'https://wallet.example.com',
  SMTP_URL: 'smtp://mailer.example.com:587',
  TERMII_API_KEY: 'TL_not_a_real_key_for_tests',
  METRICS_TOKEN: 'metrics-token-0123456789',
  METRICS_PORT: '9464',
  KYC_PROVIDER: 'dojah',
  DOJAH_APP_ID: 'app-id',
  DOJAH_SECRET_KEY: 'prod_sk_not_a_real_key',
  KYC_ENCRYPTION_KEY: Buffer.alloc(32, 'k').toString('base64'),
};

function refusal(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('loadConfig accepted the configuration');
}

const without = (name: string) => {
  const env: Record<string, string | undefined> = { ...PRODUCTION_ENV };
  delete env[name];
  return env;
};

describe('production start-up safety', () => {
  it('accepts a production configuration with every component real', () => {
    const config = loadConfig(PRODUCTION_ENV);
    expect(config.nodeEnv).toBe('production');
    expect(config.allowSandbox).toBe(false);
    expect(config.payoutMode).toBe('disabled');
    expect(config.notifyMode).toBe('smtp');
  });

  it('refuses each simulator in production, naming the variable', () => {
    const cases: [Record<string, string | undefined>, string][] = [
      [
        { ...PRODUCTION_ENV, GATEWAY_MODE: 'sandbox', GATEWAY_SANDBOX_SECRET: 's'.repeat(40) },
        'GATEWAY_MODE',
      ],
      [without('GATEWAY_MODE'), 'GATEWAY_MODE'],
      [without('VTPASS_BASE_URL'), 'VTPASS_BASE_URL'],
      [{ ...PRODUCTION_ENV, VTPASS_BASE_URL: 'https://sandbox.vtpass.com' }, 'VTPASS_BASE_URL'],
      [{ ...PRODUCTION_ENV, VTPASS_B_BASE_URL: 'https://sandbox.vtpass.com' }, 'VTPASS_B_BASE_URL'],
      [without('VTPASS_API_KEY'), 'VTPASS_API_KEY'],
      [without('VTPASS_SECRET_KEY'), 'VTPASS_SECRET_KEY'],
      [without('VTPASS_PUBLIC_KEY'), 'VTPASS_PUBLIC_KEY'],
      [without('PAYOUT_MODE'), 'PAYOUT_MODE'],
      [{ ...PRODUCTION_ENV, PAYOUT_MODE: 'sandbox' }, 'PAYOUT_MODE'],
      [without('KYC_PROVIDER'), 'KYC_PROVIDER'],
      [{ ...PRODUCTION_ENV, KYC_PROVIDER: 'sandbox' }, 'KYC_PROVIDER'],
    ];
    for (const [env, variable] of cases) {
      const error = refusal(env);
      expect(error.variable, variable).toBe(variable);
      expect(error.message).toContain(variable);
      expect(error.message).toContain('ALLOW_SANDBOX=true');
    }
  });

  it('boots with the simulators in production only with ALLOW_SANDBOX=true', () => {
    const env = {
      ...without('GATEWAY_MODE'),
      GATEWAY_SANDBOX_SECRET: 's'.repeat(40),
      VTPASS_BASE_URL: '',
      PAYOUT_MODE: 'sandbox',
      KYC_PROVIDER: 'sandbox',
    };
    expect(refusal(env).variable).toBe('GATEWAY_MODE');
    expect(refusal({ ...env, ALLOW_SANDBOX: 'yes' }).variable).toBe('ALLOW_SANDBOX');
    const config = loadConfig({ ...env, ALLOW_SANDBOX: 'true' });
    expect(config.gatewayMode).toBe('sandbox');
    expect(config.allowSandbox).toBe(true);
    expect(config.kyc.provider).toBe('sandbox');
  });

  it('requires PUBLIC_BASE_URL, a notification channel and a guarded metrics listener in production', () => {
    expect(refusal(without('PUBLIC_BASE_URL')).variable).toBe('PUBLIC_BASE_URL');
    const noMail = refusal(without('SMTP_URL'));
    expect(noMail.variable).toBe('SMTP_URL');
    expect(noMail.message).toContain('NOTIFY_MODE=log');
    expect(loadConfig({ ...without('SMTP_URL'), NOTIFY_MODE: 'log' }).notifyMode).toBe('log');
    expect(refusal({ ...without('SMTP_URL'), NOTIFY_MODE: 'smtp' }).variable).toBe('SMTP_URL');
    expect(refusal({ ...PRODUCTION_ENV, NOTIFY_MODE: 'sandbox' }).variable).toBe('NOTIFY_MODE');
    expect(loadConfig({ ...PRODUCTION_ENV, NOTIFY_MODE: 'sandbox', ALLOW_SANDBOX: 'true' }).notifyMode).toBe(
      'sandbox',
    );
    expect(loadConfig(PRODUCTION_ENV).smsMode).toBe('termii');
    const noSms = refusal(without('TERMII_API_KEY'));
    expect([noSms.variable, noSms.message]).toEqual([
      'TERMII_API_KEY',
      expect.stringContaining('SMS_MODE=log'),
    ]);
    expect(loadConfig({ ...without('TERMII_API_KEY'), SMS_MODE: 'log' }).smsMode).toBe('log');
    expect(refusal({ ...without('TERMII_API_KEY'), SMS_MODE: 'termii' }).variable).toBe('TERMII_API_KEY');
    expect(refusal({ ...PRODUCTION_ENV, SMS_MODE: 'sandbox' }).variable).toBe('SMS_MODE');
    expect(refusal(without('METRICS_TOKEN')).variable).toBe('METRICS_TOKEN');
    expect(refusal(without('METRICS_PORT')).variable).toBe('METRICS_PORT');
    expect(refusal(without('KYC_ENCRYPTION_KEY')).variable).toBe('KYC_ENCRYPTION_KEY');
    expect(refusal(without('PIN_HMAC_KEY')).variable).toBe('PIN_HMAC_KEY');
    expect(refusal(without('JWT_SECRET')).variable).toBe('JWT_SECRET');
    expect(refusal({ ...PRODUCTION_ENV, PIN_HMAC_KEY: 'too short' }).variable).toBe('PIN_HMAC_KEY');
    expect(refusal(without('DOJAH_APP_ID')).variable).toBe('DOJAH_APP_ID');
    expect(refusal(without('DOJAH_SECRET_KEY')).variable).toBe('DOJAH_SECRET_KEY');
    expect(refusal({ ...PRODUCTION_ENV, KYC_ENCRYPTION_KEY: 'x'.repeat(44) }).variable).toBe(
      'KYC_ENCRYPTION_KEY',
    );
    expect(refusal({ ...PRODUCTION_ENV, METRICS_TOKEN: 'short' }).variable).toBe('METRICS_TOKEN');
    expect(refusal({ ...PRODUCTION_ENV, METRICS_PORT: '3000' }).variable).toBe('METRICS_PORT');
  });

  it('keeps development and test working with no configuration at all', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).gatewayMode).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'test' }).payoutMode).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'test' }).notifyMode).toBe('sandbox');
    expect(loadConfig({ NODE_ENV: 'test' }).smsMode).toBe('sandbox');
  });
});

describe('a production app', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('pglite', PRODUCTION_ENV);
  });
  afterAll(async () => {
    await t.close();
  });

  it('has no sandbox gateway and no simulator knobs', async () => {
    for (const [method, url] of [
      ['GET', '/sandbox/checkout/VND-1234'],
      ['POST', '/sandbox/checkout/VND-1234'],
      ['POST', '/v1/admin/providers/knobs'],
    ] as const) {
      const res = await t.app.inject({ method, url, payload: { outcome: 'success' } });
      expect(res.statusCode, url).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
  });

  it('refuses withdrawals with PAYOUT_MODE=disabled before holding anything', async () => {
    const u = await registerUser(t.app);
    const wallets = (await t.app.inject({ method: 'GET', url: '/v1/wallets', headers: u.auth })).json();
    const walletId = wallets.data[0]?.id ?? '00000000-0000-4000-8000-000000000000';
    const res = await t.app.inject({
      method: 'POST',
      url: `/v1/wallets/${walletId}/withdrawals`,
      headers: { ...u.auth, 'idempotency-key': 'withdraw-disabled-1' },
      payload: { amount: 1000, bankCode: '058', accountNumber: '0123456789' },
    });
    expect(res.statusCode).toBe(503);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().code).toBe('withdrawals_unavailable');
    const resolve = await t.app.inject({
      method: 'POST',
      url: '/v1/payout-accounts/resolve',
      headers: u.auth,
      payload: { bankCode: '058', accountNumber: '0123456789' },
    });
    expect(resolve.json().code).toBe('withdrawals_unavailable');
    const held = await t.ctx.db.query('SELECT 1 FROM wallets.withdrawals');
    expect(held.rowCount).toBe(0);
  });
});
