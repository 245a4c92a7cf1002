import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GatewayNode } from './node.js';
import {
  type EchoUpstream,
  FakeGatewayStore,
  makeGatewayConfig,
  makePolicy,
  makeProject,
  recordingLogger,
  startEchoUpstream,
  startTestGateway,
  type TestGateway,
} from './testing/index.js';

const openProject = (upstream: EchoUpstream, id = 'open', contextPath = '/open') =>
  makeProject({ id, contextPath, target: { url: upstream.url, timeoutMs: 2_000 }, policies: [] });

describe('gateway node', () => {
  let upstream: EchoUpstream;
  let gateway: TestGateway | undefined;
  beforeEach(async () => {
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    await gateway?.close();
    gateway = undefined;
    await upstream.close();
  });

  it('serves a new configuration once the version moves', async () => {
    gateway = await startTestGateway(makeGatewayConfig({ projects: [openProject(upstream)] }));
    expect((await fetch(`${gateway.url}/later/x`)).status).toBe(404);
    gateway.store.replace(makeGatewayConfig({ projects: [openProject(upstream), openProject(upstream, 'later', '/later')] }));
    await gateway.node.refresh();
    expect((await fetch(`${gateway.url}/later/x`)).status).toBe(200);
    expect(gateway.node.snapshot?.version).toBe(gateway.store.version);
  });

  it('reports the version it serves to the registry right after a swap', async () => {
    gateway = await startTestGateway(makeGatewayConfig({ projects: [openProject(upstream)] }));
    const version = gateway.store.bumpVersion();
    await gateway.node.refresh();
    expect(await gateway.store.list(makeGatewayConfig().serverGroupId)).toMatchObject([{ address: gateway.url, configVersion: version }]);
  });

  it('keeps serving the last good snapshot while the store is unreachable, logs it once, and recovers', async () => {
    gateway = await startTestGateway(makeGatewayConfig({ projects: [openProject(upstream)] }));
    gateway.store.unreachable = true;
    await gateway.node.refresh();
    await gateway.node.refresh();
    expect((await fetch(`${gateway.url}/open/x`)).status).toBe(200);
    expect(gateway.logs.filter((entry) => entry.level === 'warn' && entry.message.includes('unreachable'))).toHaveLength(1);
    gateway.store.unreachable = false;
    gateway.store.replace(makeGatewayConfig({ projects: [] }));
    await gateway.node.refresh();
    expect((await fetch(`${gateway.url}/open/x`)).status).toBe(404);
  });

  it('fails a policy it cannot compile closed, with 500 POLICY_FAILED, and logs why', async () => {
    const project = { ...openProject(upstream), policies: [makePolicy({ id: 'mystery', type: 'no-such-policy' })] };
    gateway = await startTestGateway(makeGatewayConfig({ projects: [project] }));
    const response = await fetch(`${gateway.url}/open/x`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { code: string }).code).toBe('POLICY_FAILED');
    expect(upstream.received).toHaveLength(0);
    expect(gateway.logs.some((entry) => entry.level === 'error' && JSON.stringify(entry.object).includes('no-such-policy'))).toBe(true);
  });
});

describe('gateway node: saved snapshot', () => {
  let directory: string;
  let upstream: EchoUpstream;
  const nodes: GatewayNode[] = [];
  const makeNode = (store: FakeGatewayStore, snapshotFile: string) => {
    const node = new GatewayNode({
      serverGroupId: makeGatewayConfig().serverGroupId,
      host: '127.0.0.1',
      port: 0,
      source: store,
      registry: store,
      snapshotFile,
      logger: recordingLogger(),
      drainTimeoutMs: 1_000,
    });
    nodes.push(node);
    return node;
  };
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'tollgate-saved-'));
    upstream = await startEchoUpstream();
  });
  afterEach(async () => {
    await Promise.all(nodes.splice(0).map((node) => node.close()));
    await upstream.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('starts from the configuration an earlier node saved when the store is unreachable', async () => {
    const file = join(directory, 'group.json');
    const store = new FakeGatewayStore(makeGatewayConfig({ projects: [openProject(upstream)] }));
    const first = makeNode(store, file);
    await first.start();
    await first.close();

    store.unreachable = true;
    const second = makeNode(store, file);
    await second.start();
    expect((await fetch(`${second.address}/open/x`)).status).toBe(200);
    expect(second.snapshot?.version).toBe(1);
  });

  it('refuses to start when the store is unreachable and nothing was saved', async () => {
    const store = new FakeGatewayStore(makeGatewayConfig());
    store.unreachable = true;
    await expect(makeNode(store, join(directory, 'none.json')).start()).rejects.toThrow(/no saved snapshot/);
  });
});
