import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  depositViaCheckout,
  enterPin,
  expectNoConsoleErrors,
  HAVE_CHROMIUM,
  openPage,
  PHONE,
  shootBoth,
  signUp,
  uniqueEmail,
  uniquePhone,
  waitForText,
  withServerAndBrowser,
} from './browser.js';
import type { RunningServer } from './server.js';

const PASSWORD = 'correct-horse-battery-42';

describe.skipIf(!HAVE_CHROMIUM)('beneficiaries (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('saves a recipient and a bank account after success, then sends and withdraws to them in two taps', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('kemi');
    await signUp(page, { fullName: 'Kemi Adebayo', email, password: PASSWORD, phone: uniquePhone() });
    await depositViaCheckout(page, '5000');
    const recipient = new Api(server.baseUrl);
    const recipientEmail = uniqueEmail('musa');
    await recipient.register({ fullName: 'Musa Bello', email: recipientEmail, password: PASSWORD });
    await recipient.wallet();

    // A first transfer, typed in, with "Save this beneficiary" ticked on the review step.
    await page.goto('/send');
    await page.getByLabel("Recipient's email").fill(recipientEmail);
    await waitForText(page.getByTestId('recipient-name'), /Musa Bello/);
    await page.getByLabel('Amount').fill('500');
    await page.getByTestId('send-continue').click();
    await page.getByTestId('save-beneficiary').getByRole('checkbox').check();
    await enterPin(page);
    await page.getByTestId('transfer-send').click();
    await waitForText(page.getByTestId('beneficiary-saved'), 'Saved to your beneficiaries.');

    // Next time: one tap on the chip fills the recipient, who is resolved as usual.
    await page.goto('/send');
    const chip = page.getByTestId('beneficiary-chip').filter({ hasText: 'Musa Bello' });
    await chip.click();
    await waitForText(page.getByTestId('recipient-name'), /Musa Bello/);
    await shootBoth(page, 'send-beneficiaries');
    await page.getByLabel('Amount').fill('250');
    await page.getByTestId('send-continue').click();
    await waitForText(page.getByTestId('review-recipient'), 'Musa Bello');
    expect(await page.getByTestId('save-beneficiary').count()).toBe(0);
    await enterPin(page);
    await page.getByTestId('transfer-send').click();
    await page.getByTestId('transfer-done').waitFor();
    expect((await recipient.wallet()).balance).toBe(75_000);

    // A withdrawal saves its bank account; the chip then fills bank and number, the name resolved again.
    await page.goto('/withdraw');
    await page.getByLabel('Bank').selectOption({ index: 1 });
    await page.getByLabel('Account number').fill('0123456789');
    await waitForText(page.getByTestId('account-name'), /[A-Z]+ [A-Z]+/);
    const accountName = ((await page.getByTestId('account-name').textContent()) ?? '').trim();
    await page.getByLabel('Amount').fill('1000');
    await page.getByTestId('withdraw-continue').click();
    await page.getByTestId('save-beneficiary').getByRole('checkbox').check();
    await enterPin(page);
    await page.getByTestId('withdraw-confirm').click();
    await waitForText(page.getByTestId('beneficiary-saved'), 'Saved to your beneficiaries.');

    await page.goto('/withdraw');
    await page.getByTestId('beneficiary-chip').first().click();
    await waitForText(page.getByTestId('account-name'), accountName);
    expect(await page.getByLabel('Account number').inputValue()).toBe('0123456789');
    await shootBoth(page, 'withdraw-beneficiaries');

    // Rename, then remove, from the manage view.
    await page.getByTestId('beneficiaries-manage').click();
    const dialog = page.getByTestId('beneficiaries-dialog');
    await dialog.getByLabel('Nickname').fill('Salary account');
    await dialog.getByTestId('beneficiary-rename').click();
    await waitForText(page.getByTestId('beneficiary-chip').first(), /Salary account/);
    await dialog.getByRole('button', { name: 'Remove' }).click();
    await page.getByTestId('beneficiary-chip').waitFor({ state: 'detached' });
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);
});
