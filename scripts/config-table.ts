/**
 * Prints the README's configuration table from the variable list
 * (src/config/variables.ts): `npx tsx scripts/config-table.ts`.
 * src/config.test.ts checks the README against the same list.
 */
import { VARIABLES } from '../src/config.js';

const rows = Object.entries(VARIABLES).map(
  ([name, variable]) => `| \`${name}\` | ${variable.default} | ${variable.meaning}${bounds(variable)} |`,
);
console.log(['| variable | default | meaning |', '|---|---|---|', ...rows].join('\n'));

function bounds(variable: { kind: string; min?: number; max?: number; choices?: readonly string[] }): string {
  if (variable.kind === 'int' || variable.kind === 'float') return ` (${variable.min}-${variable.max})`;
  return '';
}
