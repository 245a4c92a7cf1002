import { resolve } from 'node:path';
import {
  type AnalyticsMode,
  createLogger,
  DEFAULT_ANALYTICS_MODE,
  DEFAULT_DATA_DIR,
  type MeteringMode,
  parseAnalyticsMode,
  parseMeteringMode,
  startStandaloneGateway,
} from '@tollgate/server/gateway';
import { closeOnSignals, failStart } from './shutdown.js';

/** Flags of `tollgate gateway`. */
export interface GatewayFlags {
  serverGroup: string;
  port: number;
  host: string;
  database?: string;
  data?: string;
  redis?: string;
  analytics?: AnalyticsMode;
  metering?: MeteringMode;
}

/**
 * `tollgate gateway`: one node of one server group. It starts from the saved snapshot when
 * the store is unreachable, and keeps serving the last good one while the store is down.
 */
export async function gatewayCommand(flags: GatewayFlags): Promise<void> {
  const logger = createLogger(process.env.TOLLGATE_LOG_LEVEL ?? 'info');
  const dataDir = resolve(flags.data ?? process.env.TOLLGATE_DATA_DIR ?? DEFAULT_DATA_DIR);
  const databaseUrl = flags.database ?? (process.env.TOLLGATE_DATABASE_URL || undefined);
  const gateway = await startStandaloneGateway(
    {
      serverGroupId: flags.serverGroup,
      host: flags.host,
      port: flags.port,
      dataDir,
      databaseUrl,
      redisUrl: flags.redis ?? (process.env.TOLLGATE_REDIS_URL || undefined),
      analytics: flags.analytics ?? parseAnalyticsMode(process.env.TOLLGATE_ANALYTICS || DEFAULT_ANALYTICS_MODE),
      metering: flags.metering ?? parseMeteringMode(process.env.TOLLGATE_METERING || 'async'),
    },
    logger,
  ).catch(failStart);
  process.stderr.write(`\nTollgate gateway ${flags.serverGroup} ${gateway.node.address}\n\n`);
  closeOnSignals(() => gateway.close(), logger);
}
