/** Identity numbers never reach a log: not at debug level, not during a verification, not in an object logged. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { lineSink } from '../test-support/logs.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { post } from '../test-support/http.js';
import { verifyContacts } from '../test-support/contacts.js';
import { registerUser } from '../test-support/users.js';

describe.each(backends())('KYC logs on %s', (backend) => {
  const lines: string[] = [];
  let t: TestApp;
  beforeAll(async () => {
    const sink = lineSink(lines);
    // The production logger, at debug level, writing where the test can read it.
    t = await createTestApp(backend, {}, { log: createLogger('debug', false, sink) });
  });
  afterAll(async () => {
    await t.close();
  });

  it('logs the verification without the BVN, the NIN or the ID number', async () => {
    const user = await registerUser(t.app, { phone: `0816${String(Date.now()).slice(-7)}` });
    await verifyContacts(t.ctx.db, user.id);
    expect(
      (await post(t.app, user, '/v1/me/kyc/bvn', { bvn: '22222222222', dateOfBirth: '1990-01-01' }, null))
        .statusCode,
    ).toBe(200);
    expect((await post(t.app, user, '/v1/me/kyc/nin', { nin: '22222222223' }, null)).statusCode).toBe(422);
    expect((await post(t.app, user, '/v1/me/kyc/nin', { nin: '11111111111' }, null)).statusCode).toBe(200);
    const tier3 = { address: '1 Marina, Lagos Island', idType: 'passport', idNumber: 'B98765432' };
    expect((await post(t.app, user, '/v1/me/kyc/tier3', tier3, null)).statusCode).toBe(202);
    // Whatever logs a request body or a profile by mistake is redacted too.
    t.ctx.log.debug({ body: { bvn: '22222222222', nin: '11111111111' }, idNumber: 'B98765432' }, 'careless');

    const all = lines.join('');
    expect(all).toContain('kyc verification'); // the attempts were logged...
    expect(all).toContain('"last4":"2222"');
    for (const secret of ['22222222222', '22222222223', '11111111111', 'B98765432'])
      expect(all).not.toContain(secret); // ...without the numbers
    expect(all).toContain('[redacted]');
  });
});
