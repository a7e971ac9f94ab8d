import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  Api,
  DESKTOP,
  depositViaCheckout,
  E2E_PIN,
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

describe.skipIf(!HAVE_CHROMIUM)('promotions and auto top-up (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  // The sandbox campaign, as a development install runs it with no configuration.
  withServerAndBrowser(
    (s, b) => {
      server = s;
      browser = b;
    },
    { SANDBOX_CAMPAIGN: 'on' },
  );

  it('earns the sandbox cashback on electricity, sees it under Rewards, and sets up auto top-up with the saved card', async () => {
    const tab = await openPage(browser, server.baseUrl, PHONE);
    const { page } = tab;
    const email = uniqueEmail('ada');
    await signUp(page, { fullName: 'Ada Obi', email, password: PASSWORD, phone: uniquePhone() });
    await depositViaCheckout(page, '20000'); // by card: the card is saved

    // The running campaign is listed before anything is earned.
    await page.goto('/rewards');
    await waitForText(page.getByTestId('campaigns'), /2% back on electricity/);
    await waitForText(page.getByTestId('campaigns'), /up to ₦200/);

    const api = new Api(server.baseUrl);
    await api.login(email, PASSWORD);
    await api.call('PUT', '/v1/me/pin', { pin: E2E_PIN }); // signed up in the browser, no PIN yet
    const wallet = await api.wallet();
    const payment = await api.post<{ id: string }>(
      '/v1/bill-payments',
      {
        walletId: wallet.id,
        billerId: 'ikeja-electric',
        productCode: 'prepaid',
        customerRef: '1111111111111',
        amount: 1_500_000,
      },
      true,
    );
    expect(payment.id).toBeTruthy();
    const deadline = Date.now() + 30_000;
    for (;;) {
      const rewards = await api.get<{ data: { amount: number }[] }>('/v1/rewards');
      if (rewards.data.length > 0) break;
      if (Date.now() > deadline) throw new Error('no cashback within 30 s');
      await new Promise((r) => setTimeout(r, 300));
    }
    await page.goto('/rewards');
    await waitForText(page.getByTestId('rewards-total'), '₦200.00');
    await waitForText(page.getByTestId('reward-row').first(), /Cashback/);
    await shootBoth(page, 'rewards');

    // Cards and auto top-up: the card from the deposit, and a rule.
    await page.goto('/cards');
    await page.getByTestId('saved-card').first().waitFor();
    await waitForText(page.getByTestId('saved-card').first(), /visa •••• \d{4}/);
    const form = page.getByTestId('auto-topup-form');
    await form.getByLabel('When my balance falls below').fill('1000');
    await form.getByLabel('Top up by').fill('2000');
    await form.getByLabel('At most this many times a day').fill('2');
    await form.getByLabel('At most this much a month').fill('10000');
    await enterPin(page);
    await page.getByTestId('auto-topup-save').click();
    await waitForText(
      page.getByTestId('auto-topup-summary'),
      /On: when the balance falls below ₦1,000\.00, top up ₦2,000\.00/,
    );
    await shootBoth(page, 'auto-topup');
    const rules = await api.get<{ data: { threshold: number; amount: number; maxPerDay: number }[] }>(
      '/v1/auto-topup/rules',
    );
    expect(rules.data[0]).toMatchObject({ threshold: 100_000, amount: 200_000, maxPerDay: 2 });
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 180_000);

  it('an operator creates, funds, starts, pauses and ends a campaign, and sees its spend', async () => {
    const tab = await openPage(browser, server.baseUrl, DESKTOP);
    const { page } = tab;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.goto('/admin/campaigns');
    await page.getByTestId('campaign-create').waitFor();
    const form = page.getByTestId('campaign-create');
    await form.getByLabel('Name').fill('Airtime ₦50 back');
    await form.getByLabel('Effect').selectOption('flat');
    await form.getByLabel('Amount').fill('50');
    await form.getByLabel('Bill category').selectOption('airtime');
    await page.getByTestId('campaign-create-submit').click();
    const card = page.locator('[data-testid^="campaign-"]').filter({ hasText: 'Airtime ₦50 back' }).first();
    await card.waitFor();
    const id = ((await card.getAttribute('data-testid')) ?? '').replace('campaign-', '');
    await page.getByLabel('Fund from the treasury').first().waitFor();
    await card.getByLabel('Fund from the treasury').fill('1000');
    await page.getByTestId(`fund-submit-${id}`).click();
    await waitForText(page.getByTestId(`campaign-remaining-${id}`), '₦1,000.00');
    await page.getByTestId(`campaign-start-${id}`).click();
    await page.getByTestId(`campaign-pause-${id}`).waitFor();
    await shootBoth(page, 'console-campaigns');
    await page.getByTestId(`campaign-pause-${id}`).click();
    await page.getByTestId(`campaign-resume-${id}`).waitFor();
    await page.getByTestId(`campaign-end-${id}`).click();
    await waitForText(card, /ended/);
    // The seeded campaign shows what it has paid (the customer test's cashback, when it ran first).
    const seeded = page
      .locator('[data-testid^="campaign-"]')
      .filter({ hasText: '2% back on electricity' })
      .first();
    await seeded.waitFor();
    await seeded.getByRole('button', { name: 'Show redemptions' }).click();
    await seeded.getByRole('button', { name: 'Hide redemptions' }).waitFor();
    expectNoConsoleErrors(tab);
    await tab.close();
  }, 120_000);
});
