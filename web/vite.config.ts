import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));
const api = process.env.VENDRA_API ?? 'http://127.0.0.1:3000';

// `npm run build:web` builds web/ into web/dist, which the server serves at /.
// `npx vite --config web/vite.config.ts` runs a dev server that proxies the API.
export default defineConfig({
  root,
  plugins: [preact()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
    // The CSP forbids inline code: keep every asset an external file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: {
      '/v1': { target: api, changeOrigin: false },
      '/sandbox': { target: api, changeOrigin: false },
      '/health': { target: api, changeOrigin: false },
    },
  },
});
