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

describe.skipIf(!HAVE_CHROMIUM)('reconciliation console (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it("an operator dry-runs an uploaded report, pulls the simulator's report with a line that is not ours, and accepts it", async () => {
    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/reconciliation');
    await page.getByRole('heading', { name: 'Reconciliation' }).waitFor();

    // A dry run of an uploaded CSV: counted, nothing stored.
    const csv =
      'reference,amount,currency,status,date\nNOT-OURS-1,150000,NGN,delivered,2026-12-01T09:00:00Z\n';
    await page
      .getByTestId('recon-file')
      .setInputFiles({ name: 'statement.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByText('Dry run (counts only, nothing stored)').click();
    await page.getByTestId('recon-upload-submit').click();
    await page.getByText('Dry run: nothing was stored.').waitFor();
    await waitForText(page.getByTestId('recon-count-missing_internal'), /: 1$/);

    // The simulator's report of today with a transaction we never sent.
    await page
      .getByLabel('Inject discrepancies (sandbox)')
      .selectOption('amount_mismatch,missing_internal,status_mismatch');
    await page.getByTestId('recon-pull-submit').click();
    await page.getByRole('heading', { name: 'Reconciliation run' }).waitFor({ timeout: 20_000 });
    const row = page.getByTestId('recon-exception-missing_internal');
    await row.waitFor();
    await waitForText(row, /SIMUNKNOWN/);
    await shootBoth(page, 'admin-reconciliation-run');
    await row.getByTestId('recon-action-accept').click();
    const dialog = page.getByTestId('recon-resolve-dialog');
    await dialog.getByLabel('Reason').fill('A test transaction on their side');
    await dialog.getByTestId('recon-resolve-confirm').click();
    await page.getByText('Accept: done.').waitFor();
    await waitForText(
      page.getByTestId('recon-exception-missing_internal'),
      /A test transaction on their side/,
    );

    await page.goto('/admin/reconciliation');
    await page.getByTestId('recon-runs').waitFor();
    expect(await page.locator('[data-testid^="recon-run-"]').count()).toBeGreaterThanOrEqual(1);
    await shootBoth(page, 'admin-reconciliation');
    expectNoConsoleErrors(ops);
    await ops.close();
  }, 180_000);
});
