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

interface Biller {
  id: string;
  enabled: boolean;
  products: { code: string; kind: string; minAmount: number; fixedAmount: number | null }[];
}

interface Payment {
  id: string;
  status: string;
  total: number;
}

/**
 * A payment in needs_review: the simulator's meter 400000000000 destroys the
 * socket and vends nothing, the requery answers 015 (unknown), and with
 * PROVIDER_RESOLVE_LIMIT_MS=3000 (see server.ts) the payment is handed to an
 * operator within seconds instead of 30 minutes.
 */
async function needsReviewPayment(api: Api, walletId: string): Promise<Payment> {
  const { data } = await api.get<{ data: Biller[] }>('/v1/billers?category=electricity');
  const biller = data.find((b) => b.enabled && b.products.some((p) => p.kind === 'prepaid'));
  if (!biller) throw new Error('no enabled electricity biller with a prepaid product');
  const product = biller.products.find((p) => p.kind === 'prepaid')!;
  const amount = product.fixedAmount ?? Math.max(product.minAmount, 200000);
  const created = await api.post<{ id: string }>(
    '/v1/bill-payments',
    { walletId, billerId: biller.id, productCode: product.code, customerRef: '400000000000', amount },
    true,
  );
  const deadline = Date.now() + 90_000;
  let last: Payment | undefined;
  while (Date.now() < deadline) {
    last = await api.get<Payment>(`/v1/bill-payments/${created.id}`);
    if (last.status === 'needs_review') return last;
    if (['succeeded', 'failed', 'reversed'].includes(last.status)) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`payment ${created.id} did not reach needs_review (last status ${last?.status})`);
}

describe.skipIf(!HAVE_CHROMIUM)('operator console (browser)', () => {
  let server: RunningServer;
  let browser: Browser;
  withServerAndBrowser((s, b) => {
    server = s;
    browser = b;
  });

  it('resolves a needs_review payment with a refund, and shows every console screen without errors', async () => {
    // A customer with money and a payment the machine could not settle.
    const customer = new Api(server.baseUrl);
    const email = uniqueEmail('eme');
    await customer.register({ fullName: 'Eme Udo', email, password: PASSWORD });
    // A verified BVN, shown on the customer page by its last four digits only.
    await customer.post('/v1/me/kyc/bvn', { bvn: '22222222222', dateOfBirth: '1990-05-17' });
    const helper = await openPage(browser, server.baseUrl);
    await fundThroughCheckout(customer, helper.page, 1_000_000);
    await helper.close();
    const wallet = await customer.wallet();
    const payment = await needsReviewPayment(customer, wallet.id);
    expect((await customer.wallet()).available).toBe(wallet.available - payment.total);

    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);

    // Dashboard.
    await page.getByTestId('dashboard').waitFor();
    // Money per rail today: the customer's card deposit and the bill payment are there, in naira.
    const money = page.getByTestId('money-figures');
    await money.getByTestId('rail-deposit_card').waitFor();
    await money.locator('[data-testid^="rail-bill_"]').first().waitFor();
    await waitForText(money.getByTestId('money-volume'), /₦[1-9]/);
    await shootBoth(page, 'admin-dashboard');
    // A chosen range: checked before sending, then shown.
    const today = new Date().toISOString().slice(0, 10);
    await money.getByLabel('From').fill(today);
    await money.getByLabel('To').fill('2020-01-01');
    await money.getByRole('button', { name: 'Show range' }).click();
    await waitForText(page.getByTestId('money-range-error'), /on or before/);
    await money.getByLabel('To').fill(today);
    await money.getByRole('button', { name: 'Show range' }).click();
    await waitForText(money, /Money in the chosen range/);
    await money.getByTestId('rail-deposit_card').waitFor();
    await shootBoth(page, 'admin-dashboard-range');

    // The review queue: refund, with a reason and a confirmation.
    await page.goto('/admin/review');
    const item = page.getByTestId(`review-item-${payment.id}`);
    await item.waitFor();
    await shootBoth(page, 'admin-review-queue');
    await item.getByLabel(/Refund/).check();
    await item.getByTestId('resolve-submit').click();
    // The reason is required: nothing is sent without one.
    await item.getByText(/Give a reason/).waitFor();
    await item.getByLabel('Reason').fill('Provider confirms nothing was vended for this request');
    await item.getByTestId('resolve-submit').click();
    const dialog = page.getByTestId('resolve-confirm');
    await dialog.getByText(/Refund ₦/).waitFor();
    await shootBoth(page, 'admin-resolve-confirm');
    await dialog.getByTestId('resolve-confirm-button').click();
    await item.waitFor({ state: 'detached', timeout: 20_000 });

    // The customer has the money back and the payment is final.
    await expect
      .poll(async () => (await customer.get<Payment>(`/v1/bill-payments/${payment.id}`)).status, {
        timeout: 20_000,
      })
      .toMatch(/^(failed|reversed)$/);
    await expect
      .poll(async () => (await customer.wallet()).available, { timeout: 20_000 })
      .toBe(wallet.available);

    // Payment search and detail: timeline, provider calls and ledger postings.
    await page.goto('/admin/payments');
    await page.getByLabel('Search').fill(email);
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByTestId('admin-payment-row').first().waitFor();
    await shootBoth(page, 'admin-payments');
    await page.goto(`/admin/payments/${payment.id}`);
    await page.getByTestId('admin-payment-detail').waitFor();
    await waitForAttribute(
      page.getByTestId('admin-payment-detail'),
      'data-status',
      (await customer.get<Payment>(`/v1/bill-payments/${payment.id}`)).status,
    );
    await page.getByTestId('provider-calls').waitFor();
    await page.getByTestId('ledger-postings').waitFor();
    // The refund voided the hold: its release reads as one, with a positive amount, never a negative debit.
    await page
      .getByTestId('ledger-postings')
      .getByText(/Hold released/)
      .first()
      .waitFor();
    expect(await page.getByTestId('ledger-postings').textContent()).not.toMatch(/-₦|₦-|−₦/);
    await shootBoth(page, 'admin-payment-detail');

    // One search across every type: this customer's deposit and bill payment, then a CSV of them.
    await page.goto('/admin/search');
    const form = page.getByTestId('search-form');
    await form.getByLabel('Reference, person, account or meter').fill(email);
    await form.getByLabel('Amount (₦)').fill('-5');
    await form.getByRole('button', { name: 'Search' }).click();
    await waitForText(page.getByTestId('search-error'), /greater than zero/);
    await form.getByLabel('Amount (₦)').fill('');
    await form.getByRole('button', { name: 'Search' }).click();
    await page.locator('[data-testid="search-row"][data-type="bill_payment"]').first().waitFor();
    await page.locator('[data-testid="search-row"][data-type="deposit"]').first().waitFor();
    await shootBoth(page, 'admin-search');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('search-export').click(),
    ]);
    expect(csv.suggestedFilename()).toBe('vendra-search.csv');

    // Customers: find, view, freeze and unfreeze (each with a reason).
    await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
    await page.getByRole('link', { name: 'Eme Udo' }).click();
    await page.getByTestId('customer-profile').waitFor();
    await shootBoth(page, 'admin-customer');
    await page.getByTestId('freeze-toggle').click();
    await page.getByLabel('Reason').fill('Suspicious activity reported by the bank');
    await page.getByTestId('freeze-confirm').click();
    await waitForText(page.getByTestId('customer-profile'), /frozen/i);
    await page.getByTestId('freeze-toggle').click();
    await page.getByLabel('Reason').fill('Bank confirmed the activity was genuine');
    await page.getByTestId('freeze-confirm').click();
    await waitForText(page.getByTestId('customer-profile'), /active/i);
    // One wallet: freeze and unfreeze it, set and lift post-no-debit on it.
    const ngn = page.getByTestId('admin-wallet-NGN');
    await ngn.getByTestId('wallet-freeze-toggle').click();
    await ngn.getByLabel('Wallet note (why)').fill('Chargeback claim on this wallet');
    await page.getByTestId('wallet-freeze-confirm').click();
    await waitForText(ngn.getByTestId('wallet-NGN'), /frozen/i);
    await ngn.getByTestId('wallet-freeze-toggle').click();
    await ngn.getByLabel('Wallet note (why)').fill('Chargeback withdrawn by the bank');
    await page.getByTestId('wallet-freeze-confirm').click();
    await waitForText(ngn.getByTestId('wallet-freeze-toggle'), /^Freeze wallet$/);
    const walletPnd = page.locator('[data-testid^="wallet-pnd-control-"]').first();
    await walletPnd.getByLabel('Post-no-debit note (why)').fill('Awaiting proof of address');
    await walletPnd.getByTestId('pnd-on').click();
    await waitForAttribute(walletPnd.getByTestId('pnd-state'), 'data-pnd', 'on');
    await walletPnd.getByLabel('Post-no-debit note (why)').fill('Proof of address received');
    await walletPnd.getByTestId('pnd-off').click();
    await waitForAttribute(walletPnd.getByTestId('pnd-state'), 'data-pnd', 'off');

    // The person's page: every transaction in one timeline, what staff did with reasons, and a manual refund.
    await page.getByTestId('customer-activity').getByTestId('search-row').first().waitFor();
    await page.locator('[data-testid="customer-history"] tr[data-action="user.freeze"]').first().waitFor();
    const adjustment = page.getByTestId('adjustment-form').first();
    await adjustment.getByLabel('Amount (₦)').fill('-5');
    await adjustment.getByTestId('adjustment-submit').click();
    await adjustment.getByText(/greater than zero/).waitFor();
    await adjustment.getByLabel('Amount (₦)').fill('10');
    await adjustment.getByLabel('Why (for the audit log)').fill('Goodwill for the late token');
    await adjustment.getByTestId('adjustment-submit').click();
    await page.getByText(/Refunded ₦10\.00/).waitFor();
    // (The freeze above ended the customer's sessions: the console's own record shows the refund.)
    await page
      .locator('[data-testid="customer-history"] tr[data-action="wallet.adjustment_credit"]')
      .waitFor();
    await shootBoth(page, 'admin-customer-timeline');

    // KYC, the wallet's limits and use, the sessions: the customer logs in again (the freeze ended the
    // last session) and an operator ends that session, which stops working at once (audited).
    await customer.login(email, PASSWORD);
    await page.reload();
    await waitForText(page.getByTestId('customer-kyc'), /2222/);
    await waitForText(page.getByTestId('customer-kyc-tier'), /Tier 1/);
    await waitForText(page.getByTestId('wallet-limits-NGN'), /₦/);
    await waitForText(page.getByTestId('customer-sessions'), /Account frozen/);
    const endSession = page.getByTestId('customer-sessions').getByTestId('session-end');
    await endSession.first().waitFor();
    expect(await endSession.count()).toBe(1);
    await shootBoth(page, 'admin-customer-kyc-sessions');
    await endSession.first().click();
    await page.getByLabel('Reason (optional)').fill('Customer reported a lost phone');
    await page.getByTestId('session-end-confirm').click();
    await page.getByText(/session ended\./).waitFor();
    await waitForText(page.getByTestId('customer-sessions'), /Ended by staff/);
    await expect(customer.get('/v1/me')).rejects.toThrow(/401/);
    await page.locator('[data-testid="customer-history"] tr[data-action="user.session_end"]').waitFor();

    // Providers, ledger (run the audit), audit log.
    await page.goto('/admin/providers');
    await page.getByRole('heading', { name: 'Providers' }).waitFor();
    // The payments above made provider calls: their success rate and latency show, not "—".
    const firstProvider = page.getByTestId('providers-table').locator('tbody tr').first();
    await waitForText(firstProvider.getByTestId('provider-p50'), /\d+ (ms|s)/);
    await waitForText(firstProvider.getByTestId('provider-success-rate'), /\d+(\.\d)?%/);
    await shootBoth(page, 'admin-providers');
    await page.goto('/admin/ledger');
    await page.getByTestId('run-audit').click();
    await page.getByTestId('audit-result').waitFor({ timeout: 30_000 });
    await waitForText(page.getByTestId('audit-result'), /consistent/);
    // Each check in plain words, with what it proves.
    await waitForText(
      page.getByTestId('audit-check-journal_balances_per_currency'),
      /Money in equals money out/,
    );
    await waitForText(page.getByTestId('audit-check-no_negative_balances'), /No wallet is overdrawn/);
    await shootBoth(page, 'admin-ledger');
    await page.goto('/admin/audit');
    await waitForText(page.getByTestId('audit-log'), /resolve/);
    await shootBoth(page, 'admin-audit-log');
    // Filters: the freezes of this customer, each with its before and after.
    const filters = page.getByTestId('audit-filters');
    await filters.getByLabel('Action').fill('no spaces allowed');
    await filters.getByRole('button', { name: 'Filter' }).click();
    await waitForText(page.getByTestId('audit-filter-error'), /looks like/);
    await filters.getByLabel('Action').fill('user.');
    await filters.getByLabel('Target (id or email)').fill(email);
    await filters.getByLabel('Who (email)').fill(ADMIN_EMAIL);
    await filters.getByRole('button', { name: 'Filter' }).click();
    await page.waitForURL(/action=user\./);
    await page.locator('[data-testid="audit-log"] tr[data-action="user.freeze"]').first().waitFor();
    const actionsShown = await page
      .locator('[data-testid="audit-log"] tbody tr')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-action')));
    expect(actionsShown.every((a) => a?.startsWith('user.'))).toBe(true);
    await waitForText(
      page
        .locator('[data-testid="audit-log"] tr[data-action="user.freeze"]')
        .first()
        .getByTestId('audit-changes'),
      /status: active → frozen/,
    );
    await shootBoth(page, 'admin-audit-log-filtered');

    // The customer sees the outcome plainly.
    const cust = await openPage(browser, server.baseUrl, PHONE);
    await logIn(cust.page, email, PASSWORD);
    await cust.page.goto(`/bills/payments/${payment.id}`);
    await waitForText(cust.page.getByTestId('money-back'), /back in your wallet/i);
    // And customers cannot open the console.
    await cust.page.goto('/admin');
    await cust.page.getByRole('heading', { name: 'Operators only' }).waitFor();

    expectNoConsoleErrors(ops);
    expectNoConsoleErrors(cust);
    await ops.close();
    await cust.close();
  }, 300_000);

  it('an admin makes a person support staff from the console; support reads but cannot freeze', async () => {
    const email = uniqueEmail('sade');
    const person = new Api(server.baseUrl);
    await person.register({ fullName: 'Sade Bello', email, password: PASSWORD });
    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
    await page.getByRole('link', { name: 'Sade Bello' }).click();
    const control = page.getByTestId('role-control');
    await control.getByLabel('Role', { exact: true }).selectOption('support');
    await control.getByTestId('role-submit').click();
    // A reason is required: nothing is sent without one.
    await control.getByText(/Give a reason/).waitFor();
    await control.getByLabel('Why change the role').fill('Joined the support desk');
    await control.getByTestId('role-submit').click();
    await waitForText(page.getByTestId('profile-role'), /Support/);
    await shootBoth(page, 'admin-role-control');
    await page.goto('/admin/customers?staff=true');
    await waitForText(page.getByTestId('customers-table'), /Sade Bello/);
    await shootBoth(page, 'admin-staff');

    // Support sees the console and the customer, without the controls that change things.
    const desk = await openPage(browser, server.baseUrl);
    await logIn(desk.page, email, PASSWORD);
    await desk.page.goto(`/admin/customers?q=${encodeURIComponent(ADMIN_EMAIL)}`);
    await desk.page.getByTestId('customers-table').waitFor();
    await desk.page.goto('/admin/payments');
    await desk.page.getByRole('heading', { name: 'Payments' }).waitFor();
    await desk.page.goto(`/admin/customers?q=${encodeURIComponent(email)}`);
    await desk.page.getByRole('link', { name: 'Sade Bello' }).click();
    await desk.page.getByTestId('customer-profile').waitFor();
    expect(await desk.page.getByTestId('freeze-toggle').count()).toBe(0);
    expect(await desk.page.getByTestId('role-control').count()).toBe(0);
    // Support reads the person's KYC and sessions (here their own, active), with no control to end one.
    await waitForText(desk.page.getByTestId('customer-kyc-tier'), /Tier 1/);
    await desk.page.getByTestId('customer-sessions').getByTestId('session-row').first().waitFor();
    expect(await desk.page.getByTestId('session-end').count()).toBe(0);
    await shootBoth(desk.page, 'support-customer');
    expectNoConsoleErrors(ops);
    expectNoConsoleErrors(desk);
    await ops.close();
    await desk.close();
  }, 300_000);

  it('on a phone the console sections sit behind one menu and tables read as cards', async () => {
    const ops = await openPage(browser, server.baseUrl, PHONE);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.goto('/admin/audit');
    await page.getByTestId('audit-log').waitFor();
    const sections = page.getByTestId('console-sections');
    expect(await sections.isVisible()).toBe(false);
    const button = page.getByTestId('console-menu-button');
    await waitForText(button, /Audit log/);
    // A row is a card: the header row is out of sight, each cell carries its column's name.
    const firstRow = page.locator('[data-testid="audit-log"] tbody tr').first();
    expect(
      await firstRow.evaluate(
        (el) =>
          (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(
            el,
          ).display,
      ),
    ).toBe('block');
    expect(await firstRow.locator('td').first().getAttribute('data-label')).toBe('When');
    const width = (await page.evaluate('document.documentElement.scrollWidth')) as number;
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await shootBoth(page, 'admin-phone-cards');
    await button.click();
    await sections.waitFor();
    await shootBoth(page, 'admin-phone-menu');
    await sections.getByRole('link', { name: 'Customers' }).click();
    await page.waitForURL(/\/admin\/customers/);
    await sections.waitFor({ state: 'hidden' });
    expectNoConsoleErrors(ops);
    await ops.close();
  }, 300_000);

  it('changes a risk rule from the console and shows the risk case queue', async () => {
    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    await page.goto('/admin/risk/rules');
    const inForce = page.locator('tr[data-rule-key="velocity_10_in_10min"][data-in-force="true"]');
    await inForce.waitFor();
    await shootBoth(page, 'admin-risk-rules');
    await inForce.getByRole('button', { name: 'Change' }).click();
    await page.getByLabel('Count limit').fill('12');
    await page.getByTestId('risk-rule-submit').click();
    // The reason is required: nothing is sent without one.
    await page.getByText(/Give a reason/).waitFor();
    await page.getByLabel('Why this change').fill('Salary day: more transfers are normal');
    await page.getByTestId('risk-rule-submit').click();
    await page.getByText(/Added a version of velocity_10_in_10min/).waitFor();
    await waitForText(inForce, /more than 12/);
    expect(await page.locator('tr[data-rule-key="velocity_10_in_10min"]').count()).toBe(2);
    // The queue (the money paths open cases; none here yet).
    await page.goto('/admin/risk');
    await page.getByRole('heading', { name: 'Risk cases' }).waitFor();
    await page
      .getByText(/No open cases|Opened/)
      .first()
      .waitFor();
    await shootBoth(page, 'admin-risk-cases');
    expectNoConsoleErrors(ops);
    await ops.close();
  }, 300_000);
  it('lists payouts and verifies one with the provider from the Payouts page', async () => {
    // A payout to the sandbox account whose webhook never comes: only a verify finds its end.
    const customer = new Api(server.baseUrl);
    await customer.register({ fullName: 'Ngozi Eze', email: uniqueEmail('ngozi'), password: PASSWORD });
    const helper = await openPage(browser, server.baseUrl);
    await fundThroughCheckout(customer, helper.page, 500_000);
    await helper.close();
    const wallet = await customer.wallet();
    const payout = await customer.post<{ id: string; reference: string }>(
      `/v1/wallets/${wallet.id}/withdrawals`,
      { amount: 100_000, bankCode: '058', accountNumber: '0000000005' },
      true,
    );

    const ops = await openPage(browser, server.baseUrl);
    const { page } = ops;
    await logIn(page, ADMIN_EMAIL, ADMIN_PASSWORD);
    await page.waitForURL(/\/admin/);
    // Sent (processing, or already settled by the worker's own verify): the action is offered.
    await expect
      .poll(async () => (await customer.get<{ status: string }>(`/v1/withdrawals/${payout.id}`)).status, {
        timeout: 30_000,
      })
      .toMatch(/^(processing|succeeded)$/);
    await page.getByRole('link', { name: 'Payouts' }).click();
    const row = page.getByTestId('admin-payout-row').filter({ hasText: payout.reference });
    await row.getByTestId('admin-payout-verify').waitFor();
    await shootBoth(page, 'admin-payouts');
    await row.getByTestId('admin-payout-verify').click();
    await waitForText(
      page.getByTestId('admin-payout-result'),
      /provider says success; the payout is succeeded/,
    );
    await waitForAttribute(row, 'data-status', 'succeeded');
    expect((await customer.get<{ status: string }>(`/v1/withdrawals/${payout.id}`)).status).toBe('succeeded');
    // Filtered by state.
    await page.getByLabel('Status').selectOption('failed');
    await page.waitForURL(/status=failed/);
    await row.waitFor({ state: 'detached' });
    expectNoConsoleErrors(ops);
    await ops.close();
  }, 300_000);
});
