/** Prints the README's error-code table from the registry (npx tsx scripts/error-table.ts). */
import { ERROR_CODES, statusOf } from '../src/errors/index.js';

const byStatus = new Map<number, string[]>();
for (const code of ERROR_CODES) byStatus.set(statusOf(code), [...(byStatus.get(statusOf(code)) ?? []), code]);
console.log('| status | codes |\n|---|---|');
for (const [status, codes] of [...byStatus].sort((a, b) => a[0] - b[0]))
  console.log(`| ${status} | ${codes.map((c) => `\`${c}\``).join(', ')} |`);
