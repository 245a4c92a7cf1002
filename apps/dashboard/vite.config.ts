import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The dashboard's build: a single-page app in `dist/`, served by the management server at `/`.
 * `npx vite` (in apps/dashboard) serves it for development with `/api` proxied to a running
 * `tollgate start`.
 */
export default defineConfig({
  plugins: [react()],
  resolve: {
    // The client's TypeScript source: no build of the package needed first.
    alias: { '@tollgate/api-client': fileURLToPath(new URL('../../packages/api-client/src/index.ts', import.meta.url)) },
  },
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 1000 },
  server: { proxy: { '/api': 'http://127.0.0.1:9400' } },
});
