import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  expectNoConsoleErrors,
  HAVE_CHROMIUM,
  logIn,
  openPage,
  shootBoth,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import { ADMIN_EMAIL, ADMIN_PASSWORD, type RunningServer } from './server.js';

describe.skipIf(!HAVE_CHROMIUM)('provider float and settlements (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('an operator records a float top-up, reads the provider balance (no drift) and opens today in settlements', async () => {
    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/float');
    const card = page.getByTestId('float-vtpass');
    await card.waitFor();
    const form = page.getByTestId('topup-form-vtpass');
    await form.getByLabel('Top-up amount').fill('50000');
    await form.getByLabel('Bank reference').fill('GTB-E2E-0001');
    await page.getByTestId('topup-submit-vtpass').click();
    await page.getByText('Top-up recorded for vtpass.').waitFor();
    await waitForText(card, /GTB-E2E-0001/);
    await waitForText(page.getByTestId('float-ours-vtpass'), '₦50,000.00');
    await card.getByRole('button', { name: 'Check balance now' }).click();
    await waitForText(page.getByTestId('float-drift-vtpass'), '₦0.00');
    await shootBoth(page, 'admin-float');

    await page.goto('/admin/settlements');
    const today = page.locator('[data-testid^="settlement-vtpass:"]').first();
    await today.waitFor();
    await waitForText(today, /open/);
    await waitForText(page.getByTestId('gateway-settlements'), /open/);
    await today.getByRole('link').click();
    const figures = page.getByTestId('settlement-figures');
    await waitForText(figures, /Float top-ups\s*₦50,000\.00/);
    await shootBoth(page, 'admin-settlement-day');
    expect(page.url()).toMatch(/\/admin\/settlements\/vtpass%3A\d{4}-\d{2}-\d{2}$/);
    expectNoConsoleErrors(ops);
    await ops.close();
  }, 180_000);
});
