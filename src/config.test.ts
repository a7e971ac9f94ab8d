import { describe, expect, it } from 'vitest';
import { ConfigError, RATE_LIMIT_VARS, loadConfig, trustProxyVar } from './config.js';

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
