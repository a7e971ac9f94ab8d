// Checks the layering rules in .dependency-cruiser.cjs. Uses the library
// rather than the depcruise binary, which refuses Node 20 (engines ^22).
import { createRequire } from 'node:module';
import { cruise } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');
const roots = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['src', 'web/src'];

const result = await cruise(roots, {
  ...config.options,
  validate: true,
  ruleSet: { forbidden: config.forbidden },
});
const { violations, totalCruised } = result.output.summary;
for (const v of violations) {
  const via = v.cycle ? ` (cycle: ${v.cycle.map((c) => c.name ?? c).join(' -> ')})` : '';
  console.error(`${v.rule.severity} ${v.rule.name}: ${v.from} -> ${v.to}${via}`);
}
console.log(`depcruise: ${totalCruised} modules, ${violations.length} violations`);
process.exit(violations.some((v) => v.rule.severity === 'error') ? 1 : 0);
