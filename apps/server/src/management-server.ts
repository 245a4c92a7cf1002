import { createAdminApi } from '@tollgate/admin-api';
import { createServices } from '@tollgate/domain';
import { nodeCredentialIssuer, openStore, systemClock, uuidGenerator } from '@tollgate/storage';
import type { Logger } from 'pino';
import { type AdminToken, resolveAdminToken } from './admin-token.js';
import type { ServerConfig } from './config.js';
import { VERSION } from './version.js';

/** A running management server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:9400`. */
  url: string;
  adminToken: AdminToken;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/**
 * The composition root: opens the store (migrating it), builds the services and the admin
 * API over them, and listens. The only place that wires storage in.
 */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const adminToken = resolveAdminToken(config.dataDir, config.adminToken);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  logger.info({ dialect: store.dialect, file: store.file }, 'configuration store ready');
  const services = createServices({ store, clock: systemClock, ids: uuidGenerator, credentials: nodeCredentialIssuer });
  const app = await createAdminApi({ services, adminToken: adminToken.token, logger, version: VERSION });
  try {
    await app.listen({ host: config.host, port: config.port });
  } catch (error) {
    await app.close();
    await store.close();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    adminToken,
    async close() {
      await app.close();
      await store.close();
    },
  };
}
