/**
 * Dojah (https://api.dojah.io): `GET /api/v1/kyc/bvn/full?bvn=` and
 * `GET /api/v1/kyc/nin?nin=`, authenticated by the `AppId` and
 * `Authorization` (secret key) headers. A found number answers 200 with
 * `{ entity: { first_name, last_name, middle_name, date_of_birth, ... } }`;
 * an unknown one a 4xx with `{ error }`. The request URL carries the number,
 * so neither the URL nor the answer is ever logged.
 */
import { type Dispatcher, request } from 'undici';
import type { IdentityKind, IdentityProvider, IdentityRecord } from './identity-provider.js';

export interface DojahOptions {
  baseUrl: string;
  appId: string;
  secretKey: string;
  timeoutMs: number;
  dispatcher?: Dispatcher;
}

const PATHS: Record<IdentityKind, string> = { bvn: '/api/v1/kyc/bvn/full?bvn=', nin: '/api/v1/kyc/nin?nin=' };
const NOT_FOUND = new Set([400, 404, 422]);
const MAX_RESPONSE_BYTES = 256 * 1024;
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

export function createDojahProvider(options: DojahOptions): IdentityProvider {
  const base = options.baseUrl.replace(/\/+$/, '');
  return {
    name: 'dojah',
    async lookup(kind, number) {
      const answer = await get(options, `${base}${PATHS[kind]}${encodeURIComponent(number)}`);
      if (answer.kind === 'failed') return { outcome: 'unavailable', detail: answer.detail };
      // 400/404/422: Dojah does not know the number; 401, 403, 429...: our side, nothing learnt.
      if (NOT_FOUND.has(answer.status)) return { outcome: 'not_found' };
      if (answer.status !== 200) return { outcome: 'unavailable', detail: `HTTP ${answer.status}` };
      const record = recordOf(answer.body);
      return record
        ? { outcome: 'found', record }
        : { outcome: 'unavailable', detail: 'no entity in the answer' };
    },
  };
}

type Answer = { kind: 'answered'; status: number; body: unknown } | { kind: 'failed'; detail: string };

/** One GET with a hard deadline. Never throws; the detail never holds the URL (it carries the number). */
async function get(options: DojahOptions, url: string): Promise<Answer> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    const res = await request(url, {
      method: 'GET',
      headers: { AppId: options.appId, Authorization: options.secretKey, accept: 'application/json' },
      signal: controller.signal,
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
      ...(options.dispatcher ? { dispatcher: options.dispatcher } : {}),
    });
    const text = await readCapped(res.body);
    if (text === undefined) return { kind: 'failed', detail: 'answer too large' };
    if (res.statusCode >= 500) return { kind: 'failed', detail: `HTTP ${res.statusCode}` };
    try {
      return { kind: 'answered', status: res.statusCode, body: JSON.parse(text) };
    } catch {
      return { kind: 'failed', detail: `HTTP ${res.statusCode}: not JSON` };
    }
  } catch (error) {
    if (controller.signal.aborted)
      return { kind: 'failed', detail: `no answer within ${options.timeoutMs} ms` };
    const code = (error as { code?: unknown } | null)?.code;
    return { kind: 'failed', detail: typeof code === 'string' ? code : 'network error' };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(body: AsyncIterable<Buffer>): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += chunk.length;
    if (size > MAX_RESPONSE_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim().slice(0, 100) : undefined;

function recordOf(body: unknown): IdentityRecord | undefined {
  const entity = (body as { entity?: Record<string, unknown> } | null)?.entity;
  if (typeof entity !== 'object' || entity === null) return undefined;
  const firstName = text(entity.first_name ?? entity.firstname);
  const lastName = text(entity.last_name ?? entity.surname ?? entity.lastname);
  if (!firstName || !lastName) return undefined;
  const middleName = text(entity.middle_name ?? entity.middlename);
  const dateOfBirth = isoDate(text(entity.date_of_birth ?? entity.birthdate));
  return {
    firstName,
    lastName,
    ...(middleName ? { middleName } : {}),
    ...(dateOfBirth ? { dateOfBirth } : {}),
  };
}

/** `1990-05-17`, `17-05-1990` or `17-May-1990` to `1990-05-17`; anything else: undefined (not compared). */
export function isoDate(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const dmy = /^(\d{1,2})[-/](\d{1,2}|[A-Za-z]{3})[-/](\d{4})$/.exec(value);
  if (!dmy) return undefined;
  const month = /^\d+$/.test(dmy[2]!) ? Number(dmy[2]) : MONTHS.indexOf(dmy[2]!.toLowerCase()) + 1;
  if (month < 1 || month > 12) return undefined;
  return `${dmy[3]}-${String(month).padStart(2, '0')}-${dmy[1]!.padStart(2, '0')}`;
}
