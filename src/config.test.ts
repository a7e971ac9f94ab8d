/**
 * The variable list (src/config/variables.ts) is the one truth: .env.example and
 * the README's configuration table match it, every bad value is refused naming
 * its variable, and nothing outside src/config reads the environment.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadBenchConfig,
  loadConfig,
  loadSimConfig,
  RATE_LIMIT_VARS,
  trustProxyVar,
  VARIABLES,
} from './config.js';
import type { Program, Variable } from './config/variables.js';
import { DEFAULT_KNOBS, DEFAULT_PROVIDER_TIMEOUT_MS } from './providers/index.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const LIST = Object.entries(VARIABLES) as [string, Variable<unknown>][];
const NAMES = LIST.map(([name]) => name).sort();

/** `# NAME=value  # comment` and `NAME=value` lines of .env.example, value unquoted. */
function envExample(): Map<string, string> {
  const text = readFileSync(join(ROOT, '.env.example'), 'utf8');
  const lines = [...text.matchAll(/^#? ?([A-Z][A-Z0-9_]*)=(.*)$/gm)];
  return new Map(
    lines.map((m) => [
      m[1] as string,
      (m[2] as string)
        .replace(/\s+#.*$/, '')
        .trim()
        .replace(/^"(.*)"$/, '$1'),
    ]),
  );
}

/** Rows `| \`NAME\`[, \`NAME2\`] | default | meaning |` of the README's "## Configuration" table. */
function readmeRows(): { names: string[]; defaultCell: string }[] {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.split(/^## /m).find((s) => s.startsWith('Configuration\n'));
  if (!section) throw new Error('README has no "## Configuration" section');
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => {
      const [first = '', defaultCell = ''] = line.split(/\s\|\s/).map((cell) => cell.replace(/^\| /, ''));
      return { names: [...first.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string), defaultCell };
    });
}

describe('the configuration documents', () => {
  it('.env.example lists exactly the variables of the list, with their defaults', () => {
    const example = envExample();
    expect([...example.keys()].sort()).toEqual(NAMES);
    for (const [name, variable] of LIST) {
      const value = example.get(name);
      // A plain default is shown as is; `unset` and rule defaults leave room for an example value.
      const plain = /^`([^`]*)`$/.exec(variable.default)?.[1];
      if (plain !== undefined && value) expect(value, name).toBe(plain);
    }
  });

  it("the README's configuration table lists exactly the variables of the list, with their defaults", () => {
    const rows = readmeRows();
    const documented = rows.flatMap((row) => row.names);
    expect(documented.filter((name, i) => documented.indexOf(name) !== i)).toEqual([]);
    expect([...documented].sort()).toEqual(NAMES);
    for (const row of rows) {
      for (const name of row.names) {
        const variable = VARIABLES[name as keyof typeof VARIABLES];
        expect(row.defaultCell, name).toContain(variable.default);
      }
    }
  });
});

const LOADERS: Record<Program, (env: Record<string, string>) => unknown> = {
  server: (env) => loadConfig({ NODE_ENV: 'test', ...env }),
  sim: (env) => loadSimConfig(env),
  bench: (env) => loadBenchConfig(env),
};

/** Values each variable must refuse, from its kind and bounds. */
function badValues(variable: Variable<unknown>): string[] {
  const { min = 0, max = 0 } = variable;
  switch (variable.kind) {
    case 'int':
      return ['ten', '1.5', '1e3', String(min - 1), String(max + 1)];
    case 'float':
      return ['ten', 'NaN', String(min - 1), String(max + 1)];
    case 'choice':
      return ['not-a-choice', (variable.choices?.[0] ?? '').toUpperCase()];
    case 'url':
      return ['not a url', 'gopher://example.com/', `http://example.com/${'x'.repeat(max)}`];
    case 'text':
      return min > 1 ? ['x'.repeat(min - 1), 'x'.repeat(max + 1)] : ['x'.repeat(max + 1)];
  }
}

describe('every variable is parsed and bounded at start', () => {
  it('accepts an empty environment (every default)', () => {
    for (const load of Object.values(LOADERS)) expect(() => load({})).not.toThrow();
  });

  for (const [name, variable] of LIST) {
    it(`refuses a bad ${name}, naming it`, () => {
      const bad = badValues(variable);
      expect(bad.length).toBeGreaterThan(0);
      for (const program of variable.programs) {
        for (const value of bad) {
          let error: unknown;
          try {
            LOADERS[program]({ [name]: value });
          } catch (caught) {
            error = caught;
          }
          expect(error, `${program}: ${name}=${value.slice(0, 40)}`).toBeInstanceOf(ConfigError);
          expect((error as ConfigError).variable).toBe(name);
          expect((error as ConfigError).message).toContain(name);
        }
      }
    });
  }

  it('has the defaults the code documents elsewhere', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.providerSim).toEqual(DEFAULT_KNOBS);
    expect(config.providerTimeoutMs).toBe(DEFAULT_PROVIDER_TIMEOUT_MS);
  });

  it('stops the process at start with the name of a bad variable (a NaN delay before)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'vendra-config-'));
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', DATA_DIR: dataDir, PORT: '0', PAYOUT_SIM_PENDING_MS: 'soon' },
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(run.status).toBe(2);
      expect(run.stderr).toContain('Configuration error: PAYOUT_SIM_PENDING_MS');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('types what it parses', () => {
    const config = loadConfig({
      NODE_ENV: 'test',
      PAYOUT_SIM_PENDING_MS: '250',
      PROVIDER_SIM_FAILURE_RATE: '0.25',
      TRUST_PROXY: '2',
      WEB_DIST_DIR: 'web/dist',
      SMTP_URL: 'smtp://mail.example.com:587',
    });
    expect(config.payoutSimPendingMs).toBe(250);
    expect(config.providerSim.failureRate).toBe(0.25);
    expect(config.trustProxy).toBe(2);
    expect(config.webDistDir).toBe(join(process.cwd(), 'web/dist'));
    expect(config.notifyMode).toBe('smtp');
    expect(config.smtpUrl).toBe('smtp://mail.example.com:587');
    expect('env' in config).toBe(false);
  });
});

/** Non-test sources: src (but not src/config, src/test-support or *.test.ts), bench and scripts. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'test-support' ? [] : sources(path);
    return /\.(ts|mjs|js)$/.test(entry.name) && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

describe('the environment is read only by src/config', () => {
  it('no other source file reads process.env or config.env', () => {
    const files = ['src', 'bench', 'scripts'].flatMap((dir) => sources(join(ROOT, dir)));
    expect(files.length).toBeGreaterThan(50);
    const readers = files
      .map((file) => relative(ROOT, file))
      .filter((file) => file !== join('src', 'config.ts') && !file.startsWith(join('src', 'config') + '/'))
      .filter((file) => {
        const text = readFileSync(join(ROOT, file), 'utf8');
        // Spreading the environment into a child process's is passing it on, not reading it.
        return /(?<!\.\.\.)\bprocess\.env\b|\bconfig\.env\b|\bimport\.meta\.env\b/.test(text);
      });
    expect(readers).toEqual([]);
  });
});

describe('TRUST_PROXY', () => {
  it('is off by default and takes a hop count or proxy addresses', () => {
    expect(trustProxyVar({}, 'production')).toBe(false);
    expect(trustProxyVar({ TRUST_PROXY: 'false' }, 'production')).toBe(false);
    expect(trustProxyVar({ TRUST_PROXY: '0' }, 'production')).toBe(false);
    expect(trustProxyVar({ TRUST_PROXY: '2' }, 'production')).toBe(2);
    expect(
      trustProxyVar({ TRUST_PROXY: ' 10.0.0.0/8, 192.0.2.1 ,::1,fd00::/8,loopback' }, 'production'),
    ).toEqual(['10.0.0.0/8', '192.0.2.1', '::1', 'fd00::/8', 'loopback']);
  });

  it('refuses "true" in production and reads it as one hop elsewhere', () => {
    expect(() => trustProxyVar({ TRUST_PROXY: 'true' }, 'production')).toThrow(
      /TRUST_PROXY.*any X-Forwarded-For/,
    );
    expect(trustProxyVar({ TRUST_PROXY: 'true' }, 'development')).toBe(1);
  });

  it('names the bad entry', () => {
    for (const bad of ['11', 'proxy.example.com', '10.0.0.0/33', '10.0.0.1/8/1', '300.1.1.1', '10.0.0.1,']) {
      expect(() => trustProxyVar({ TRUST_PROXY: bad }, 'development')).toThrow(ConfigError);
    }
  });
});

describe('rate limit variables', () => {
  it('have production defaults, are bounded, and RATE_LIMITS=off turns them off', () => {
    const config = loadConfig({ NODE_ENV: 'test' });
    expect(config.rateLimits?.register).toEqual({ max: 5, windowMs: 60_000 });
    expect(config.rateLimits?.lookupDaily).toEqual({ max: 100, windowMs: 86_400_000 });
    expect(loadConfig({ NODE_ENV: 'test', RATE_LIMIT_MONEY_PER_MIN: '7' }).rateLimits?.money.max).toBe(7);
    for (const { variable } of Object.values(RATE_LIMIT_VARS)) {
      expect(() => loadConfig({ NODE_ENV: 'test', [variable]: '0' })).toThrow(variable);
      expect(() => loadConfig({ NODE_ENV: 'test', [variable]: '2000000' })).toThrow(variable);
    }
    expect(loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'off' }).rateLimits).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'test', RATE_LIMITS: 'maybe' })).toThrow('RATE_LIMITS');
  });
});
