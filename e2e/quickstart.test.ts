import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { adminClient } from './platform.js';

/** Gateways on free ports, so tests never collide on 8080. */
const NO_FIXED_PORTS = ['--gateway', 'production=0', '--gateway', 'development=0'];

/** The README's walkthrough: every entity created with plain HTTP calls, keys shown once. */
async function createEverything(url: string, token: string) {
  const call = adminClient(url, token);
  const created = [
    await call('POST', '/server-groups', { id: 'staging', name: 'Staging' }),
    await call('POST', '/projects', {
      id: 'petstore',
      name: 'Petstore',
      contextPath: '/petstore/v1',
      target: { url: 'http://127.0.0.1:9/' },
    }),
    await call('POST', '/projects/petstore/deployments', { serverGroupId: 'staging' }),
    await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['staging'], projectIds: ['petstore'] }),
    await call('POST', '/organizations', { id: 'acme', name: 'Acme', productIds: ['gold'] }),
    await call('POST', '/clients', { id: 'alice', email: 'alice@acme.test', name: 'Alice', organizationId: 'acme' }),
    await call('POST', '/subscriptions', { id: 'alice-app', name: 'Alice app', clientId: 'alice', products: [{ productId: 'gold' }] }),
  ];
  expect(created.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201, 201]);
  const [entry] = (created[6]?.body.products ?? []) as Array<{ consumerKey: string; consumerSecret: string }>;
  return { call, consumerKey: entry?.consumerKey ?? '', consumerSecret: entry?.consumerSecret ?? '' };
}

describe('quickstart: tollgate start', () => {
  let dataDir: string;
  let running: CliProcess | undefined;
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-e2e-'));
  });
  afterEach(async () => {
    await running?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints a generated admin token once, keeps everything across a restart and stores no raw key', async () => {
    running = await startCli(['start', '--data', dataDir, '--port', '0', ...NO_FIXED_PORTS]);
    const token = /export TOLLGATE_TOKEN=(\S+)/.exec(running.stderr())?.[1] ?? '';
    expect(token).toMatch(/^tga_[A-Za-z0-9_-]{43}$/);
    expect(statSync(join(dataDir, 'admin-token')).mode & 0o777).toBe(0o600);

    const { consumerKey, consumerSecret } = await createEverything(running.url, token);
    expect(consumerKey).toMatch(/^tg_k_/);
    expect(await running.stop()).toBe(0);
    // A clean close checkpoints SQLite's write-ahead log and removes it.
    expect(existsSync(join(dataDir, 'tollgate.db-wal'))).toBe(false);

    running = await startCli(['start', '--data', dataDir, '--port', '0', ...NO_FIXED_PORTS]);
    expect(running.stderr()).not.toContain('TOLLGATE_TOKEN=');
    const get = (path: string) => fetch(`${running?.url}/api/v1${path}`, { headers: { authorization: `Bearer ${token}` } });
    for (const path of ['/server-groups/staging', '/projects/petstore', '/products/gold', '/organizations/acme', '/clients/alice']) {
      expect((await get(path)).status).toBe(200);
    }
    const subscription = await (await get('/subscriptions/alice-app')).text();
    expect(subscription).toContain('"keyPrefix":"tg_k_');
    expect(subscription).not.toContain(consumerKey);
    expect(await (await get('/projects/petstore/deployments')).json()).toMatchObject({ items: [{ serverGroupId: 'staging' }] });

    expect(await running.stop()).toBe(0);
    const database = readFileSync(join(dataDir, 'tollgate.db'));
    expect(database.includes(consumerKey)).toBe(false);
    expect(database.includes(consumerSecret)).toBe(false);
    expect(database.includes(consumerKey.slice(0, 11))).toBe(true);
  });

  it('lets an in-flight request finish after SIGTERM, then exits 0', async () => {
    running = await startCli(['start', '--data', dataDir, '--port', '0', ...NO_FIXED_PORTS], { TOLLGATE_ADMIN_TOKEN: 'drain-token' });
    const body = JSON.stringify({ id: 'drained', name: 'Drained' });
    const { port } = new URL(running.url);
    const response = new Promise<number>((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/server-groups',
          headers: { authorization: 'Bearer drain-token', 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // Half the body now: the request is in flight when the signal arrives.
      req.write(body.slice(0, 10));
      setTimeout(() => {
        running?.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(10)), 300);
      }, 200);
    });
    expect(await response).toBe(201);
    const code = await new Promise((resolve) => running?.child.once('exit', resolve));
    expect(code).toBe(0);
  });

  it('refuses to start with a database URL it cannot use, and says why', async () => {
    await expect(startCli(['start', '--data', dataDir, '--port', '0', '--database', 'mysql://nope', ...NO_FIXED_PORTS])).rejects.toThrow(
      /unsupported database URL/,
    );
  });
});
