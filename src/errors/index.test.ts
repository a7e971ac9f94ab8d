import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES, ERROR_STATUS, ErrorCode, forbidden, notFound, statusOf } from './index.js';

describe('error code registry', () => {
  it('gives every code one status, taken by AppError from the table', () => {
    expect(new AppError('product_disabled', 'x').status).toBe(422);
    expect(new AppError('unsupported_currency', 'x').status).toBe(400);
    expect(notFound('Wallet')).toMatchObject({
      status: 404,
      code: 'not_found',
      message: 'Wallet was not found',
    });
    expect(forbidden().status).toBe(403);
    for (const code of ERROR_CODES) {
      expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
      expect(ErrorCode[code]).toBe(code);
      expect([400, 401, 403, 404, 408, 409, 413, 414, 415, 422, 423, 429, 431, 500, 503]).toContain(
        statusOf(code),
      );
    }
  });

  it('keeps one code for "that currency is not offered"', () => {
    expect(ERROR_STATUS).not.toHaveProperty('currency_not_supported');
    expect(ERROR_STATUS.unsupported_currency).toBe(400);
    expect(ERROR_STATUS.currency_mismatch).toBe(422); // two wallets of different currencies
  });

  it('is listed in the README once per code, under its status', () => {
    const readme = readFileSync('README.md', 'utf8');
    const table = readme.slice(readme.indexOf('### Error codes'), readme.indexOf('**Request flow'));
    const listed = new Map<string, number[]>();
    for (const row of table.matchAll(/^\| (\d{3}) \| (.+) \|$/gm)) {
      for (const code of row[2]?.matchAll(/`([a-z_]+)`/g) ?? [])
        listed.set(code[1] as string, [...(listed.get(code[1] as string) ?? []), Number(row[1])]);
    }
    const wrong = ERROR_CODES.filter((c) => JSON.stringify(listed.get(c)) !== JSON.stringify([statusOf(c)]));
    expect(wrong, 'codes missing, repeated or under another status in the README').toEqual([]);
    expect(
      [...listed.keys()].filter((c) => !(c in ERROR_STATUS)),
      'README codes that do not exist',
    ).toEqual([]);
  });
});
