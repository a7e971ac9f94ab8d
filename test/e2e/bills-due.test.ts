import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  DESKTOP,
  depositViaCheckout,
  enterPin,
  expectNoConsoleErrors,
  HAVE_CHROMIUM,
  logIn,
  openPage,
  PHONE,
  shootBoth,
  signUp,
  uniqueEmail,
  uniquePhone,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';

describe.skipIf(!HAVE_CHROMIUM)('linked accounts, bills due and the biller registry (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  // The sandbox campaign runs, as on a fresh `npm start`: the electricity bill earns its cashback.
  withServerAndBrowser(
    (s, b) => {
      server = s;
      browser = b;
    },
    { SANDBOX_CAMPAIGN: 'on' },
  );

  it('links a water and a postpaid electricity account, sees both bills due and pays both at once', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('tola');
    await signUp(page, { fullName: 'Tola Bakare', email, password: PASSWORD, phone: uniquePhone() });
    await depositViaCheckout(page, '10000');

    await page.goto('/bills/accounts');
    await page.getByLabel('Biller').selectOption('lagos-water');
    await page.getByLabel('Account number').fill('6060606060');
    await page.getByLabel('Nickname (optional)').fill('Home water');
    await page.getByTestId('link-submit').click();
    await waitForText(page.getByTestId('linked-ok'), /registered to [A-Z]+ [A-Z]+/);

    await page.getByLabel('Biller').selectOption('ikeja-electric');
    await page.getByLabel('Product').selectOption('postpaid');
    await page.getByLabel('Meter number').fill('1010101010101');
    await page.getByTestId('link-submit').click();
    await waitForText(page.getByTestId('linked-ok'), /1010101010101: registered to/);
    await expect.poll(() => page.getByTestId('linked-account').count()).toBe(2);

    // Rename the electricity account.
    const power = page.getByTestId('linked-account').filter({ hasText: '1010101010101' });
    await power.getByTestId('rename').click();
    await power.getByLabel('New nickname').fill('Shop meter');
    await power.getByTestId('rename-save').click();
    await waitForText(power.getByTestId('linked-nickname'), 'Shop meter');
    await shootBoth(page, 'linked-accounts');

    await page.goto('/bills/due');
    await expect.poll(() => page.getByTestId('due-bill').count()).toBe(2);
    await waitForText(page.getByTestId('due-totals'), /₦6,800\.00/);
    await waitForText(page.getByTestId('due-bill').first(), /Home water/);
    await shootBoth(page, 'bills-due');
    await page.getByTestId('pay-all').click();
    await enterPin(page);
    await page.getByTestId('pay-all-confirm').click();
    await expect.poll(() => page.getByTestId('pay-all-payment').count()).toBe(2);

    const api = new Api(server.baseUrl);
    await api.login(email, PASSWORD);
    await expect
      .poll(
        async () =>
          (await api.get<{ data: { paymentStatus: string | null }[] }>('/v1/bills/due')).data.map(
            (b) => b.paymentStatus,
          ),
        { timeout: 30_000 },
      )
      .toEqual(['succeeded', 'succeeded']);
    // "2% back on electricity, capped at ₦200": 2% of the ₦4,500.00 electricity bill; none on water.
    await expect
      .poll(
        async () =>
          (await api.get<{ data: { amount: number; status: string }[] }>('/v1/rewards')).data.map(
            (r) => `${r.status}:${r.amount}`,
          ),
        { timeout: 30_000 },
      )
      .toEqual(['paid:9000']);
    expectNoConsoleErrors(tab);
  });

  it('operators disable a biller, change a price (recorded in its history) and sync from the provider', async () => {
    const tab = await openPage(browser, server.baseUrl, DESKTOP);
    const { page } = tab;
    const answers: string[] = [];
    page.on('dialog', (d) => void d.accept(answers.shift()));
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);

    await page.goto('/admin/billers');
    const startimes = page.getByTestId('biller-startimes');
    answers.push('provider outage');
    await startimes.getByTestId('biller-toggle').click();
    await waitForText(startimes.getByTestId('biller-toggle'), 'Enable');

    await page.getByTestId('biller-gotv').getByRole('link').click();
    await page.getByTestId('products-table').waitFor();
    answers.push('900000', 'price rise');
    await page.getByTestId('product-gotv-max').getByRole('button', { name: 'Set price' }).click();
    await waitForText(page.getByTestId('product-gotv-max'), /₦9,000\.00/);
    await waitForText(page.getByTestId('price-history'), /₦8,500\.00/);
    await page.getByTestId('biller-sync').click();
    // The provider still prices it at ₦8,500: the sync brings it back, recorded too.
    await waitForText(page.getByTestId('sync-result'), /1 price change/);
    await expect.poll(() => page.getByTestId('price-change').count()).toBe(2);
    await shootBoth(page, 'admin-biller');
    expectNoConsoleErrors(tab);
  });
});
