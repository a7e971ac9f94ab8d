// Builds dist/ when it is missing or older than any source file, so `npm start` works on a fresh clone.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const stamp = 'dist/main.js';
const needsBuild = !existsSync(stamp) || newest('src') > statSync(stamp).mtimeMs;
if (needsBuild) {
  console.log('building server...');
  execFileSync(process.execPath, ['scripts/build.mjs'], {
    stdio: 'inherit',
  });
}
if (existsSync('web/package.json') || existsSync('web/index.html')) {
  const webStamp = 'web/dist/index.html';
  if (!existsSync(webStamp) || newest('web/src') > statSync(webStamp).mtimeMs) {
    console.log('building web app (vite)...');
    execFileSync('npm', ['run', 'build:web'], { stdio: 'inherit' });
  }
}
