import { definePolicy } from '../kit.js';
import { checkRewrite, createRewrite } from './handler.js';
import { type RewriteConfig, RewriteSchema } from './schema.js';

/** Rewrite: the query string forwarded to the backend (the path cannot be rewritten yet). */
export const rewrite = definePolicy<RewriteConfig>({
  name: 'rewrite',
  description:
    'Rewrites the forwarded path (a regular expression replacement) and query string (keep, remove, rename, set or add parameters).',
  priority: 400,
  flows: ['proxy-request', 'target-request'],
  scopes: ['project', 'resource'],
  schema: RewriteSchema,
  check: checkRewrite,
  create: createRewrite,
});
