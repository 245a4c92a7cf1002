import { TollgateError } from '@tollgate/domain';
import type { GatewayNode } from '@tollgate/gateway';
import { openStore, type SqlStore, type StoreOptions } from '@tollgate/storage';
import type { Logger } from 'pino';
import type { AnalyticsMode, MeteringMode } from './config.js';
import { type NodeStore, startGatewayNode } from './gateway-nodes.js';
import { processMetrics } from './metrics.js';

/** Options of `tollgate gateway`. */
export interface StandaloneGatewayOptions extends StoreOptions {
  serverGroupId: string;
  host: string;
  port: number;
  dataDir: string;
  /** Redis URL for limit counters shared with the group's other nodes; unset: in memory. */
  redisUrl?: string | undefined;
  /** What the node records of each call (default `rollups`). */
  analytics?: AnalyticsMode | undefined;
  /** When calls of monetized products reach the ledger (default `async`). */
  metering?: MeteringMode | undefined;
}

/**
 * SQLite page cache of a standalone node's connection: SQLite's own default (2 MiB), not
 * better-sqlite3's 16 MiB. The node only polls the version and reloads the configuration, which
 * reads the key tables through once; at 100,000 keys a 16 MiB cache just fills and stays resident.
 */
const NODE_SQLITE_CACHE_KIB = 2_048;

/**
 * A store that is opened on first use and opened again after a failure, so a node can start,
 * and keep serving its saved snapshot, while the database is down, and reconnect later.
 */
function reconnectingStore(options: StoreOptions): NodeStore & { close(): Promise<void> } {
  let opening: Promise<SqlStore> | undefined;
  const store = () => {
    opening ??= openStore({ ...options, sqliteCacheKiB: NODE_SQLITE_CACHE_KIB }).catch((error: unknown) => {
      opening = undefined;
      // A store that cannot be opened is unavailable: callers that retry (analytics) know to.
      throw Object.assign(new TollgateError('STORAGE_UNAVAILABLE', 'the store cannot be reached'), { cause: error });
    });
    return opening;
  };
  return {
    gatewayConfig: {
      currentVersion: async () => (await store()).gatewayConfig.currentVersion(),
      load: async (group, now) => (await store()).gatewayConfig.load(group, now),
      secretDigestOf: async (keyDigest) => (await store()).gatewayConfig.secretDigestOf(keyDigest),
    },
    analytics: {
      write: async (batch) => (await store()).analytics.write(batch),
    },
    traces: {
      write: async (trace, maxCalls) => (await store()).traces.write(trace, maxCalls),
    },
    metering: {
      record: async (calls) => (await store()).metering.record(calls),
    },
    nodes: {
      heartbeat: async (node, seenAt) => (await store()).nodes.heartbeat(node, seenAt),
      list: async (group) => (await store()).nodes.list(group),
      remove: async (id) => (await store()).nodes.remove(id),
    },
    async close() {
      const current = opening;
      opening = undefined;
      if (current !== undefined) await (await current.catch(() => undefined))?.close();
    },
  };
}

/** `tollgate gateway`: one node of one server group, on its own, against the shared store. */
export async function startStandaloneGateway(
  options: StandaloneGatewayOptions,
  logger: Logger,
): Promise<{ node: GatewayNode; close(): Promise<void> }> {
  const store = reconnectingStore(options);
  const node = await startGatewayNode(store, { ...options, metrics: processMetrics() }, logger).catch(async (error: unknown) => {
    await store.close();
    throw error;
  });
  return {
    node,
    async close() {
      await node.close();
      await store.close();
    },
  };
}
