import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';
import {
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

describe.skipIf(!HAVE_CHROMIUM)('password and verification (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('prompts to verify on Home, changes the password on /settings/password, and asks for a reset link', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('chidi');
    await signUp(page, { fullName: 'Chidi Eze', email, password: PASSWORD, phone: uniquePhone() });
    await page.getByTestId('verify-email-banner').getByRole('button', { name: 'Verify' }).click();
    await waitForText(page.getByTestId('verify-email-banner'), /We sent a link/);
    await page.getByTestId('verify-phone-banner').getByRole('button', { name: 'Verify' }).click();
    await waitForText(page.getByTestId('verify-phone-banner'), /Enter the 6-digit code/);
    await shootBoth(page, 'home-verify-prompts');

    await page.goto('/settings/password');
    await page.locator('#currentPassword').fill(PASSWORD);
    await page.locator('#newPassword').fill('a brand new passphrase 7');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByTestId('password-changed').waitFor();
    await shootBoth(page, 'change-password');

    const anonymous = await openPage(browser, server.baseUrl, PHONE);
    await anonymous.page.goto('/login');
    await anonymous.page.getByTestId('forgot-link').click();
    await anonymous.page.locator('#email').fill(email);
    await anonymous.page.getByRole('button', { name: 'Send reset link' }).click();
    await anonymous.page.getByTestId('forgot-sent').waitFor();
    await shootBoth(anonymous.page, 'forgot-password-sent');
    expectNoConsoleErrors(tab);
    expectNoConsoleErrors(anonymous);
  });
});
