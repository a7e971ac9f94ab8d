/** The standalone simulator: reads its environment, logs its URL, stops on SIGTERM. */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simOptionsFromEnv } from './env.js';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const TSX = fileURLToPath(new URL('../../../node_modules/.bin/tsx', import.meta.url));

describe('simOptionsFromEnv', () => {
  it('has defaults: port 3100, loopback, sandbox credentials, documented knob defaults', () => {
    expect(simOptionsFromEnv({})).toEqual({
      host: '127.0.0.1',
      port: 3100,
      name: 'vtpass-sim',
      apiKey: 'sandbox-api-key',
      secretKey: 'sandbox-secret-key',
      publicKey: 'sandbox-public-key',
      latencyMs: 0,
      failureRate: 0,
      pendingRate: 0,
      lostResponseRate: 0,
      pendingMs: 3000,
      timeoutMs: 60_000,
      reversalMs: 3000,
      duplicateWindowMs: 0,
      webhookUrl: null,
      profile: 'default',
      commissionBps: null,
      commissionFlatMinor: null,
      balanceDriftMinor: 0,
      floatEnforced: false,
    });
  });

  it('reads every variable and refuses bad values', () => {
    const env = {
      PROVIDER_SIM_PORT: '0',
      PROVIDER_SIM_HOST: '0.0.0.0',
      PROVIDER_SIM_LATENCY_MS: '25',
      PROVIDER_SIM_FAILURE_RATE: '0.1',
      PROVIDER_SIM_PENDING_RATE: '0.2',
      PROVIDER_SIM_LOST_RESPONSE_RATE: '0.05',
      PROVIDER_SIM_PENDING_MS: '1000',
      PROVIDER_SIM_TIMEOUT_MS: '20000',
      PROVIDER_SIM_REVERSAL_MS: '500',
      PROVIDER_SIM_WEBHOOK_URL: 'http://127.0.0.1:3000/webhooks/vtpass',
      PROVIDER_SIM_PROFILE: 'vtpass-sandbox',
      VTPASS_API_KEY: 'k1',
    };
    expect(simOptionsFromEnv(env)).toMatchObject({
      port: 0,
      host: '0.0.0.0',
      latencyMs: 25,
      failureRate: 0.1,
      pendingRate: 0.2,
      lostResponseRate: 0.05,
      pendingMs: 1000,
      timeoutMs: 20000,
      reversalMs: 500,
      webhookUrl: 'http://127.0.0.1:3000/webhooks/vtpass',
      profile: 'vtpass-sandbox',
      apiKey: 'k1',
    });
    expect(() => simOptionsFromEnv({ PROVIDER_SIM_FAILURE_RATE: '1.5' })).toThrow(
      /PROVIDER_SIM_FAILURE_RATE/,
    );
    expect(() => simOptionsFromEnv({ PROVIDER_SIM_PROFILE: 'live' })).toThrow(/PROVIDER_SIM_PROFILE/);
    expect(() => simOptionsFromEnv({ PROVIDER_SIM_WEBHOOK_URL: 'nope' })).toThrow(/PROVIDER_SIM_WEBHOOK_URL/);
    expect(() => simOptionsFromEnv({ PROVIDER_SIM_PORT: '70000' })).toThrow(/PROVIDER_SIM_PORT/);
  });
});

describe('sim/main.ts', () => {
  it('logs its URL, serves, and exits 0 on SIGTERM', async () => {
    const child = spawn(TSX, [MAIN], {
      env: { ...process.env, PROVIDER_SIM_PORT: '0', PROVIDER_SIM_LATENCY_MS: '1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    try {
      let out = '';
      const url = await new Promise<string>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no URL logged in time: ${out.slice(0, 2000)}`)),
          20_000,
        );
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /"url":"(http:\/\/[^"]+)"/.exec(out);
          if (m?.[1]) {
            clearTimeout(timer);
            resolve(m[1]);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => {
          out += chunk.toString();
        });
      });
      const knobs = (await (await fetch(`${url}/_sim/knobs`)).json()) as { latencyMs: number };
      expect(knobs.latencyMs).toBe(1);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  }, 30_000);
});
