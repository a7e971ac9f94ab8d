import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Api,
  enterPin,
  expectNoConsoleErrors,
  forgetExpectedRefusals,
  fundThroughCheckout,
  HAVE_CHROMIUM,
  launch,
  logIn,
  openPage,
  PHONE,
  shootBoth,
  uniqueEmail,
  uniquePhone,
  waitForAttribute,
  waitForText,
} from './browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer, startServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';

/** The bills form up to the amount: electricity prepaid, the meter verified. */
async function electricityDetails(page: Page, meter: string) {
  await page.goto('/bills');
  await page.getByTestId('category-electricity').click();
  await page.locator('[data-testid^="biller-"]:not([disabled])').first().click();
  await page.locator('[data-testid^="product-"][data-kind="prepaid"]').first().click();
  await page.getByLabel('Meter number').fill(meter);
  await page.getByTestId('validate-customer').click();
  await page.getByTestId('customer-details').waitFor();
}

/** A customer made through the API (PIN set), funded through the checkout, logged in on the page. */
async function fundedCustomer(
  server: RunningServer,
  page: Page,
  name: string,
  kobo: number,
  phone = uniquePhone(),
) {
  const api = new Api(server.baseUrl);
  const email = uniqueEmail(name);
  await api.register({ fullName: `${name} Test`, email, password: PASSWORD, phone });
  await fundThroughCheckout(api, page, kobo);
  await logIn(page, email, PASSWORD);
  return { api, email, phone };
}

describe.skipIf(!HAVE_CHROMIUM)('the customer app, polished (browser)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer({
      SUPPORT_EMAIL: 'help@vendra.test',
      SUPPORT_PHONE: '+234 800 000 0000',
      SUPPORT_WHATSAPP: 'https://wa.me/2348000000000',
    });
    browser = await launch();
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a new phone visitor sees what Vendra is and signs up first; the password rule is the same on both sides; a taken email offers log in', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    await page.goto('/');
    await page.waitForURL(/\/signup$/);
    await page.getByTestId('auth-intro').waitFor();
    expect(await page.getByTestId('auth-intro').isVisible()).toBe(true);
    await waitForText(page.getByTestId('auth-intro'), /Pay bills, send money/);
    await shootBoth(page, 'first-contact');

    // The form states the server's rule and refuses a common password before sending anything.
    const taken = uniqueEmail('taken');
    await new Api(server.baseUrl).register({ fullName: 'Taken Already', email: taken, password: PASSWORD });
    await waitForText(page.locator('.password-field'), /At least 10 characters, not a common password/);
    await page.getByLabel('Full name').fill('Bisi Ade');
    await page.getByLabel('Email').fill(taken);
    await page.getByLabel('Password', { exact: true }).fill('1234567890');
    let sent = 0;
    page.on('request', (r) => r.url().endsWith('/v1/auth/register') && sent++);
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForText(page.locator('.password-field'), /too common/);
    // Long and not on the list, yet easy to guess (zxcvbn-ts, as the server checks it): refused before sending.
    await page.getByLabel('Password', { exact: true }).fill('football2024x');
    await page.getByRole('button', { name: 'Create account' }).click();
    await waitForText(page.locator('.password-field'), /too easy to guess/);
    expect(sent).toBe(0);
    await shootBoth(page, 'signup-common-password');

    // A good password for an email that has an account: the refusal sits under the email, with "Log in instead".
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByTestId('login-instead').waitFor();
    expect(await page.getByTestId('form-error').count()).toBe(0);
    await shootBoth(page, 'signup-email-taken');
    await page.getByTestId('login-instead').click();
    await page.waitForURL(/\/login/);
    expect(await page.getByLabel('Email').inputValue()).toBe(taken);
    forgetExpectedRefusals(tab, 409);
    expectNoConsoleErrors(tab);
    await tab.close();
  });

  it('refuses a negative amount visibly, offers quick amounts, and a failed payment speaks plainly with Try again', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    await fundedCustomer(server, page, 'chidi', 1_000_000);
    await electricityDetails(page, '3333333333333');

    // "-5" is not paid as ₦5: the field says why and the review does not open.
    await page.getByLabel('Amount').fill('-5');
    await waitForText(page.locator('.field-error').first(), /greater than zero/);
    await page.getByTestId('bill-review-button').click();
    expect(await page.getByTestId('bill-review').count()).toBe(0);
    expect(await page.getByLabel('Amount').inputValue()).toBe('-5');
    await shootBoth(page, 'amount-negative');

    // Quick amounts fill the field.
    await page.getByTestId('quick-amounts').waitFor();
    await page.getByTestId('quick-100000').click();
    expect(await page.getByLabel('Amount').inputValue()).toBe('1000.00');
    await page.getByTestId('fee-preview').waitFor();
    await shootBoth(page, 'amount-quick');
    await page.getByTestId('bill-review-button').click();
    await page.getByTestId('bill-review').waitFor();
    await enterPin(page);
    await page.getByTestId('bill-pay').click();
    await page.waitForURL(/\/bills\/payments\//);
    await waitForAttribute(page.getByTestId('bill-status'), 'data-status', 'failed', 45_000);

    // Plain words, the amount back in the wallet, no provider codes anywhere on the screen.
    await waitForText(
      page.getByTestId('money-back'),
      /The electricity company could not complete this purchase\. ₦1,\d{3}\.\d\d is back in your wallet\./,
    );
    const text = (await page.locator('main').textContent()) ?? '';
    expect(text).not.toMatch(/vtpass|016|held from|sent to/i);
    expect(await page.getByTestId('token-block').count()).toBe(0);
    await shootBoth(page, 'bill-failed-plain');

    // Try again: the same meter and amount, checked again, straight to the review.
    await page.getByTestId('try-again').click();
    await page.getByTestId('bill-review').waitFor();
    await waitForText(page.getByTestId('bill-review'), /3333333333333/);
    expectNoConsoleErrors(tab);
    await tab.close();
  });

  it('a frozen account is told what it can and cannot do and how to reach support', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const api = new Api(server.baseUrl);
    const email = uniqueEmail('frozen');
    const user = await api.register({ fullName: 'Femi Frozen', email, password: PASSWORD });
    const admin = new Api(server.baseUrl);
    await admin.login(ADMIN_EMAIL, ADMIN_PASSWORD);
    await admin.post(`/v1/admin/users/${user.id}/freeze`, { reason: 'checking a report' });

    await page.goto('/login');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByTestId('frozen-notice').waitFor();
    await waitForText(page.getByTestId('frozen-cannot'), /Send money.*Withdraw to a bank.*Pay bills/s);
    await waitForText(page.getByTestId('frozen-can'), /Receive money/);
    await waitForText(page.getByTestId('support-contact'), /help@vendra\.test/);
    expect(await page.getByTestId('support-whatsapp').getAttribute('href')).toBe(
      'https://wa.me/2348000000000',
    );
    await shootBoth(page, 'login-frozen');
    forgetExpectedRefusals(tab, 403);
    expectNoConsoleErrors(tab);
    await tab.close();
  });

  it('bills: searches billers, prepaid first, airtime from your own number with the network detected, each saved meter once, saved, removed and hidden', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const own = `0803${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const { api } = await fundedCustomer(server, page, 'kemi', 3_000_000, own);
    const wallet = await api.wallet();
    // The same meter paid twice.
    for (let i = 0; i < 2; i++) {
      const p = await api.post<{ id: string }>(
        '/v1/bill-payments',
        {
          walletId: wallet.id,
          billerId: 'ikeja-electric',
          productCode: 'prepaid',
          customerRef: '1111111111111',
          amount: 500_000,
        },
        true,
      );
      await expect
        .poll(async () => (await api.get<{ status: string }>(`/v1/bill-payments/${p.id}`)).status, {
          timeout: 45_000,
        })
        .toBe('succeeded');
    }

    await page.goto('/bills');
    await page.getByTestId('category-electricity').click();
    await page.getByLabel('Search providers').fill('eko');
    await expect.poll(() => page.locator('[data-testid^="biller-"]').count()).toBe(1);
    await page.getByTestId('biller-eko-electric').waitFor();
    await page.getByLabel('Search providers').fill('zzz');
    await page.getByTestId('biller-search-empty').waitFor();
    await page.getByLabel('Search providers').fill('ikeja');
    await shootBoth(page, 'bills-search');
    await page.getByTestId('biller-ikeja-electric').click();
    expect(await page.locator('[data-testid^="product-"]').first().getAttribute('data-kind')).toBe('prepaid');

    // Each meter once in "Pay again"; saved as a linked account (named), removed, hidden.
    await expect.poll(() => page.getByTestId('pay-again-1111111111111').count()).toBe(1);
    await shootBoth(page, 'bills-pay-again');
    await page.getByTestId('link-saved-1111111111111').click();
    await waitForText(page.getByTestId('saved-notice'), /saved/);
    await waitForAttribute(page.getByTestId('saved-entry').first(), 'data-linked', 'true');
    await page.getByTestId('remove-saved-1111111111111').click();
    await waitForText(page.getByTestId('saved-notice'), /removed/);
    await waitForAttribute(page.getByTestId('saved-entry').first(), 'data-linked', 'false');
    await page.getByTestId('hide-saved-1111111111111').click();
    await expect.poll(() => page.getByTestId('saved-entry').count()).toBe(0);

    // Airtime: your own number offered; the network comes from the prefix.
    await page.getByTestId('category-airtime').click();
    await page.getByTestId('phone-first').waitFor();
    await shootBoth(page, 'airtime-number-first');
    await page.getByTestId('use-my-number').click();
    await page.getByTestId('bill-details').waitFor();
    expect(await page.locator('#customerRef').inputValue()).toBe(own);
    expect(await page.getByTestId('biller-mtn').getAttribute('aria-pressed')).toBe('true');
    await page.getByTestId('quick-amounts').waitFor();
    await shootBoth(page, 'airtime-detected');
    await page.getByTestId('change-biller').click();
    await page.getByLabel('Phone number to top up').fill('08021234567');
    await page.getByTestId('bill-details').waitFor();
    expect(await page.getByTestId('biller-airtel').getAttribute('aria-pressed')).toBe('true');
    expectNoConsoleErrors(tab);
    await tab.close();
  });

  it('hides and shows balances, follows the system dark mode, shows the profile and referral code, fits 320 px, and keeps focus boxes for controls only', async () => {
    const tab = await openPage(browser, server.baseUrl, { width: 320, height: 720 });
    const { page } = tab;
    const api = new Api(server.baseUrl);
    const email = `a-very-long-email-address-for-a-narrow-phone-${Date.now()}@example-organisation.com.ng`;
    await api.register({ fullName: 'Ngozi Long-Email Okonkwo-Adeyemi', email, password: PASSWORD });
    await logIn(page, email, PASSWORD);
    await page.getByTestId('wallet-NGN').waitFor();

    // Hide, then show, the balance; remembered across a reload.
    await page.getByTestId('toggle-balance').click();
    await waitForAttribute(page.getByTestId('wallet-balance'), 'data-hidden', 'true');
    expect((await page.getByTestId('wallet-balance').textContent()) ?? '').not.toMatch(/\d/);
    await page.reload();
    await waitForAttribute(page.getByTestId('wallet-balance'), 'data-hidden', 'true');
    await shootBoth(page, 'home-balance-hidden');
    await page.getByTestId('toggle-balance').click();
    await waitForText(page.getByTestId('wallet-balance'), '₦0.00');

    // No page is wider than a 320 px phone.
    const overflow = () => page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth');
    for (const path of ['/', '/history', '/profile', '/rewards', '/bills']) {
      await page.goto(path);
      await page.locator('#page-title').waitFor();
      await page.waitForTimeout(300);
      expect(await overflow(), path).toBeLessThanOrEqual(0);
    }
    await page.getByTestId('user-menu-button').click();
    await page.locator('.menu-head').waitFor();
    expect(await overflow()).toBeLessThanOrEqual(0);
    await page.keyboard.press('Escape');

    // The profile: name, email, tier, referral code and the way to every setting.
    await page.goto('/profile');
    await waitForText(page.getByTestId('profile-email'), email);
    await waitForText(page.getByTestId('profile-tier'), /Tier \d/);
    const code = ((await page.getByTestId('profile-referral').textContent()) ?? '').trim();
    expect(code).toMatch(/^[A-Z0-9]{4,}$/);
    for (const id of ['profile-pin', 'profile-password', 'profile-sessions', 'profile-notifications'])
      await page.getByTestId(id).waitFor();
    await shootBoth(page, 'profile');
    await page.goto('/rewards');
    await waitForText(page.getByTestId('referral-code'), code);
    await shootBoth(page, 'rewards-invite');

    // After navigation the heading has focus but no box; a control reached by keyboard keeps its box.
    await page.getByTestId('user-menu-button').click();
    await page.getByTestId('menu-profile').click();
    await page.waitForURL(/\/profile$/);
    await expect
      .poll(() => page.evaluate<string | undefined>('document.activeElement?.id'))
      .toBe('page-title');
    expect(
      await page.evaluate<string>("getComputedStyle(document.getElementById('page-title')).outlineStyle"),
    ).toBe('none');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate<{ tag: string; outline: string }>(
      '({ tag: document.activeElement.tagName, outline: getComputedStyle(document.activeElement).outlineStyle })',
    );
    expect(focused.tag).toMatch(/^(A|BUTTON|INPUT)$/);
    expect(focused.outline).not.toBe('none');

    // Dark mode follows the system.
    await page.emulateMedia({ colorScheme: 'dark' });
    const bg = await page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const [r = 255, g = 255, b = 255] = (bg.match(/\d+/g) ?? []).map(Number);
    expect(r + g + b).toBeLessThan(120);
    await shootBoth(page, 'profile-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    expectNoConsoleErrors(tab);
    await tab.close();
  });

  it('prints a receipt with one header and the token in its row; the token and the receipt can be shared', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const { api } = await fundedCustomer(server, page, 'tunde', 1_000_000);
    const wallet = await api.wallet();
    const paid = await api.post<{ id: string }>(
      '/v1/bill-payments',
      {
        walletId: wallet.id,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 300_000,
      },
      true,
    );
    await page.goto(`/bills/payments/${paid.id}`);
    await waitForAttribute(page.getByTestId('bill-status'), 'data-status', 'succeeded', 45_000);
    const token = ((await page.getByTestId('bill-token').textContent()) ?? '').trim();
    const whatsapp = (await page.getByTestId('share-token-whatsapp').getAttribute('href')) ?? '';
    expect(decodeURIComponent(whatsapp)).toContain(token);
    await page.getByTestId('share-receipt-png').waitFor();

    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.receipt .card-head').isVisible()).toBe(false);
    expect(await page.locator('.receipt-brand').isVisible()).toBe(true);
    expect(await page.getByTestId('token-block').isVisible()).toBe(false);
    expect(await page.locator('.page-header').isVisible()).toBe(false);
    await waitForText(page.getByTestId('receipt-token'), token);
    expect(await page.getByTestId('receipt-token').isVisible()).toBe(true);
    await shootBoth(page, 'receipt-print');
    await page.emulateMedia({ media: 'screen' });
    expectNoConsoleErrors(tab);
    await tab.close();
  });
});
