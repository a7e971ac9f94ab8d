import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../config.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerStaff, registerUser } from '../test-support/users.js';

describe.each(backends().slice(0, 1))('the support contact on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend, {
      SUPPORT_EMAIL: 'help@vendra.test',
      SUPPORT_PHONE: '+234 800 000 0000',
      SUPPORT_WHATSAPP: 'https://wa.me/2348000000000',
    });
  });
  afterAll(async () => {
    await t.close();
  });

  it('is public, so a frozen account that cannot log in still reaches support', async () => {
    const user = await registerUser(t.app);
    const admin = await registerStaff(t.app, t.ctx.db, 'admin');
    const frozen = await t.app.inject({
      method: 'POST',
      url: `/v1/admin/users/${user.id}/freeze`,
      headers: admin.auth,
      payload: { reason: 'checking a report' },
    });
    expect(frozen.statusCode).toBe(200);
    const login = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    expect(login.json().code).toBe('account_frozen');

    const res = await t.app.inject({ method: 'GET', url: '/v1/support' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      email: 'help@vendra.test',
      phone: '+234 800 000 0000',
      whatsapp: 'https://wa.me/2348000000000',
      frozenAccount: {
        cannot: expect.arrayContaining(['Send money', 'Withdraw to a bank', 'Pay bills or buy airtime']),
        can: [expect.stringMatching(/^Receive money/), expect.stringMatching(/support/)],
      },
    });
  });

  it('leaves out what is not configured, and refuses a bad value naming its variable', () => {
    expect(loadConfig({ NODE_ENV: 'test' }).support).toEqual({
      email: undefined,
      phone: undefined,
      whatsapp: undefined,
    });
    expect(() => loadConfig({ NODE_ENV: 'test', SUPPORT_EMAIL: 'not an email' })).toThrow(ConfigError);
    expect(() => loadConfig({ NODE_ENV: 'test', SUPPORT_WHATSAPP: 'http://wa.me/1' })).toThrow(
      /SUPPORT_WHATSAPP/,
    );
  });
});
