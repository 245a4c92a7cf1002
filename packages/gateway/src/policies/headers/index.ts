import { definePolicy } from '../kit.js';
import { checkHeaders, createHeaders } from './handler.js';
import { type HeadersConfig, HeadersSchema } from './schema.js';

/** Headers: set, add, remove or rename headers of the forwarded request or of the backend's answer. */
export const headers = definePolicy<HeadersConfig>({
  name: 'headers',
  description: 'Sets, adds, removes or renames headers of the forwarded request (request flows) or of the answer (response flows).',
  priority: 410,
  flows: ['proxy-request', 'target-request', 'target-response', 'proxy-response'],
  scopes: ['project', 'resource'],
  schema: HeadersSchema,
  check: checkHeaders,
  create: createHeaders,
});
