import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');

describe('layering (.dependency-cruiser.cjs)', () => {
  it('has no import cycle and no import across the layers', async () => {
    const result = await cruise(['src', 'web/src'], {
      ...config.options,
      validate: true,
      ruleSet: { forbidden: config.forbidden },
    });
    const output = result.output as {
      summary: { violations: { rule: { name: string }; from: string; to: string }[] };
    };
    const violations = output.summary.violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`);
    expect(violations).toEqual([]);
    expect(config.forbidden.map((r: { name: string }) => r.name)).toEqual(
      expect.arrayContaining([
        'no-circular',
        'ledger-imports-only-db',
        'providers-import-no-domain',
        'modules-through-index',
        'web-imports-nothing-from-src',
      ]),
    );
  }, 60_000);
});
