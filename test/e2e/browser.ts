import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { ARTIFACTS, type RunningServer, startServer } from './server.js';

/**
 * A file's server and browser: started before its tests (the server with `env` added to the
 * defaults) and both stopped after them; `ready` receives them.
 */
export function withServerAndBrowser(
  ready: (server: RunningServer, browser: Browser) => void,
  env: Record<string, string> = {},
): void {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    server = await startServer(env);
    browser = await launch();
    ready(server, browser);
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
}

/**
 * Browser helpers for the end-to-end tests: a headless Debian Chromium driven
 * by playwright-core (no downloaded browser), console-error tracking, and
 * screenshots at phone and desktop sizes.
 */

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const IN_CI = process.env.CI === 'true';
export const HAVE_CHROMIUM = existsSync(CHROMIUM_PATH);

if (!HAVE_CHROMIUM) {
  const message = `[e2e] no Chromium at ${CHROMIUM_PATH} (set CHROMIUM_PATH, or apt-get install chromium)`;
  if (IN_CI) throw new Error(`${message}: the browser tests are required in CI`);
  console.warn(`${message}: SKIPPING the browser tests`);
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const SCREENSHOTS = join(ARTIFACTS, 'screenshots');

export async function launch(): Promise<Browser> {
  // playwright-core gives every launch a fresh temporary user-data-dir of its own.
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console errors and uncaught page errors seen so far, with the URL they happened on. */
  errors: string[];
  close(): Promise<void>;
}

/** A page in a context of its own (its own cookies), recording console errors and page errors. */
export async function openPage(
  browser: Browser,
  baseUrl: string,
  viewport: { width: number; height: number } = DESKTOP,
): Promise<TrackedPage> {
  const context = await browser.newContext({
    baseURL: baseUrl,
    viewport,
    deviceScaleFactor: 1,
    isMobile: viewport.width < 500,
    hasTouch: viewport.width < 500,
    locale: 'en-NG',
    timezoneId: 'Africa/Lagos',
  });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  const errors: string[] = [];
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console.error on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page error on ${page.url()}: ${error.message}`));
  return { page, context, errors, close: () => context.close() };
}

/** Forgets the console's report of refusals a test asked for (a wrong PIN is answered 403: "Failed to load resource"). */
export function forgetExpectedRefusals(tracked: TrackedPage, status: number) {
  const expected = `the server responded with a status of ${status}`;
  tracked.errors.splice(0, tracked.errors.length, ...tracked.errors.filter((e) => !e.includes(expected)));
}

export function expectNoConsoleErrors(tracked: TrackedPage) {
  if (tracked.errors.length) throw new Error(`console errors:\n${tracked.errors.join('\n')}`);
}

/** Saves a screenshot of the current page at its viewport size. */
export async function shoot(page: Page, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const size = page.viewportSize();
  const suffix = size ? `${size.width}x${size.height}` : 'page';
  await page.screenshot({ path: join(SCREENSHOTS, `${name}-${suffix}.png`), fullPage: true });
}

/** Screenshots of the current screen at both sizes, restoring the viewport after. */
export async function shootBoth(page: Page, name: string) {
  const original = page.viewportSize() ?? DESKTOP;
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    await shoot(page, name);
  }
  await page.setViewportSize(original);
}

/** Waits until a locator's attribute has the value (polling; playwright-core has no expect of its own). */
export async function waitForAttribute(locator: Locator, name: string, value: string, timeout = 15_000) {
  await expect
    .poll(async () => locator.getAttribute(name, { timeout: 1000 }).catch(() => null), {
      timeout,
      interval: 200,
    })
    .toBe(value);
}

/** Waits until a locator's text matches. */
export async function waitForText(locator: Locator, pattern: RegExp | string, timeout = 15_000) {
  await expect
    .poll(async () => (await locator.textContent({ timeout: 1000 }).catch(() => '')) ?? '', {
      timeout,
      interval: 200,
    })
    .toMatch(pattern);
}

export function uniqueEmail(prefix: string): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.com`;
}

export function uniquePhone(): string {
  return `080${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
}

/** Signs up through the UI and waits for the home screen with the NGN wallet. */
export async function signUp(
  page: Page,
  user: { fullName: string; email: string; password: string; phone?: string },
) {
  await page.goto('/signup');
  await page.getByLabel('Full name').fill(user.fullName);
  await page.getByLabel('Email').fill(user.email);
  if (user.phone) await page.getByLabel('Phone number').fill(user.phone);
  await page.getByLabel('Password', { exact: true }).fill(user.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByTestId('wallet-NGN').waitFor({ timeout: 20_000 });
}

export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL((url) => url.pathname !== '/login');
}

/** The transaction PIN the browser tests set (and the Api client sends). */
export const E2E_PIN = '1357';

/** Types a PIN on a PIN pad by pressing its digit keys. */
export async function pressPin(pad: Locator, pin = E2E_PIN) {
  for (const digit of pin) await pad.getByRole('button', { name: `Digit ${digit}`, exact: true }).click();
}

/** Sets the first PIN on the Security page (chosen, then entered again). */
export async function setPinInUi(page: Page, pin = E2E_PIN) {
  await page.goto('/security');
  await pressPin(page.getByTestId('set-pin-new'), pin);
  await pressPin(page.getByTestId('set-pin-confirm'), pin);
  await page.getByTestId('pin-notice').waitFor();
}

/**
 * The PIN step of a money screen: enters the PIN on its pad. A person with no
 * PIN yet is asked to set one first, right there; that is done too.
 */
export async function enterPin(page: Page, pin = E2E_PIN) {
  const setup = page.getByTestId('pin-setup');
  if (await setup.isVisible()) {
    await pressPin(setup.getByTestId('set-pin-new'), pin);
    await pressPin(setup.getByTestId('set-pin-confirm'), pin);
  }
  await pressPin(page.getByTestId('pin-pad'), pin);
}

/** The NGN wallet's balance as shown on the home screen ("₦1,500.00"). */
export function balance(page: Page) {
  return page.getByTestId('wallet-NGN').getByTestId('wallet-balance');
}

/** Adds money through the sandbox gateway's checkout page (Pay), back to /?deposit=…. */
export async function depositViaCheckout(page: Page, amountMajor: string, outcome: 'pay' | 'fail' = 'pay') {
  await page.goto('/deposit');
  await page.getByLabel('Amount').fill(amountMajor);
  await page.getByRole('button', { name: 'Continue to payment' }).click();
  await page.waitForURL(/\/sandbox\/checkout\//);
  await page.getByTestId(outcome === 'pay' ? 'sandbox-pay' : 'sandbox-fail').click();
  await page.waitForURL((url) => url.pathname === '/' && url.searchParams.has('deposit'));
  await waitForAttribute(
    page.getByTestId('deposit-status'),
    'data-status',
    outcome === 'pay' ? 'succeeded' : 'failed',
    30_000,
  );
}

/** A small JSON client for setting up data through the API. */
export class Api {
  token: string | null = null;
  constructor(readonly baseUrl: string) {}

  async call<T>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: {
        accept: 'application/json',
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.token ? { authorization: `Bearer ${this.token}`, 'x-transaction-pin': E2E_PIN } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} -> ${res.status}: ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }

  get<T>(path: string) {
    return this.call<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}, idempotent = false) {
    return this.call<T>('POST', path, body, idempotent ? { 'idempotency-key': randomUUID() } : {});
  }

  async register(user: { fullName: string; email: string; password: string; phone?: string }) {
    const auth = await this.post<{ accessToken: string; user: { id: string } }>('/v1/auth/register', user);
    this.token = auth.accessToken;
    await this.call('PUT', '/v1/me/pin', { pin: E2E_PIN });
    return auth.user;
  }

  async login(email: string, password: string) {
    const auth = await this.post<{ accessToken: string; user: { id: string; role: string } }>(
      '/v1/auth/login',
      {
        email,
        password,
      },
    );
    this.token = auth.accessToken;
    return auth.user;
  }

  /** Waits for the default wallet that registration creates asynchronously. */
  async wallet(currency = 'NGN'): Promise<{ id: string; balance: number; available: number }> {
    const deadline = Date.now() + 15_000;
    while (Date.now() < deadline) {
      const { data } = await this.get<{
        data: { id: string; currency: string; balance: number; available: number }[];
      }>('/v1/wallets');
      const w = data.find((x) => x.currency === currency);
      if (w) return w;
      await new Promise((r) => setTimeout(r, 250));
    }
    throw new Error(`no ${currency} wallet appeared`);
  }
}

/** Funds an API-created user through the sandbox checkout page in a browser page. */
export async function fundThroughCheckout(api: Api, page: Page, amountKobo: number) {
  const wallet = await api.wallet();
  const deposit = await api.post<{ checkoutUrl: string }>(
    `/v1/wallets/${wallet.id}/deposits`,
    { amount: amountKobo },
    true,
  );
  await page.goto(deposit.checkoutUrl);
  await page.getByTestId('sandbox-pay').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sandbox/'));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    const w = await api.wallet();
    if (w.available >= amountKobo) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('the deposit was not credited within 30 s');
}

/**
 * Verifies the phone from Home's prompt: Verify, the 6-digit code read from the sandbox inbox
 * (JSON), Confirm. `phone` as signed up with (080... is +23480...).
 */
export async function verifyPhone(page: Page, baseUrl: string, phone: string) {
  const to = phone.startsWith('0') ? `+234${phone.slice(1)}` : phone;
  await page.goto('/');
  await page.getByTestId('verify-phone-banner').getByRole('button', { name: 'Verify' }).click();
  await waitForText(page.getByTestId('verify-phone-banner'), /Enter the 6-digit code/);
  const deadline = Date.now() + 30_000;
  let code: string | undefined;
  while (!code && Date.now() < deadline) {
    const res = await fetch(`${baseUrl}/sandbox/inbox?to=${encodeURIComponent(to)}`, {
      headers: { accept: 'application/json' },
    });
    const { data } = (await res.json()) as { data: { channel: string; text: string }[] };
    code = data.map((m) => /\b(\d{6})\b/.exec(m.text)?.[1]).find(Boolean);
    if (!code) await new Promise((r) => setTimeout(r, 300));
  }
  if (!code) throw new Error(`no code for ${to} in the sandbox inbox`);
  await page.locator('#phone-code').fill(code);
  await page.getByTestId('verify-phone-banner').getByRole('button', { name: 'Confirm' }).click();
  await page.getByTestId('phone-verified').waitFor();
}
