/** @tollgate/server: configuration and composition of the management server and gateway nodes. */

export { ADMIN_TOKEN_FILE, type AdminToken, resolveAdminToken } from './admin-token.js';
export { type AuditVerifyOptions, type AuditVerifyReport, verifyAuditLog } from './audit-verify.js';
export {
  DEFAULT_DATA_DIR,
  DEFAULT_GATEWAYS,
  DEFAULT_HOST,
  DEFAULT_PORT,
  type GatewayBinding,
  parseAuditHead,
  parseGatewayBinding,
  resolveConfig,
  type ServerConfig,
  type ServerFlags,
} from './config.js';
export { snapshotFile } from './gateway-nodes.js';
export { createLogger } from './logger.js';
export { type RunningServer, startServer } from './management-server.js';
export { type StandaloneGatewayOptions, startStandaloneGateway } from './standalone-gateway.js';
export { VERSION } from './version.js';
