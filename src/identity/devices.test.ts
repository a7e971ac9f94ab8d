/** Devices: recorded at registration and login, hashed; lastNewDeviceLogin(s) skip the first device. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { backends } from '../test-support/db.js';
import { registerUser } from '../test-support/users.js';
import { deviceHash, lastNewDeviceLogin, lastNewDeviceLogins } from './index.js';

describe.each(backends())('devices on %s', (backend) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(backend);
  });
  afterAll(async () => {
    await t.close();
  });

  const login = (email: string, password: string, headers: Record<string, string>) =>
    t.app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password }, headers });
  const devices = async (userId: string) =>
    (
      await t.ctx.db.query<{ device_hash: string; first_seen_at: Date; last_seen_at: Date }>(
        'SELECT device_hash, first_seen_at, last_seen_at FROM identity.devices WHERE user_id = $1 ORDER BY first_seen_at',
        [userId],
      )
    ).rows;

  it('records the registering device and treats it as known, not new', async () => {
    const user = await registerUser(t.app);
    const rows = await devices(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.device_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(await lastNewDeviceLogin(t.ctx.db, user.id)).toBeNull();
    // The same device again (app.inject's User-Agent) is not new either.
    expect((await login(user.email, user.password, {})).statusCode).toBe(200);
    expect(await devices(user.id)).toHaveLength(1);
    expect(await lastNewDeviceLogin(t.ctx.db, user.id)).toBeNull();
  });

  it('notes a login from another User-Agent or X-Device-Id as a new device, hashed', async () => {
    const user = await registerUser(t.app);
    const before = Date.now();
    const phone = { 'user-agent': 'VendraApp/2.1 (Android 14)', 'x-device-id': 'device-abc-123' };
    expect((await login(user.email, user.password, phone)).statusCode).toBe(200);
    const rows = await devices(user.id);
    expect(rows.map((r) => r.device_hash)).toContain(
      deviceHash({ userAgent: phone['user-agent'], deviceId: phone['x-device-id'] }),
    );
    const at = await lastNewDeviceLogin(t.ctx.db, user.id);
    expect(at?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    // Only the hash is stored.
    const raw = JSON.stringify(rows);
    expect(raw).not.toContain('Android');
    expect(raw).not.toContain('device-abc-123');
    // Same user agent, another device id: another device.
    const other = { ...phone, 'x-device-id': 'device-xyz-999' };
    expect((await login(user.email, user.password, other)).statusCode).toBe(200);
    expect(await devices(user.id)).toHaveLength(3);
    // A failed login records nothing.
    expect((await login(user.email, 'wrong password!!', { 'user-agent': 'Intruder/1.0' })).statusCode).toBe(
      401,
    );
    expect(await devices(user.id)).toHaveLength(3);
  });

  it('answers for many people in one call', async () => {
    const a = await registerUser(t.app);
    const b = await registerUser(t.app);
    expect((await login(a.email, a.password, { 'user-agent': 'Other/1.0' })).statusCode).toBe(200);
    const map = await lastNewDeviceLogins(t.ctx.db, [a.id, b.id, a.id]);
    expect([...map.keys()]).toEqual([a.id]);
    expect(await lastNewDeviceLogins(t.ctx.db, [])).toEqual(new Map());
  });
});
