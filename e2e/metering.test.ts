import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { adminClient, eventually } from './platform.js';

const TOKEN = 'e2e-metering-admin-token';

/**
 * The metering ledger of a real `tollgate start` (SQLite file): calls of a monetized product go
 * to the ledger once each, billable by the product's criteria; in `sync` mode a kill -9 right after
 * the answers loses none of them, in `async` mode at most the last second's.
 */
describe.each(['sync', 'async'] as const)('metering in %s mode', (mode) => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;
  let key = '';

  const start = () =>
    startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', '--metering', mode], { TOLLGATE_ADMIN_TOKEN: TOKEN });

  /** The ledger's rows, read from the SQLite file (the platform may be gone). */
  const ledger = () => {
    const db = new Database(join(dataDir, 'tollgate.db'), { readonly: true });
    try {
      return db.prepare('select request_id, status, billable from metering_ledger order by received_at').all() as Array<{
        request_id: string;
        status: number;
        billable: number;
      }>;
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `tollgate-metering-${mode}-`));
    upstream = await startRecordingUpstream();
    platform = await start();
    const call = adminClient(platform.url, TOKEN);
    await call('POST', '/projects', { id: 'pets', name: 'Pets', contextPath: '/pets', target: { url: upstream.url } });
    await call('POST', '/projects/pets/deployments', { serverGroupId: 'production' });
    await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['production'], projectIds: ['pets'] });
    const plan = await call('POST', '/products/gold/rate-plans', {
      id: 'std',
      name: 'Standard',
      currency: 'USD',
      meteringType: 'UNIT',
      rates: [{ from: 1, price: 1 }],
    });
    expect(plan.status).toBe(201);
    await call('POST', '/clients', { id: 'carol', name: 'Carol', email: 'carol@example.test' });
    const created = await call('POST', '/subscriptions', {
      id: 'app',
      name: 'App',
      clientId: 'carol',
      products: [{ productId: 'gold', ratePlanId: 'std' }],
    });
    key = (created.body.products as Array<{ consumerKey: string }>)[0]?.consumerKey ?? '';
    await eventually(
      async () => (await fetch(`${platform.gateways.production}/pets/ready`, { headers: { 'x-api-key': key } })).status,
      200,
    );
  }, 60_000);

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = async (count: number, query = '') => {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      const response = await fetch(`${platform.gateways.production}/pets/c${i}${query}`, { headers: { 'x-api-key': key } });
      await response.arrayBuffer();
      ids.push(response.headers.get('x-request-id') ?? '');
    }
    return ids;
  };

  it('records every call once, billable when it succeeded, and survives a kill -9 as the mode promises', async () => {
    await eventually(async () => ledger().length > 0, true);
    const before = ledger().length;
    const ok = await send(8);
    const failed = await send(4, '?status=503');

    const exited = once(platform.child, 'exit');
    platform.child.kill('SIGKILL');
    await exited;
    const rows = ledger();
    const sent = new Set([...ok, ...failed]);
    const recorded = rows.filter((row) => sent.has(row.request_id));

    expect(new Set(rows.map((row) => row.request_id)).size).toBe(rows.length);
    if (mode === 'sync') {
      expect(recorded).toHaveLength(12);
      expect(recorded.filter((row) => row.billable === 1).map((row) => row.status)).toEqual(Array(8).fill(200));
      expect(recorded.filter((row) => row.billable === 0).map((row) => row.status)).toEqual(Array(4).fill(503));
    } else {
      // What a kill -9 may cost in async mode: the calls of the last second, never more, never a duplicate.
      expect(rows.length - before).toBeLessThanOrEqual(12);
      for (const row of recorded) expect(row.billable).toBe(row.status === 200 ? 1 : 0);
    }

    // Restarted, the node writes nothing twice.
    platform = await start();
    await send(2);
    await eventually(async () => ledger().length >= rows.length + 2, true);
    const again = ledger();
    expect(new Set(again.map((row) => row.request_id)).size).toBe(again.length);
  }, 60_000);
});
