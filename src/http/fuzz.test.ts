import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAudit } from '../ledger/index.js';
import { createTestApp, type TestApp } from '../test-support/app.js';
import { hasPg } from '../test-support/db.js';
import { fund, get, post } from '../test-support/http.js';
import { registerStaff, registerUser, type TestUser } from '../test-support/users.js';

/**
 * A schema-driven fuzz test over every operation in /openapi.json: wrong types,
 * missing and unknown fields, huge and negative numbers, hostile strings and
 * other people's ids, as a customer, as a second customer against the first
 * one's ids, and as an operator. Nothing may answer 5xx, every 4xx is a problem
 * document with a code, the ledger audit stays clean and balances move only by
 * the money requests that were accepted. Deterministic for a seed:
 * FUZZ_SEED=<seed> npx vitest run src/http/fuzz.test.ts
 */
const SEED = Number(process.env.FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 3_000);
const SKIPPED = new Set(['/v1/events/stream']); // SSE: a stream that never ends by itself

/** mulberry32: small, seeded, good enough to pick cases. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    next,
    int,
    pick: <T>(list: readonly T[]): T => list[int(list.length)]!,
    chance: (p: number) => next() < p,
  };
}
type Rng = ReturnType<typeof prng>;

type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  enum?: unknown[];
  format?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  oneOf?: Schema[];
  anyOf?: Schema[];
};
type Operation = {
  method: string;
  path: string;
  params: { name: string; in: string; schema?: Schema; required?: boolean }[];
  body?: Schema;
};

const HOSTILE_STRINGS = [
  '',
  ' ',
  'a\u0000b',
  'x\ud800',
  '\udfff',
  'abc\u202edcba',
  '\u2066rtl\u2069',
  '\u0007\u001b[31m',
  'line\nbreak',
  "' OR 1=1; --",
  '<script>alert(1)</script>',
  '../../etc/passwd',
  '%00',
  '%E0%A4%A',
  'x'.repeat(5_000),
  '😀'.repeat(300),
  'Ọlá Adébáyọ̀',
  '9'.repeat(40),
  '-1',
  '1e309',
  'null',
  '{"$gt":""}',
  '2024-02-30T25:61:61Z',
  '2024-06-30T23:59:60Z',
  '275760-09-13T00:00:00.001Z',
  '00000000-0000-0000-0000-000000000000',
];
const HOSTILE_NUMBERS = [
  0,
  -1,
  -(2 ** 63),
  1.5,
  2 ** 53,
  2 ** 63,
  1e308,
  Number.MAX_SAFE_INTEGER,
  Number.MIN_SAFE_INTEGER,
  3,
  100,
];
const CURSORS = [
  'AAAA',
  'WyIxIl0',
  '123',
  '99999999999999999999',
  Buffer.from('x|y').toString('base64url'),
  Buffer.from('2024-01-01T00:00:00.000Z|not-a-uuid').toString('base64url'),
  Buffer.from('["2024-01-01T00:00:00.000Z","x"]').toString('base64url'),
  Buffer.from('[{"a":1}]').toString('base64url'),
];
const WRONG_TYPES: unknown[] = [null, true, [], {}, 'text', 42, [1, 2], { a: { b: 1 } }];

describe.skipIf(!hasPg())('schema-driven fuzz over the whole API (PostgreSQL)', () => {
  let t: TestApp;
  let alice: TestUser;
  let bob: TestUser;
  let operator: TestUser;
  const ids: string[] = []; // ids seen in responses: other people's ids to try
  const ownWallet = new Map<string, string>(); // user id -> their NGN wallet
  let currentCaller: TestUser;
  beforeAll(async () => {
    // No worker: accepted bill payments and withdrawals stay as holds, so every
    // balance change is explained by the responses the fuzzer saw.
    t = await createTestApp('pg');
    alice = await registerUser(t.app, { phone: '08031234567' });
    bob = await registerUser(t.app, { phone: '08039876543' });
    operator = await registerStaff(t.app, t.ctx.db, 'operator');
    for (const u of [alice, bob]) {
      const res = await post(t.app, u, '/v1/wallets', { currency: 'NGN' }, null);
      if (res.statusCode >= 300 && res.statusCode !== 409) throw new Error(`wallet: ${res.body}`);
    }
    const aliceWallet = (await get(t.app, alice, '/v1/wallets')).json().data[0].id as string;
    const bobWallet = (await get(t.app, bob, '/v1/wallets')).json().data[0].id as string;
    await fund(t.app, alice, aliceWallet, 5_000_000);
    await fund(t.app, bob, bobWallet, 1_000_000);
    ids.push(aliceWallet, bobWallet, alice.id, bob.id, operator.id);
    ownWallet.set(alice.id, aliceWallet).set(bob.id, bobWallet);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  it('no 5xx, every 4xx a problem with a code, ledger clean, balances explained', async () => {
    const spec = (await t.app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const operations = operationsOf(spec);
    expect(operations.length).toBeGreaterThan(40);
    const balancesBefore = await walletBalances();
    const rng = prng(SEED);
    const started = Date.now();
    const failures: string[] = [];
    const moved = new Map<string, bigint>(); // wallet id -> expected change of its posted balance
    const held = new Map<string, bigint>(); // wallet id -> expected new holds
    const add = (m: Map<string, bigint>, k: string, v: bigint) => m.set(k, (m.get(k) ?? 0n) + v);
    const callers = [alice, bob, operator];
    const statuses = new Map<number, number>();
    let count = 0;
    for (; count < REQUESTS; count++) {
      const op = operations[count % operations.length]!;
      const caller = callers[Math.floor(count / operations.length) % 3]!;
      currentCaller = caller;
      // Every 100th request is a valid transfer between the customers, so money does
      // move during the fuzz and the balance check below has something to explain.
      const req = count % 100 === 99 ? validTransfer(rng) : buildRequest(rng, op, caller);
      const res = await t.app.inject(req);
      statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      if (process.env.FUZZ_DEBUG && res.statusCode >= 400)
        console.log(`${res.statusCode} ${res.body.slice(0, 160)} ${req.method} ${req.url.slice(0, 80)}`);
      if (sessionLost(res)) await revive(caller);
      const label = `${req.method} ${req.url} as ${caller === operator ? 'operator' : caller === alice ? 'alice' : 'bob'} -> ${res.statusCode} ${res.body.slice(0, 300)}`;
      if (res.statusCode >= 500) failures.push(label);
      else if (res.statusCode >= 400) {
        const type = String(res.headers['content-type'] ?? '');
        let code: unknown;
        try {
          code = res.json().code;
        } catch {
          code = undefined;
        }
        if (!type.startsWith('application/problem+json') || typeof code !== 'string' || code === '')
          failures.push(`not a problem document: ${label}`);
      } else if (res.statusCode < 300 && res.headers['content-type']?.toString().includes('json')) {
        const body = res.json() as Record<string, unknown>;
        collectIds(body, ids);
        if (res.headers['idempotent-replayed'] === 'true' || req.method !== 'POST') continue;
        const path = req.url.split('?')[0]!;
        if (path.startsWith('/sandbox/checkout/') && body.webhook === 'credited') {
          // The sandbox checkout's Pay button (reachable with a deposit's reference) credits that deposit.
          const reference = decodeURIComponent(req.url.split('/')[3]!.split('?')[0]!);
          const { rows } = await t.ctx.db.query<{ wallet_id: string; amount: bigint }>(
            'SELECT wallet_id, amount FROM wallets.deposits WHERE reference = $1',
            [reference],
          );
          add(moved, rows[0]!.wallet_id, BigInt(rows[0]!.amount));
        } else if (
          /^\/v1\/admin\/disputes\/[^/]+\/resolve$/.test(path) &&
          body.status === 'resolved_refunded'
        ) {
          // An operator's dispute refund credits the customer's wallet.
          const subject = body.subject as { walletId: string };
          const refund = body.refund as { amount: number };
          add(moved, subject.walletId, BigInt(refund.amount));
        } else if (path === '/v1/transfers') {
          add(moved, String(body.fromWalletId), -BigInt(body.amount as number));
          add(moved, String(body.toWalletId), BigInt(body.amount as number));
        } else if (path === '/v1/bill-payments' || /^\/v1\/wallets\/[^/]+\/withdrawals$/.test(path)) {
          add(held, String(body.walletId), BigInt(body.total as number));
        }
      }
    }
    const durationMs = Date.now() - started;
    console.log(`fuzz: seed=${SEED} requests=${count} duration=${durationMs}ms`);
    console.log(
      `fuzz: statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}`,
    );
    expect(failures.slice(0, 20)).toEqual([]);

    const audit = await runAudit(t.ctx.db);
    expect(audit.ok).toBe(true);
    const balancesAfter = await walletBalances();
    for (const [id, after] of balancesAfter) {
      const before = balancesBefore.get(id) ?? { posted: 0n, pending: 0n };
      expect([id, after.posted - before.posted]).toEqual([id, moved.get(id) ?? 0n]);
      expect([id, after.pending - before.pending]).toEqual([id, held.get(id) ?? 0n]);
    }
    for (const id of moved.keys()) expect(balancesAfter.has(id)).toBe(true);
    // The fuzzer reaches past validation: some money requests were accepted.
    expect(moved.size + held.size).toBeGreaterThan(0);
    expect(count).toBeGreaterThanOrEqual(Math.min(REQUESTS, 3_000));
  }, 180_000);

  function validTransfer(rng: Rng) {
    const [from, to] = rng.chance(0.5) ? [alice, bob] : [bob, alice];
    return {
      method: 'POST' as const,
      url: '/v1/transfers',
      headers: { ...from.auth, 'idempotency-key': `fuzz-${SEED}-valid-${rng.int(1e9)}` },
      payload: {
        fromWalletId: ownWallet.get(from.id),
        to: { walletId: ownWallet.get(to.id) },
        amount: 1 + rng.int(1_000),
      },
    };
  }

  /** The caller's own session ended (a fuzzed logout or freeze): the next requests would all be 401. */
  function sessionLost(res: { statusCode: number; body: string }) {
    if (res.statusCode !== 401 && res.statusCode !== 403) return false;
    const code = res.body.includes('"code"') ? (JSON.parse(res.body) as { code?: string }).code : undefined;
    return code === 'invalid_token' || code === 'token_expired' || code === 'account_frozen';
  }

  /** Unfreezes the user (and the operator, directly) and logs in again, so the fuzz keeps reaching past auth. */
  async function revive(user: TestUser) {
    await t.ctx.db.query("UPDATE identity.users SET status = 'active' WHERE id = $1", [operator.id]);
    if (user !== operator) {
      await login(operator);
      await post(t.app, operator, `/v1/admin/users/${user.id}/unfreeze`, { reason: 'fuzz: revive' }, null);
    }
    await login(user);
  }

  async function login(user: TestUser) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/auth/login',
      payload: { email: user.email, password: user.password },
    });
    if (res.statusCode !== 200) return; // throttled: try again on the next lost session
    user.accessToken = res.json().accessToken;
    user.auth = { ...user.auth, authorization: `Bearer ${user.accessToken}` };
  }

  /** Every wallet's posted balance and pending debits, from the ledger itself. */
  async function walletBalances() {
    const { rows } = await t.ctx.db.query<{ id: string; posted: string; pending: string }>(
      `SELECT a.id, (sum(b.credits_posted) - sum(b.debits_posted))::text AS posted,
              sum(b.debits_pending)::text AS pending
         FROM ledger.accounts a JOIN ledger.balances b ON b.account_id = a.id -- wallets: the accounts that must not go negative
        GROUP BY a.id
       HAVING bool_or(b.dr_limit)`,
    );
    return new Map(rows.map((r) => [r.id, { posted: BigInt(r.posted), pending: BigInt(r.pending) }]));
  }

  function buildRequest(rng: Rng, op: Operation, caller: TestUser) {
    let path = op.path;
    const query: string[] = [];
    for (const p of op.params) {
      if (p.in === 'path') {
        const v = rng.chance(0.7) ? rng.pick(ids) : String(valueFor(rng, p.name, p.schema ?? {}, 0));
        path = path.replace(`{${p.name}}`, enc(v));
      } else if (p.in === 'query' && rng.chance(0.6)) {
        const v = rng.chance(0.3) ? rng.pick(HOSTILE_STRINGS) : valueFor(rng, p.name, p.schema ?? {}, 0);
        query.push(`${enc(p.name)}=${enc(String(v))}`);
      }
    }
    if (rng.chance(0.05)) query.push(`unknown=${enc(rng.pick(HOSTILE_STRINGS))}`);
    const headers: Record<string, string> = { ...caller.auth };
    if (op.method === 'POST') {
      // Valid keys on money routes most of the time, so money can actually move.
      headers['idempotency-key'] = rng.chance(0.9)
        ? `fuzz-${SEED}-${rng.int(1e9)}-${rng.int(1e9)}`
        : rng.pick(['', ' ', 'é', 'x'.repeat(300), '\u0000']).replace('\u0000', '%00');
      if (headers['idempotency-key'] === '') delete headers['idempotency-key'];
    }
    const url = path + (query.length ? `?${query.join('&')}` : '');
    const method = op.method as 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    if (!op.body && !['POST', 'PUT', 'PATCH'].includes(op.method)) return { method, url, headers };
    let payload: unknown = op.body ? mutate(rng, valueFor(rng, '', op.body, 0), op.body) : {};
    if (rng.chance(0.03)) payload = rng.pick(WRONG_TYPES);
    return {
      method,
      url,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(payload),
    };
  }

  /** A plausible value for a schema (valid more often than not), using known ids and names. */
  function valueFor(rng: Rng, name: string, schema: Schema, depth: number): unknown {
    const variants = schema.oneOf ?? schema.anyOf;
    if (variants?.length) return valueFor(rng, name, rng.pick(variants), depth + 1);
    if (schema.enum?.length) return rng.pick(schema.enum);
    const type = Array.isArray(schema.type) ? schema.type.find((x) => x !== 'null') : schema.type;
    if (type === 'object' || schema.properties) {
      const out: Record<string, unknown> = {};
      if (depth > 4) return out;
      for (const [key, sub] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || rng.chance(0.5)) out[key] = valueFor(rng, key, sub, depth + 1);
      }
      return out;
    }
    if (type === 'array') return depth > 4 ? [] : [valueFor(rng, name, schema.items ?? {}, depth + 1)];
    if (type === 'integer' || type === 'number') {
      if (/amount/i.test(name)) return rng.pick([1, 50, 100, 2_500, 10_000, 20_000, 100_000]);
      if (rng.chance(0.2)) return rng.pick(HOSTILE_NUMBERS);
      const lo = schema.minimum ?? 0;
      const hi = Math.min(schema.maximum ?? 1_000, lo + 1_000);
      return lo + rng.int(hi - lo + 1);
    }
    if (type === 'boolean') return rng.chance(0.5);
    return stringFor(rng, name, schema);
  }

  function stringFor(rng: Rng, name: string, schema: Schema): string {
    if (rng.chance(0.1)) return rng.pick(HOSTILE_STRINGS);
    // The caller's own wallet half the time, so money requests get past ownership checks.
    if (/walletId$/i.test(name) && rng.chance(0.5)) return ownWallet.get(currentCaller.id) ?? rng.pick(ids);
    if (schema.format === 'uuid' || /id$/i.test(name)) return rng.pick(ids);
    if (schema.format === 'date-time')
      return new Date(Date.UTC(2020 + rng.int(8), rng.int(12), 1)).toISOString();
    if (/email/i.test(name)) return rng.pick([alice.email, bob.email, operator.email, 'nobody@example.com']);
    if (/phone/i.test(name)) return rng.pick(['08031234567', '08039876543', '+2348031234567', '0801']);
    if (/currency/i.test(name)) return rng.pick(['NGN', 'USD', 'GHS', 'ngn']);
    if (/bankCode/i.test(name)) return rng.pick(['058', '044', '999']);
    if (/accountNumber/i.test(name)) return rng.pick(['0123456789', '0000000001', '9999999999']);
    if (/customerRef/i.test(name)) return rng.pick(['1111111111111', '08011111111', '0123', '1212121212']);
    if (/billerId/i.test(name)) return rng.pick(['ikeja-electric', 'mtn', 'dstv', 'nope']);
    if (/productCode/i.test(name)) return rng.pick(['prepaid', 'postpaid', 'airtime', 'x']);
    if (/password/i.test(name)) return rng.pick(['correct horse battery staple', 'short']);
    if (/cursor/i.test(name)) return rng.pick(CURSORS);
    if (/role/i.test(name)) return rng.pick(['customer', 'operator', 'admin', 'root']);
    const max = Math.min(schema.maxLength ?? 40, 40);
    return 'fuzz text Ẹ ṣé 🙂'.slice(0, Math.max(1, max));
  }

  /** Breaks a valid-looking body: drop, add, retype or replace one field (or none). */
  function mutate(rng: Rng, value: unknown, schema: Schema): unknown {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return value;
    const out = { ...(value as Record<string, unknown>) };
    const keys = Object.keys(out);
    const key = keys.length ? rng.pick(keys) : 'x';
    switch (rng.int(10)) {
      case 0:
        delete out[key];
        break;
      case 1:
        out[rng.pick(['extra', '__proto__', 'constructor', 'amount2'])] = rng.pick(HOSTILE_STRINGS);
        break;
      case 2:
        out[key] = rng.pick(WRONG_TYPES);
        break;
      case 3:
        out[key] = rng.pick(HOSTILE_NUMBERS);
        break;
      case 4:
        out[key] = rng.pick(HOSTILE_STRINGS);
        break;
      case 5:
        if (schema.properties?.[key]) out[key] = mutate(rng, out[key], schema.properties[key]!);
        break;
      default:
        break; // valid as generated (half the time)
    }
    return out;
  }
});

/** Percent-encodes; a lone surrogate (which encodeURIComponent refuses) becomes the bytes of one, invalid UTF-8. */
function enc(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return '%ED%A0%80';
  }
}

function operationsOf(spec: {
  paths: Record<string, Record<string, { parameters?: Operation['params']; requestBody?: unknown }>>;
}): Operation[] {
  const out: Operation[] = [];
  for (const [path, methods] of Object.entries(spec.paths)) {
    if (SKIPPED.has(path)) continue;
    for (const [method, op] of Object.entries(methods)) {
      const content = (op.requestBody as { content?: Record<string, { schema?: Schema }> } | undefined)
        ?.content;
      out.push({
        method: method.toUpperCase(),
        path,
        params: op.parameters ?? [],
        body: content?.['application/json']?.schema,
      });
    }
  }
  return out.sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

function collectIds(value: unknown, into: string[], depth = 0): void {
  if (depth > 4 || into.length > 500 || !value || typeof value !== 'object') return;
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && /id$/i.test(k) && /^[0-9a-f-]{36}$/.test(v) && !into.includes(v))
      into.push(v);
    else if (typeof v === 'object') collectIds(v, into, depth + 1);
  }
}
