import { createAdminApi } from '@tollgate/admin-api';
import { createServices } from '@tollgate/domain';
import type { GatewayNode } from '@tollgate/gateway';
import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, nodePasswordHasher, openStore, systemClock, uuidGenerator } from '@tollgate/storage';
import type { Logger } from 'pino';
import { type AdminToken, resolveAdminToken } from './admin-token.js';
import { startAnalyticsRetention } from './analytics-retention.js';
import { startBillingJobs } from './billing-jobs.js';
import type { ServerConfig } from './config.js';
import { dashboardRoot } from './dashboard-root.js';
import { startGatewayNode } from './gateway-nodes.js';
import { processMetrics } from './metrics.js';
import { VERSION } from './version.js';

/** A running management server. */
export interface RunningServer {
  /** Base URL, e.g. `http://127.0.0.1:9400`. */
  url: string;
  adminToken: AdminToken;
  /** The embedded gateway nodes, one per server group. */
  gateways: Array<{ serverGroupId: string; url: string }>;
  /** Stops accepting connections, lets in-flight requests finish, then closes the store. */
  close(): Promise<void>;
}

/**
 * The composition root of `tollgate start`: opens the store (migrating it), builds the
 * services and the admin API over them, listens, and starts one embedded gateway node per
 * configured server group on the same store. The only place that wires storage in.
 */
export async function startServer(config: ServerConfig, logger: Logger): Promise<RunningServer> {
  const adminToken = resolveAdminToken(config.dataDir, config.adminToken);
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  logger.info({ dialect: store.dialect, file: store.file }, 'configuration store ready');
  const services = createServices({
    store,
    clock: systemClock,
    ids: uuidGenerator,
    credentials: nodeCredentialIssuer,
    passwords: nodePasswordHasher,
    policyTypes: POLICIES,
    analyticsRetention: config.analyticsRetention,
  });
  const metrics = processMetrics();
  const dashboard = dashboardRoot();
  if (dashboard === undefined) logger.warn('dashboard not built (npm run build): serving the API only');
  const app = await createAdminApi({ services, adminToken: adminToken.token, logger, version: VERSION, metrics, dashboardRoot: dashboard });
  const nodes: GatewayNode[] = [];
  const retention = startAnalyticsRetention(services.analytics, logger);
  const billing = startBillingJobs(services, systemClock, logger);
  const closeAll = async () => {
    retention.stop();
    await billing.stop();
    await Promise.all([app.close(), ...nodes.map((node) => node.close())]);
    await store.close();
  };
  try {
    await app.listen({ host: config.host, port: config.port });
    for (const binding of config.gateways) {
      nodes.push(
        await startGatewayNode(
          store,
          {
            ...binding,
            host: config.host,
            dataDir: config.dataDir,
            redisUrl: config.redisUrl,
            analytics: config.analytics,
            metering: config.metering,
            metrics,
          },
          logger,
        ),
      );
    }
  } catch (error) {
    await closeAll();
    throw error;
  }
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : config.port;
  const host = config.host.includes(':') ? `[${config.host}]` : config.host;
  return {
    url: `http://${host}:${port}`,
    adminToken,
    gateways: nodes.map((node, index) => ({ serverGroupId: config.gateways[index]?.serverGroupId ?? '', url: node.address })),
    close: closeAll,
  };
}
