import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  expectNoConsoleErrors,
  HAVE_CHROMIUM,
  openPage,
  shootBoth,
  signUp,
  uniqueEmail,
  uniquePhone,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import type { RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';
const FIREFOX_WINDOWS = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:127.0) Gecko/20100101 Firefox/127.0';
const ANDROID_APP = 'VendraApp/2.1 (Android 14; Pixel 8)';

/** Logs in from another device (its User-Agent); returns a client holding that session's access token. */
async function loginElsewhere(baseUrl: string, email: string, userAgent: string): Promise<Api> {
  const other = new Api(baseUrl);
  const auth = await other.call<{ accessToken: string }>(
    'POST',
    '/v1/auth/login',
    { email, password: PASSWORD },
    { 'user-agent': userAgent },
  );
  other.token = auth.accessToken;
  return other;
}

/** Whether the client's session still works. */
const stillIn = (api: Api) =>
  api.get('/v1/me').then(
    () => true,
    () => false,
  );

describe.skipIf(!HAVE_CHROMIUM)('security: sessions (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('lists the sessions, tells of a new device, and logs out one, every other, then this one', async () => {
    const tab = await openPage(browser, server.baseUrl);
    const { page } = tab;
    const email = uniqueEmail('chioma');
    await signUp(page, { fullName: 'Chioma Eze', email, password: PASSWORD, phone: uniquePhone() });
    await waitForText(page.getByTestId('live-state'), 'Live', 20_000);

    // A login from a new device: the open app says so.
    const laptop = await loginElsewhere(server.baseUrl, email, FIREFOX_WINDOWS);
    await waitForText(page.getByTestId('toasts'), /New login on Firefox on Windows/);

    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('menu-security').click();
    await page.waitForURL((url) => url.pathname === '/security');
    const rows = page.getByTestId('session-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    await expect(rows.first().getByTestId('this-device').textContent()).resolves.toBe('This device');
    await waitForText(rows.nth(1).getByTestId('session-device'), 'Firefox on Windows');
    await shootBoth(page, 'security-sessions');

    // Log out the laptop: its session ends at once.
    await rows.nth(1).getByTestId('session-logout').click();
    await waitForText(page.getByTestId('security-notice'), 'Logged out Firefox on Windows.');
    expect(await rows.count()).toBe(1);
    expect(await stillIn(laptop)).toBe(false);

    // Two more devices, then "Log out everywhere else".
    const phone = await loginElsewhere(server.baseUrl, email, ANDROID_APP);
    const laptopAgain = await loginElsewhere(server.baseUrl, email, FIREFOX_WINDOWS);
    await page.reload();
    await rows.nth(2).waitFor();
    await page.getByTestId('revoke-others').click();
    await waitForText(page.getByTestId('security-notice'), 'Logged out 2 other sessions.');
    expect(await rows.count()).toBe(1);
    expect(await stillIn(phone)).toBe(false);
    expect(await stillIn(laptopAgain)).toBe(false);

    // This device's own "Log out" is a logout.
    await rows.first().getByTestId('session-logout').click();
    await page.waitForURL((url) => url.pathname === '/login');
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);
});
