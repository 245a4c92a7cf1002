import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * The dashboard's production build (`apps/dashboard/dist`, made by `npm run build`), or undefined
 * when it has not been built: the management API then runs without it.
 */
export function dashboardRoot(): string | undefined {
  try {
    const root = join(dirname(createRequire(import.meta.url).resolve('@tollgate/dashboard/package.json')), 'dist');
    return existsSync(join(root, 'index.html')) ? root : undefined;
  } catch {
    return undefined;
  }
}
