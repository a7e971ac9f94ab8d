import { readFile } from 'node:fs/promises';
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
  uniquePhone,
  withServerAndBrowser,
} from './browser.js';
import type { RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';
const PNG_MAGIC = '89504e470d0a1a0a';

describe.skipIf(!HAVE_CHROMIUM)('receipts (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('Share receipt downloads the PNG where the browser cannot share files, and hands it to the share sheet where it can', async () => {
    const email = uniqueEmail('kemi');
    const api = new Api(server.baseUrl);
    await api.register({ fullName: 'Kemi Adebayo', email, password: PASSWORD, phone: uniquePhone() });
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    await fundThroughCheckout(api, page, 500_000);
    await logIn(page, email, PASSWORD);

    // Without file sharing (headless Chromium on a desktop): the image is downloaded.
    await page.goto('/history');
    await page.locator('[data-testid="history-line"][data-type="deposit"]').first().click();
    const detail = page.getByTestId('line-detail');
    await detail.getByTestId('share-receipt').waitFor();
    await shootBoth(page, 'history-share-receipt');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByTestId('share-receipt-png').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^vendra-receipt-.*\.png$/);
    const bytes = await readFile((await download.path()) as string);
    expect(bytes.subarray(0, 8).toString('hex')).toBe(PNG_MAGIC);
    await detail.getByText('Receipt image downloaded.').waitFor();
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      detail.getByTestId('share-receipt-pdf').click(),
    ]);
    const pdfBytes = await readFile((await pdf.path()) as string);
    expect(pdfBytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    // A phone that shares files: the PNG goes to the share sheet, nothing is downloaded.
    // (A script string: this file is type-checked without the DOM library.)
    await page.evaluate(`
      window.sharedFiles = [];
      Object.assign(navigator, {
        canShare: (data) => (data.files ? data.files.length : 0) > 0,
        share: async (data) => { for (const f of data.files) window.sharedFiles.push(f.type + ' ' + (f.size > 1000)); },
      });
    `);
    await detail.getByTestId('share-receipt-png').click();
    await detail.getByText('Receipt shared.').waitFor();
    expect(await page.evaluate('window.sharedFiles')).toEqual(['image/png true']);

    // A bill payment's page offers the same once the payment is final.
    const wallet = await api.wallet();
    const paid = await api.post<{ id: string }>(
      '/v1/bill-payments',
      {
        walletId: wallet.id,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 100_000,
      },
      true,
    );
    await page.goto(`/bills/payments/${paid.id}`);
    await page.locator('[data-testid="bill-payment"][data-status="succeeded"]').waitFor({ timeout: 30_000 });
    await page.getByTestId('share-receipt-png').waitFor();
    const [billImage] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('share-receipt-png').click(),
    ]);
    const billBytes = await readFile((await billImage.path()) as string);
    expect(billBytes.subarray(0, 8).toString('hex')).toBe(PNG_MAGIC);
    await shootBoth(page, 'bill-payment-share-receipt');
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);
});
