import { join } from 'node:path';
import type { AnalyticsSink, GatewayConfigSource, MeteringLedger, NodeRegistry, TraceSink } from '@tollgate/domain';
import { type GatewayMetrics, GatewayNode } from '@tollgate/gateway';
import type { Logger } from 'pino';
import type { AnalyticsMode, MeteringMode } from './config.js';

/** Where a node of a group saves its last good configuration. */
export function snapshotFile(dataDir: string, serverGroupId: string): string {
  return join(dataDir, 'snapshots', `${serverGroupId}.json`);
}

/** What a node needs from the store. */
export interface NodeStore {
  gatewayConfig: GatewayConfigSource;
  nodes: NodeRegistry;
  /** Where the node's analytics go. */
  analytics: AnalyticsSink;
  /** Where the calls of traced projects go. */
  traces: TraceSink;
  /** Where the calls of monetized products go. */
  metering: Pick<MeteringLedger, 'record'>;
}

/** Starts one gateway node of `serverGroupId` on `host:port`. */
export async function startGatewayNode(
  store: NodeStore,
  options: {
    serverGroupId: string;
    host: string;
    port: number;
    dataDir: string;
    redisUrl?: string | undefined;
    /** What the node records of each call; default off. */
    analytics?: AnalyticsMode | undefined;
    /** When calls of monetized products reach the ledger; default async. */
    metering?: MeteringMode | undefined;
    /** The process's metrics, shared by its nodes. */
    metrics: GatewayMetrics;
  },
  logger: Logger,
): Promise<GatewayNode> {
  const node = new GatewayNode({
    serverGroupId: options.serverGroupId,
    host: options.host,
    port: options.port,
    source: store.gatewayConfig,
    registry: store.nodes,
    logger: logger.child({ component: 'gateway', serverGroupId: options.serverGroupId }),
    snapshotFile: snapshotFile(options.dataDir, options.serverGroupId),
    ...(options.analytics === undefined || options.analytics === 'off'
      ? {}
      : { analytics: store.analytics, recorder: { rawEvents: options.analytics === 'full' } }),
    metrics: options.metrics,
    traces: store.traces,
    metering: store.metering,
    meteringOptions: { mode: options.metering ?? 'async' },
    ...(options.redisUrl === undefined ? {} : { redisUrl: options.redisUrl }),
  });
  await node.start();
  return node;
}
