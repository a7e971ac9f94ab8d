import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  balance,
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

/** Sends a transfer from the sandbox bank page, as someone at another bank would. */
async function sendFromSandboxBank(page: Page, accountNumber: string, naira: string) {
  await page.goto(`/sandbox/bank-transfers?accountNumber=${accountNumber}`);
  await page.getByTestId('sandbox-transfer-amount').fill(naira);
  await page.getByTestId('sandbox-transfer-send').click();
  await page.getByTestId('sandbox-transfer-sent').waitFor();
}

describe.skipIf(!HAVE_CHROMIUM)('inbound bank transfers (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('shows the account number with a copy button; a transfer to it arrives; an unmatched one is credited by an operator', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('adaeze');
    await signUp(page, { fullName: 'Adaeze Okafor', email, password: PASSWORD, phone: uniquePhone() });
    const number = page.getByTestId('funding-account-number');
    await waitForText(number, /^[0-9]{10}$/, 20_000);
    const accountNumber = ((await number.textContent()) ?? '').trim();
    await waitForText(page.getByTestId('funding-account'), /Wema Bank.*VENDRA\/ADAEZE OKAFOR/);
    await shootBoth(page, 'home-funding-account');

    await page.goto('/deposit');
    await page.getByTestId('funding-account-copy').click();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(accountNumber);
    await shootBoth(page, 'deposit-bank-transfer');

    await sendFromSandboxBank(page, accountNumber, '5000');
    await shootBoth(page, 'sandbox-bank-transfer');
    await page.goto('/');
    await waitForText(balance(page), '₦5,000.00', 30_000);

    // A transfer to a number nobody has: held for operators, then credited to Adaeze's wallet.
    await sendFromSandboxBank(page, '1234567890', '750');
    const customer = new Api(server.baseUrl);
    await customer.login(email, PASSWORD);
    const wallet = await customer.wallet();

    const ops = await openPage(browser, server.baseUrl);
    await logIn(ops.page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await ops.page.goto('/admin/inbound');
    const row = ops.page.locator('[data-testid^="inbound-"]').filter({ hasText: '1234567890' }).first();
    await row.waitFor({ timeout: 20_000 });
    await shootBoth(ops.page, 'admin-inbound');
    await row.getByRole('button', { name: 'Credit to wallet' }).click();
    const dialog = ops.page.getByTestId('inbound-credit-dialog');
    await dialog.getByLabel('Wallet ID').fill(wallet.id);
    await dialog.getByLabel('Reason').fill('Sender confirmed it was for Adaeze');
    await dialog.getByTestId('inbound-credit-confirm').click();
    await ops.page.getByText('Credited to the wallet.').waitFor();

    await page.goto('/');
    await waitForText(balance(page), '₦5,750.00', 30_000);

    // The customer page shows her account number.
    const me = await customer.get<{ id: string }>('/v1/me');
    await ops.page.goto(`/admin/customers/${me.id}`);
    await waitForText(ops.page.getByTestId('customer-funding-accounts'), accountNumber);
    await shootBoth(ops.page, 'admin-customer-funding-account');
    expectNoConsoleErrors(tab);
    expectNoConsoleErrors(ops);
    await ops.close();
    await tab.close();
  }, 180_000);

  it('a new person funds by bank transfer from the sandbox bank, sees it arrive live, and withdraws with the fee shown first', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    await signUp(page, {
      fullName: 'Tunde Bakare',
      email: uniqueEmail('tunde'),
      password: PASSWORD,
      phone: uniquePhone(),
    });
    const number = page.getByTestId('funding-account-number');
    await waitForText(number, /^[0-9]{10}$/, 20_000);
    const accountNumber = ((await number.textContent()) ?? '').trim();
    await waitForText(balance(page), '₦0.00');

    // Someone at another bank sends ₦2,000 (another tab); Home shows it without a reload.
    const bank = await openPage(browser, server.baseUrl);
    await sendFromSandboxBank(bank.page, accountNumber, '2000');
    await waitForText(balance(page), '₦2,000.00', 30_000);
    await bank.close();

    // Withdraw ₦1,000 to 0123456789: the fee and the total are shown before confirming.
    await page.goto('/withdraw');
    await page.getByLabel('Bank').selectOption({ index: 1 });
    await page.getByLabel('Account number').fill('0123456789');
    await waitForText(page.getByTestId('account-name'), /[A-Z]+ [A-Z]+/);
    await page.getByLabel('Amount').fill('1000');
    await page.getByTestId('withdraw-continue').click();
    await waitForText(page.getByTestId('withdraw-fee'), '₦10.00');
    await waitForText(page.getByTestId('withdraw-total'), '₦1,010.00');
    await enterPin(page);
    await page.getByTestId('withdraw-confirm').click();
    await waitForText(page.getByTestId('withdrawal-status'), /Withdrawal sent/, 30_000);
    await page.goto('/');
    await waitForText(balance(page), '₦990.00', 30_000);

    // The statement says where each came from and went.
    await page.goto('/history');
    await waitForText(
      page.locator('[data-testid="history-line"][data-type="deposit"]').first(),
      /Bank transfer from/,
    );
    await page.locator('[data-testid="history-line"][data-type="withdrawal"]').first().click();
    await waitForText(page.getByTestId('line-detail'), /\*{6}6789/);
    await shootBoth(page, 'history-withdrawal-detail');
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);
});
