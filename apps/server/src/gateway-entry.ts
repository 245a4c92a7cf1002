/**
 * `@tollgate/server/gateway`: what a standalone gateway node needs, without the management
 * API's modules (Fastify, Ajv, Swagger), so `tollgate gateway` loads and holds less.
 */
export {
  type AnalyticsMode,
  DEFAULT_ANALYTICS_MODE,
  DEFAULT_DATA_DIR,
  type MeteringMode,
  parseAnalyticsMode,
  parseMeteringMode,
} from './config.js';
export { createLogger } from './logger.js';
export { type StandaloneGatewayOptions, startStandaloneGateway } from './standalone-gateway.js';
