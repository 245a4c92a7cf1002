import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Tests run against the TypeScript sources of the workspace packages, no build needed. */
export default defineConfig({
  resolve: {
    // Most specific first: '@tollgate/storage' would also match '@tollgate/storage/testing'.
    alias: [
      { find: '@tollgate/storage/testing', replacement: source('./packages/storage/src/testing/index.ts') },
      { find: '@tollgate/domain', replacement: source('./packages/domain/src/index.ts') },
      { find: '@tollgate/storage', replacement: source('./packages/storage/src/index.ts') },
      { find: '@tollgate/admin-api', replacement: source('./packages/admin-api/src/index.ts') },
      { find: '@tollgate/api-client', replacement: source('./packages/api-client/src/index.ts') },
      { find: '@tollgate/gateway/policies', replacement: source('./packages/gateway/src/policies/index.ts') },
      { find: '@tollgate/gateway', replacement: source('./packages/gateway/src/index.ts') },
      { find: '@tollgate/server', replacement: source('./apps/server/src/index.ts') },
    ],
  },
  test: {
    include: ['packages/*/src/**/*.test.ts', 'apps/*/src/**/*.test.ts', 'e2e/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores: files run in parallel processes, each with its own database.
    pool: 'forks',
    reporters: ['default', './tools/summary-reporter.ts'],
  },
});
