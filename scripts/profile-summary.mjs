// node scripts/profile-summary.mjs FILE.cpuprofile [N]
// Self and inclusive time by function and self time by package, from a V8 CPU profile.
import { readFileSync } from 'node:fs';

const [file, n = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const dt = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i++)
  self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + (dt[i] ?? 0));
const total = [...self.values()].reduce((a, b) => a + b, 0);
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const label = (node) => {
  const f = node.callFrame;
  const where = f.url
    .replace(/^file:\/\//, '')
    .replace(/.*node_modules\//, 'nm:')
    .replace(/.*\/dist\//, 'dist/');
  return `${f.functionName || '(anonymous)'} ${where}:${f.lineNumber + 1}`;
};
const pkg = (node) => {
  const url = node.callFrame.url;
  if (!url) return node.callFrame.functionName || '(native)';
  const m = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (m) return m[1];
  if (url.startsWith('node:')) return url;
  return url.replace(/^file:\/\//, '').replace(/.*\/dist\//, 'dist/');
};
const selfBy = new Map();
const inclBy = new Map();
const pkgBy = new Map();
for (const [id, t] of self) {
  const node = byId.get(id);
  selfBy.set(label(node), (selfBy.get(label(node)) ?? 0) + t);
  pkgBy.set(pkg(node), (pkgBy.get(pkg(node)) ?? 0) + t);
  const seen = new Set();
  for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
    const l = label(byId.get(cur));
    if (seen.has(l)) continue;
    seen.add(l);
    inclBy.set(l, (inclBy.get(l) ?? 0) + t);
  }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k);
const pct = (t) => `${((100 * t) / total).toFixed(1).padStart(5)}%`;
console.log(`total sampled ${(total / 1e6).toFixed(2)} s`);
console.log('\nself time by package/file');
for (const [l, t] of top(pkgBy, Number(n))) console.log(`${pct(t)}  ${l}`);
console.log('\nself time by function');
for (const [l, t] of top(selfBy, Number(n))) console.log(`${pct(t)}  ${l}`);
console.log('\ninclusive time by function');
for (const [l, t] of top(inclBy, Number(n))) console.log(`${pct(t)}  ${l}`);
