import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestSchema, type TestSchema, testPostgresUrl } from '@tollgate/storage/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { adminClient, eventually } from './platform.js';

const postgresUrl = testPostgresUrl();
const TOKEN = 'cluster-e2e-token';

describe.skipIf(postgresUrl === undefined)('gateway cluster on PostgreSQL', () => {
  let schema: TestSchema;
  let dataDir: string;
  let platform: CliProcess;
  let standalone: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;

  beforeAll(async () => {
    schema = await createTestSchema(postgresUrl ?? '');
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-cluster-'));
    upstream = await startRecordingUpstream();
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--database', schema.url, '--gateway', 'production=0'], {
      TOLLGATE_ADMIN_TOKEN: TOKEN,
    });
    standalone = await startCli([
      'gateway',
      '--server-group',
      'production',
      '--port',
      '0',
      '--database',
      schema.url,
      '--data',
      join(dataDir, 'node2'),
    ]);
  });

  afterAll(async () => {
    await standalone?.stop();
    await platform?.stop();
    await upstream?.close();
    await schema?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('applies a key and its revocation on every node of the group', async () => {
    const call = adminClient(platform.url, TOKEN);
    await call('POST', '/projects', { id: 'orders', name: 'Orders', contextPath: '/orders', target: { url: upstream.url } });
    await call('POST', '/projects/orders/deployments', { serverGroupId: 'production' });
    await call('POST', '/products', { id: 'p', name: 'P', serverGroupIds: ['production'], projectIds: ['orders'] });
    await call('POST', '/clients', { id: 'bob', email: 'bob@example.test', name: 'Bob' });
    const created = await call('POST', '/subscriptions', {
      id: 'bob-app',
      name: 'Bob app',
      clientId: 'bob',
      products: [{ productId: 'p' }],
    });
    const key = (created.body.products as Array<{ consumerKey: string }>)[0]?.consumerKey ?? '';
    const nodes = [platform.gateways.production ?? '', standalone.url];
    const status = (node: string) => async () => (await fetch(`${node}/orders/1`, { headers: { 'x-api-key': key } })).status;
    for (const node of nodes) await eventually(status(node), 200);
    await call('POST', '/subscriptions/bob-app/products/p/revoke');
    for (const node of nodes) await eventually(status(node), 403);

    const listed = await call('GET', '/server-groups/production/nodes');
    expect((listed.body.items as Array<{ address: string }>).map((n) => n.address).sort()).toEqual([...nodes].sort());
  });
});
