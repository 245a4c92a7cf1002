import { once } from 'node:events';
import type { Server } from 'node:http';
import { hostname } from 'node:os';
import type { AnalyticsSink, GatewayConfig, GatewayConfigSource, MeteringLedger, NodeRegistry, TraceSink } from '@tollgate/domain';
import type { CallRecording } from './analytics/call-record.js';
import { EventRecorder, type RecorderOptions } from './analytics/recorder.js';
import { RedisCache, type SharedCache } from './cache/shared-cache.js';
import { GroupCounters } from './counters/group-counters.js';
import { RedisCounters } from './counters/redis.js';
import { ConsumerSecrets } from './credentials/consumer-secrets.js';
import { createListener, DEFAULT_LISTENER_LIMITS, type ListenerLimits } from './http/server.js';
import { type MeteringOptions, MeteringRecorder } from './metering/recorder.js';
import { GatewayMetrics } from './metrics/gateway-metrics.js';
import { createPipeline, type GatewayLogger, type PipelineState } from './pipeline.js';
import { loadSnapshotConfig, saveSnapshotConfig } from './snapshot/persist.js';
import { buildSnapshot, type Snapshot } from './snapshot/snapshot.js';
import { TraceRecorder } from './trace/recorder.js';
import { Upstreams } from './upstream/forward.js';

/** How a gateway node is set up. */
export interface GatewayNodeOptions {
  serverGroupId: string;
  host: string;
  /** 0: any free port. */
  port: number;
  source: GatewayConfigSource;
  registry: NodeRegistry;
  logger: GatewayLogger;
  /** Where the last good configuration is saved and read back when the store is unreachable. */
  snapshotFile: string;
  /** How often the configuration version is polled (default 250 ms: changes apply well within 1 s). */
  pollIntervalMs?: number;
  /** How often the node reports itself (default 5 s). */
  heartbeatIntervalMs?: number;
  /** Largest request body forwarded (default 10 MiB); larger → 413. */
  maxBodyBytes?: number;
  /** How long a stop waits for in-flight requests before cutting connections (default 30 s). */
  drainTimeoutMs?: number;
  limits?: Partial<ListenerLimits>;
  /** Redis URL: limit counters shared by every node using it; absent: counters in this node's memory. */
  redisUrl?: string;
  /** Where the node writes one analytics event per call, in batches; absent: nothing is recorded. */
  analytics?: AnalyticsSink;
  /** Batching of analytics events (tests shorten it). */
  recorder?: RecorderOptions;
  /** Where the node writes the calls of traced projects (trace sessions); absent: nothing is traced. */
  traces?: TraceSink;
  /** The metering ledger: where calls of monetized products go; absent: nothing is metered. */
  metering?: Pick<MeteringLedger, 'record'>;
  /** `async` (default) or `sync` metering, and its batching (tests shorten it). */
  meteringOptions?: MeteringOptions;
  /** Metrics shared with other nodes of the process (the management server's); absent: the node's own. */
  metrics?: GatewayMetrics;
  now?: () => Date;
}

/** A node not seen for this many heartbeat intervals no longer counts as live (its share goes to the others). */
const LIVE_HEARTBEATS = 3;

/** Default request body limit. */
export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

/**
 * A gateway node of one server group: serves the group's deployed projects from an in-memory
 * snapshot, rebuilt and swapped whole when the configuration version changes, saved to disk,
 * and kept when the store is unreachable.
 */
export class GatewayNode {
  private readonly options: GatewayNodeOptions;
  private readonly now: () => Date;
  private readonly upstreams = new Upstreams();
  private readonly counters: GroupCounters;
  /** Consumer secret digests read from the store, kept across snapshots. */
  private readonly consumerSecrets: ConsumerSecrets;
  /** Where each finished call goes: metrics always, analytics when the node has a sink. */
  private readonly recording: CallRecording;
  /** Answers kept in Redis for response-cache policies with `store: "redis"`; none without Redis. */
  private readonly sharedCache: SharedCache | undefined;
  /** Live nodes of the group, this one included, as of the last heartbeat. */
  private groupSize = 1;
  private state: PipelineState | undefined;
  private server: Server | undefined;
  private pollTimer: NodeJS.Timeout | undefined;
  private heartbeatTimer: NodeJS.Timeout | undefined;
  private storeFailing = false;
  private readonly startedAt: string;
  private nodeId = '';
  private nodeAddress = '';

  constructor(options: GatewayNodeOptions) {
    this.options = options;
    this.now = options.now ?? (() => new Date());
    this.startedAt = this.now().toISOString();
    const remote = options.redisUrl === undefined ? undefined : new RedisCounters({ url: options.redisUrl });
    this.counters = new GroupCounters(
      remote,
      () => this.groupSize,
      () => this.now().getTime(),
    );
    this.consumerSecrets = new ConsumerSecrets(options.source);
    this.sharedCache = options.redisUrl === undefined ? undefined : new RedisCache({ url: options.redisUrl });
    const recorder = options.analytics === undefined ? undefined : new EventRecorder(options.analytics, options.logger, options.recorder);
    this.recording = {
      recorder,
      traces: options.traces === undefined ? undefined : new TraceRecorder(options.traces, options.logger, () => this.now().getTime()),
      metering:
        options.metering === undefined ? undefined : new MeteringRecorder(options.metering, options.logger, options.meteringOptions),
      metrics: options.metrics ?? new GatewayMetrics(),
      serverGroupId: options.serverGroupId,
      nodeId: '',
    };
    this.recording.metrics.addNode(options.serverGroupId, {
      snapshotVersion: () => this.state?.snapshot.version,
      analyticsDropped: () => recorder?.dropped ?? 0,
      analyticsPending: () => recorder?.pending ?? 0,
      meteringDropped: () => this.recording.metering?.dropped ?? 0,
      meteringPending: () => this.recording.metering?.pending ?? 0,
    });
  }

  /** Base URL of the node, once started. */
  get address(): string {
    return this.nodeAddress;
  }

  /** Analytics events dropped because the buffer was full (0 without analytics). */
  get analyticsDropped(): number {
    return this.recording.recorder?.dropped ?? 0;
  }

  /** The node's Prometheus registry (the management server merges embedded nodes' into its own `/metrics`). */
  get metrics(): GatewayMetrics {
    return this.recording.metrics;
  }

  /** Writes the buffered analytics events now (tests; the node flushes every second on its own). */
  async flushAnalytics(): Promise<void> {
    await this.recording.recorder?.flush();
  }

  /** Writes the buffered metered calls now (tests; the node flushes every second on its own). */
  async flushMetering(): Promise<void> {
    await this.recording.metering?.flush();
  }

  /** Resolves once every trace handed to the trace sink so far is written (tests; traces are written as calls end). */
  async flushTraces(): Promise<void> {
    await this.recording.traces?.settled();
  }

  /** The snapshot being served. */
  get snapshot(): Snapshot | undefined {
    return this.state?.snapshot;
  }

  /**
   * Builds the first snapshot (from the store, or from the saved file when the store cannot be
   * read), listens, then polls and heartbeats. Fails when neither source has a configuration.
   */
  async start(): Promise<void> {
    const { logger, serverGroupId } = this.options;
    let snapshot: Snapshot;
    try {
      snapshot = await this.loadFromStore();
    } catch (error) {
      const saved = await loadSnapshotConfig(this.options.snapshotFile);
      if (saved === undefined)
        throw new Error(`server group '${serverGroupId}': the store is unreachable and no saved snapshot exists`, { cause: error });
      logger.warn({ serverGroupId, version: saved.version, err: error }, 'store unreachable; serving the saved snapshot');
      this.storeFailing = true;
      snapshot = this.build(saved);
    }
    this.state = { snapshot, draining: false };
    const server = createListener(
      { ...DEFAULT_LISTENER_LIMITS, ...this.options.limits },
      createPipeline(
        this.state,
        this.upstreams,
        { maxBodyBytes: this.options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES },
        logger,
        this.consumerSecrets,
        this.recording,
      ),
    );
    server.listen(this.options.port, this.options.host);
    await once(server, 'listening');
    this.server = server;
    const address = server.address();
    const port = typeof address === 'object' && address !== null ? address.port : this.options.port;
    const host = this.options.host.includes(':') ? `[${this.options.host}]` : this.options.host;
    this.nodeAddress = `http://${host}:${port}`;
    this.nodeId = `${hostname()}:${port}`;
    this.recording.nodeId = this.nodeId;
    logger.info({ serverGroupId, address: this.nodeAddress, version: snapshot.version }, 'gateway node listening');
    this.schedulePoll();
    await this.heartbeat();
    this.heartbeatTimer = setInterval(() => void this.heartbeat(), this.options.heartbeatIntervalMs ?? 5_000);
    this.heartbeatTimer.unref();
  }

  /**
   * Stops: no new connections, in-flight requests complete (their responses close the
   * connection), idle keep-alive connections close, then the node leaves the registry.
   */
  async close(): Promise<void> {
    clearTimeout(this.pollTimer);
    clearInterval(this.heartbeatTimer);
    this.pollTimer = undefined;
    const server = this.server;
    if (server === undefined || this.state === undefined) {
      await this.counters.close();
      await this.sharedCache?.close();
      await this.recording.recorder?.close();
      await this.recording.metering?.close();
      return;
    }
    this.server = undefined;
    this.state.draining = true;
    const closed = once(server, 'close');
    server.close();
    server.closeIdleConnections();
    const timeout = setTimeout(() => server.closeAllConnections(), this.options.drainTimeoutMs ?? 30_000);
    await closed;
    clearTimeout(timeout);
    await this.upstreams.close();
    // Every call has ended: its event is buffered; a clean stop writes them all, and waits for its traces.
    await this.recording.recorder?.close();
    await this.recording.metering?.close();
    await this.recording.traces?.settled();
    await this.counters.close();
    await this.sharedCache?.close();
    await this.options.registry.remove(this.nodeId).catch(() => {});
  }

  /** Checks the version once and rebuilds if it moved; exposed so tests need not wait for the timer. */
  async refresh(): Promise<void> {
    const state = this.state;
    if (state === undefined) return;
    try {
      const version = await this.options.source.currentVersion();
      if (version !== state.snapshot.version) {
        state.snapshot = await this.loadFromStore();
        // Report the new version at once, so the group page shows which nodes have it.
        await this.heartbeat();
      }
      if (this.storeFailing) this.options.logger.info({ serverGroupId: this.options.serverGroupId }, 'store reachable again');
      this.storeFailing = false;
    } catch (error) {
      if (!this.storeFailing) {
        this.options.logger.warn(
          { serverGroupId: this.options.serverGroupId, err: error },
          'store unreachable; keeping the last good snapshot',
        );
      }
      this.storeFailing = true;
    }
  }

  private schedulePoll(): void {
    this.pollTimer = setTimeout(async () => {
      await this.refresh();
      if (this.pollTimer !== undefined) this.schedulePoll();
    }, this.options.pollIntervalMs ?? 250);
    this.pollTimer.unref();
  }

  private async loadFromStore(): Promise<Snapshot> {
    const config = await this.options.source.load(this.options.serverGroupId, this.now());
    const snapshot = this.build(config);
    await saveSnapshotConfig(this.options.snapshotFile, config).catch((error: unknown) =>
      this.options.logger.warn({ file: this.options.snapshotFile, err: error }, 'cannot save the snapshot'),
    );
    return snapshot;
  }

  private build(config: GatewayConfig): Snapshot {
    return buildSnapshot(config, () => this.now().getTime(), {
      onProblem: (problem) =>
        this.options.logger.error({ serverGroupId: this.options.serverGroupId, ...problem }, 'policy not usable; it fails closed'),
      counters: this.counters,
      consumerSecrets: this.consumerSecrets,
      sharedCache: this.sharedCache,
    });
  }

  private async heartbeat(): Promise<void> {
    try {
      await this.options.registry.heartbeat(
        {
          id: this.nodeId,
          serverGroupId: this.options.serverGroupId,
          address: this.nodeAddress,
          configVersion: this.state?.snapshot.version ?? null,
          startedAt: this.startedAt,
        },
        this.now().toISOString(),
      );
      const since = this.now().getTime() - LIVE_HEARTBEATS * (this.options.heartbeatIntervalMs ?? 5_000);
      const nodes = await this.options.registry.list(this.options.serverGroupId);
      this.groupSize = Math.max(1, nodes.filter((node) => Date.parse(node.lastSeenAt) >= since).length);
    } catch {
      // The store being down is already reported by the poll; serving goes on.
    }
  }
}
