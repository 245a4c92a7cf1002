import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GatewayConfig } from '@tollgate/domain';
import { GatewayNode, type GatewayNodeOptions } from '../node.js';
import type { GatewayLogger } from '../pipeline.js';
import { FakeGatewayStore } from './fake-store.js';

/** One line the gateway logged. */
export interface LogEntry {
  level: 'info' | 'warn' | 'error';
  object: object;
  message: string;
}

/** A logger that keeps what it is given, so tests can check what a node reported (and the console stays quiet). */
export function recordingLogger(): GatewayLogger & { entries: LogEntry[] } {
  const entries: LogEntry[] = [];
  return {
    entries,
    info: (object, message) => entries.push({ level: 'info', object, message }),
    warn: (object, message) => entries.push({ level: 'warn', object, message }),
    error: (object, message) => entries.push({ level: 'error', object, message }),
  };
}

/** Node options a test may set; address, store and snapshot file are the kit's. */
export type TestGatewayOptions = Partial<
  Omit<GatewayNodeOptions, 'serverGroupId' | 'host' | 'port' | 'source' | 'registry' | 'snapshotFile'>
> & {
  /** Serve from this store instead of a new one holding `config` (e.g. to share it between nodes). */
  store?: FakeGatewayStore;
};

/** A started gateway node and what a test needs to reach and stop it. */
export interface TestGateway {
  node: GatewayNode;
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  store: FakeGatewayStore;
  /** What the node logged (empty when the test passed its own logger). */
  logs: LogEntry[];
  snapshotFile: string;
  /** Stops the node (idempotent) and removes its temporary directory. */
  close(): Promise<void>;
}

/**
 * Starts a real {@link GatewayNode} for `config`'s server group on 127.0.0.1 (a free port), fed by a
 * {@link FakeGatewayStore}, saving its snapshot in a fresh temporary directory. The drain timeout
 * defaults to 2 s so a test that leaves a request hanging cannot stall the suite's teardown.
 */
export async function startTestGateway(config: GatewayConfig, options: TestGatewayOptions = {}): Promise<TestGateway> {
  const { store = new FakeGatewayStore(config), ...nodeOptions } = options;
  const directory = await mkdtemp(join(tmpdir(), 'tollgate-gateway-test-'));
  const snapshotFile = join(directory, 'snapshot.json');
  const recorder = recordingLogger();
  const logger = nodeOptions.logger ?? recorder;
  const node = new GatewayNode({
    drainTimeoutMs: 2_000,
    ...nodeOptions,
    logger,
    serverGroupId: config.serverGroupId,
    host: '127.0.0.1',
    port: 0,
    source: store,
    registry: store,
    snapshotFile,
  });
  try {
    await node.start();
  } catch (error) {
    await rm(directory, { recursive: true, force: true });
    throw error;
  }
  const port = Number(new URL(node.address).port);
  let closing: Promise<void> | undefined;
  return {
    node,
    url: node.address,
    port,
    store,
    logs: recorder.entries,
    snapshotFile,
    close() {
      closing ??= node.close().finally(() => rm(directory, { recursive: true, force: true }));
      return closing;
    },
  };
}
