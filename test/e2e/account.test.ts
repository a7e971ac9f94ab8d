import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  balance,
  depositViaCheckout,
  E2E_PIN,
  enterPin,
  expectNoConsoleErrors,
  forgetExpectedRefusals,
  HAVE_CHROMIUM,
  logIn,
  openPage,
  PHONE,
  pressPin,
  setPinInUi,
  shootBoth,
  signUp,
  uniqueEmail,
  uniquePhone,
  verifyPhone,
  waitForAttribute,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import type { RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';
const NEW_PASSWORD = 'a fresh passphrase 2024';
const INBOX_WAIT_MS = 30_000;

interface InboxMessage {
  to: string;
  channel: string;
  subject: string;
  text: string;
  createdAt: string;
}

/** Polls the sandbox inbox (JSON) for `to` until a message matches; fails after INBOX_WAIT_MS. */
async function waitForMessage(
  baseUrl: string,
  to: string,
  matches: (m: InboxMessage) => boolean,
): Promise<InboxMessage> {
  const deadline = Date.now() + INBOX_WAIT_MS;
  while (Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/sandbox/inbox?to=${encodeURIComponent(to)}`, {
      headers: { accept: 'application/json' },
    });
    expect(res.status).toBe(200);
    const { data } = (await res.json()) as { data: InboxMessage[] };
    const found = data.find(matches);
    if (found) return found;
    await new Promise((r) => setTimeout(r, 300));
  }
  const all = await fetch(`${baseUrl}/sandbox/inbox`, { headers: { accept: 'application/json' } });
  throw new Error(`no matching message for ${to} in the sandbox inbox: ${await all.text()}`);
}

/** The first link to `path` in a message's text. */
function linkIn(message: InboxMessage, path: string): string {
  const link = new RegExp(`https?://[^\\s"'<>]+${path}\\?token=[^\\s"'<>]+`).exec(message.text)?.[0];
  if (!link) throw new Error(`no ${path} link in: ${message.text}`);
  return link;
}

/** Electricity prepaid for a meter through the UI; returns the token shown. */
async function payElectricity(page: Page, meter: string, amountMajor: string): Promise<string> {
  await page.goto('/bills');
  await page.getByTestId('category-electricity').click();
  await page.locator('[data-testid^="biller-"]:not([disabled])').first().click();
  await page.locator('[data-testid^="product-"][data-kind="prepaid"]').first().click();
  await page.getByLabel('Meter number').fill(meter);
  await page.getByTestId('validate-customer').click();
  await page.getByTestId('customer-details').waitFor();
  await page.getByLabel('Amount').fill(amountMajor);
  await page.getByTestId('fee-preview').waitFor();
  await page.getByTestId('bill-review-button').click();
  await page.getByTestId('bill-review').waitFor();
  await enterPin(page);
  await page.getByTestId('bill-pay').click();
  await page.waitForURL(/\/bills\/payments\//);
  await waitForAttribute(page.getByTestId('bill-status'), 'data-status', 'succeeded', 45_000);
  return ((await page.getByTestId('bill-token').textContent()) ?? '').trim();
}

/** An API call with `token` as the bearer: its HTTP status. */
async function statusWith(baseUrl: string, token: string, path = '/v1/me'): Promise<number> {
  const res = await fetch(baseUrl + path, { headers: { authorization: `Bearer ${token}` } });
  return res.status;
}

describe.skipIf(!HAVE_CHROMIUM)('account recovery and notifications (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('verifies the email from the inbox, gets the token by SMS, email and the bell, and resets a forgotten password', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('ngozi');
    // The browser's own access token, as the API handed it out.
    let browserToken: string | null = null;
    page.on('response', async (res) => {
      if (!/\/v1\/auth\/(register|login|refresh)$/.test(new URL(res.url()).pathname) || !res.ok()) return;
      const body = (await res.json().catch(() => null)) as { accessToken?: string } | null;
      if (body?.accessToken) browserToken = body.accessToken;
    });
    const phone = uniquePhone();
    await signUp(page, { fullName: 'Ngozi Nwosu', email, password: PASSWORD, phone });

    // Verify the email: the link comes from the sandbox inbox and is opened in the page.
    await page.getByTestId('verify-email-banner').getByRole('button', { name: 'Verify' }).click();
    await waitForText(page.getByTestId('verify-email-banner'), /We sent a link/);
    const verifyMail = await waitForMessage(server.baseUrl, email, (m) => m.text.includes('/verify-email?'));
    expect(verifyMail.channel).toBe('email');
    await page.goto(linkIn(verifyMail, '/verify-email'));
    await page.getByTestId('email-verified').waitFor({ timeout: 20_000 });
    // And the phone, by the code texted to it: only verified contacts receive tokens.
    await verifyPhone(page, server.baseUrl, phone);

    // Set the transaction PIN (Security): every payment is confirmed with it on the PIN pad.
    await setPinInUi(page);

    // Fund the wallet, then pay electricity with the PIN: the token arrives by SMS, by email and in the bell.
    await depositViaCheckout(page, '10000');
    await waitForText(balance(page), '₦10,000.00', 30_000);
    const token = await payElectricity(page, '1111111111111', '5000');
    expect(token).toMatch(/^\d{4}( \d{4})+$/);
    // The page and the messages both group the digits in fours, as they are typed into a meter.
    const api = new Api(server.baseUrl);
    await api.login(email, PASSWORD);
    const me = await api.get<{ phone: string | null }>('/v1/me');
    expect(me.phone).toBeTruthy();
    const sms = await waitForMessage(server.baseUrl, me.phone ?? '', (m) => m.text.includes(token));
    expect(sms.channel).toBe('sms');
    const tokenMail = await waitForMessage(server.baseUrl, email, (m) => m.text.includes(token));
    expect(tokenMail.channel).toBe('email');

    // The bell counts it (live, no reload) and its list has the token.
    await waitForText(page.getByTestId('unread-count'), /^[1-9]\d*$/, 20_000);
    await shootBoth(page, 'bell-unread');
    await page.getByTestId('notification-bell').click();
    await page.waitForURL(/\/notifications$/);
    const item = page.locator('[data-testid="notification"][data-template="token_delivered"]').first();
    await waitForAttribute(item, 'data-read', 'false');
    await shootBoth(page, 'notifications');
    await item.click();
    await waitForText(item.getByTestId('notification-text'), token);
    await waitForAttribute(item, 'data-read', 'true');
    // Security messages cannot be turned off: shown disabled, with a note.
    expect(await page.getByTestId('pref-security-email').isDisabled()).toBe(true);
    expect(await page.getByTestId('pref-payments-sms').isDisabled()).toBe(false);
    await page.getByTestId('locked-note').waitFor();
    // A low-balance alert: the amount kept with the preferences.
    await page.getByLabel('Tell me when my balance is below').fill('2000');
    await page.getByTestId('low-balance-save').click();
    await page.getByTestId('low-balance-saved').waitFor();
    await waitForText(page.getByTestId('low-balance-status'), /below ₦2,000\.00/);
    await page.getByTestId('mark-all-read').click();
    await page.getByTestId('unread-count').waitFor({ state: 'detached' });
    await shootBoth(page, 'notifications-read');

    // Log out; forgot password; the reset link from the inbox; a new password; log in with it.
    const oldToken = browserToken as string | null;
    expect(oldToken).toBeTruthy();
    expect(await statusWith(server.baseUrl, api.token ?? '')).toBe(200);
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('logout').click();
    await page.waitForURL(/\/login/);
    await page.getByTestId('forgot-link').click();
    await page.locator('#email').fill(email);
    await page.getByRole('button', { name: 'Send reset link' }).click();
    await page.getByTestId('forgot-sent').waitFor();
    const resetMail = await waitForMessage(server.baseUrl, email, (m) => m.text.includes('/reset-password?'));
    await page.goto(linkIn(resetMail, '/reset-password'));
    await page.locator('#newPassword').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Set new password' }).click();
    await page.getByTestId('reset-done').waitFor();
    await shootBoth(page, 'reset-done');

    // The old sessions are gone: the browser's and the one still open elsewhere (the API client).
    expect(await statusWith(server.baseUrl, oldToken ?? '')).toBe(401);
    expect(await statusWith(server.baseUrl, api.token ?? '')).toBe(401);
    await logIn(page, email, NEW_PASSWORD);
    await page.getByTestId('wallet-NGN').waitFor({ timeout: 20_000 });
    await expect(new Api(server.baseUrl).login(email, PASSWORD)).rejects.toThrow(/401/);
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 240_000);
  it('changes the transaction PIN, and resets a forgotten one with a code sent by SMS to the verified phone', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('femi');
    await signUp(page, { fullName: 'Femi Ade', email, password: PASSWORD, phone: uniquePhone() });
    await page.getByTestId('set-pin-banner').waitFor();
    await setPinInUi(page);
    await shootBoth(page, 'security-pin');
    const api = new Api(server.baseUrl);
    await api.login(email, PASSWORD);
    const { phone } = await api.get<{ phone: string }>('/v1/me');

    // Change: a wrong current PIN is refused with the attempts left; then the current one and a new one.
    await page.getByTestId('pin-change').click();
    await pressPin(page.getByTestId('change-pin-current'), '8642');
    await pressPin(page.getByTestId('change-pin-new'), '5937');
    await waitForText(page.getByTestId('change-pin-current-error'), /4 attempts left/);
    await pressPin(page.getByTestId('change-pin-current'), E2E_PIN);
    await pressPin(page.getByTestId('change-pin-new'), '5937');
    await waitForText(page.getByTestId('pin-notice'), /PIN was changed/);
    forgetExpectedRefusals(tab, 403);

    // Forgot it: the code goes to the verified phone only, so verify the phone first (Home's banner).
    await page.goto('/');
    await page.getByTestId('verify-phone-banner').getByRole('button', { name: 'Verify' }).click();
    const verifyCode = await waitForMessage(server.baseUrl, phone, (m) => /code/i.test(m.text));
    await page.locator('#phone-code').fill(/\d{6}/.exec(verifyCode.text)?.[0] ?? '');
    await page.getByTestId('verify-phone-banner').getByRole('button', { name: 'Confirm' }).click();
    await page.getByTestId('phone-verified').waitFor();
    await page.goto('/security');
    await page.getByTestId('pin-forgot').click();
    await page.getByTestId('pin-reset-send').click();
    await page.getByTestId('pin-reset-form').waitFor();
    const resetCode = await waitForMessage(
      server.baseUrl,
      phone,
      (m) => /code/i.test(m.text) && m.text !== verifyCode.text,
    );
    await page.getByLabel('Code from the SMS').fill(/\d{6}/.exec(resetCode.text)?.[0] ?? '');
    await pressPin(page.getByTestId('pin-reset-new'), '2846');
    await page.getByTestId('pin-reset-confirm').click();
    await waitForText(page.getByTestId('pin-notice'), /new PIN is set/);
    await shootBoth(page, 'security-pin-reset');
    // The new PIN is the one money moves with now.
    const wallet = await api.wallet();
    const move = (pin: string) =>
      fetch(`${server.baseUrl}/v1/wallets/${wallet.id}/withdrawals`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${api.token}`,
          'content-type': 'application/json',
          'idempotency-key': crypto.randomUUID(),
          'x-transaction-pin': pin,
        },
        body: JSON.stringify({ amount: 100_00, bankCode: '058', accountNumber: '0123456789' }),
      }).then(async (r) => ((await r.json()) as { code?: string }).code);
    expect(await move('5937')).toBe('pin_invalid');
    expect(String(await move('2846'))).not.toMatch(/^pin_/);
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);
});
