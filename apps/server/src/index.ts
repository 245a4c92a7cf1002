/** @tollgate/server: configuration and composition of the management server (and, later, gateway nodes). */
export { ADMIN_TOKEN_FILE, type AdminToken, resolveAdminToken } from './admin-token.js';
export { DEFAULT_DATA_DIR, DEFAULT_HOST, DEFAULT_PORT, resolveConfig, type ServerConfig, type ServerFlags } from './config.js';
export { createLogger } from './logger.js';
export { type RunningServer, startServer } from './management-server.js';
export { VERSION } from './version.js';
