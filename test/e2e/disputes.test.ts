import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  expectNoConsoleErrors,
  fundThroughCheckout,
  HAVE_CHROMIUM,
  logIn,
  openPage,
  PHONE,
  shootBoth,
  uniqueEmail,
  waitForAttribute,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';

describe.skipIf(!HAVE_CHROMIUM)('disputes (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('a customer reports a lost token from the payment page; an operator resolves it as delivered from the queue', async () => {
    const email = uniqueEmail('tunde');
    const customer = new Api(server.baseUrl);
    await customer.register({ fullName: 'Tunde Bakare', email, password: PASSWORD });
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    await fundThroughCheckout(customer, page, 1_000_000);
    const wallet = await customer.wallet();
    const paid = await customer.post<{ id: string }>(
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

    await logIn(page, email, PASSWORD);
    await page.goto(`/bills/payments/${paid.id}`);
    await waitForAttribute(page.getByTestId('bill-status'), 'data-status', 'succeeded', 45_000);
    await page.getByTestId('report-problem').click();
    const form = page.getByTestId('report-problem-form');
    await form.getByLabel('What went wrong?').selectOption('token_not_received');
    await form.getByLabel('What happened?').fill('The token never reached my phone');
    await page.getByTestId('report-problem-submit').click();
    await waitForText(page.getByTestId('dispute-tracking'), /DSP-\d{4}-\d{6}/);
    const tracking = /DSP-\d{4}-\d{6}/.exec(
      (await page.getByTestId('dispute-tracking').textContent()) ?? '',
    )![0];
    await shootBoth(page, 'dispute-reported');

    const ops = await openPage(browser, server.baseUrl);
    await logIn(ops.page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ops.page.goto('/admin/disputes');
    const row = ops.page.getByTestId(`dispute-row-${tracking}`);
    await row.waitFor({ timeout: 20_000 });
    await shootBoth(ops.page, 'admin-disputes');
    await row.getByRole('link', { name: tracking }).click();
    await ops.page.getByTestId('admin-dispute-detail').waitFor();
    await ops.page.getByTestId('dispute-subject-timeline').waitFor();
    await ops.page.getByTestId('resolve-dispute').click();
    const dialog = ops.page.getByTestId('resolve-dispute-dialog');
    await dialog.getByLabel('Outcome').selectOption('delivered');
    await dialog.getByLabel('Reason').fill('Provider confirmed delivery; token sent again');
    await shootBoth(ops.page, 'admin-dispute-resolve');
    await dialog.getByTestId('resolve-dispute-confirm').click();
    await waitForAttribute(ops.page.getByTestId('admin-dispute-detail'), 'data-status', 'resolved_delivered');

    await page.goto('/disputes');
    await page.getByTestId(`dispute-${tracking}`).click();
    await waitForAttribute(page.getByTestId('dispute-detail'), 'data-status', 'resolved_delivered');
    // Its email is not verified: the token is not emailed, the note says where it is.
    await waitForText(page.getByTestId('dispute-messages'), /Your token is on the payment in the app/);
    await shootBoth(page, 'dispute-resolved');
    expectNoConsoleErrors(tab);
    expectNoConsoleErrors(ops);
    expect(tracking).toMatch(/^DSP-/);
  });
});
