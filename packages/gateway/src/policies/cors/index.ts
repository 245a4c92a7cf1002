import { definePolicy } from '../kit.js';
import { checkCors, createCors } from './handler.js';
import { type CorsConfig, CorsSchema } from './schema.js';

/** CORS: answers preflights at the gateway and adds Access-Control-* headers for admitted origins. */
export const cors = definePolicy<CorsConfig>({
  name: 'cors',
  description:
    'Cross-origin resource sharing: answers preflights itself (204, before authentication) and adds Access-Control-* headers; other origins get 403 CORS_REJECTED.',
  priority: 20,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: CorsSchema,
  check: checkCors,
  create: createCors,
});
