import { defineConfig } from 'vitest/config';

// Unit tests of the web app (pure TypeScript, no DOM): `npx vitest run --config web/vitest.config.ts`.
export default defineConfig({
  root: new URL('..', import.meta.url).pathname,
  test: {
    include: ['web/src/**/*.test.ts'],
    environment: 'node',
  },
});
