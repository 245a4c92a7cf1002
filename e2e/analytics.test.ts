import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliProcess, startCli } from './cli-process.js';
import { startRecordingUpstream } from './echo-upstream.js';
import { adminClient, eventually } from './platform.js';

const TOKEN = 'analytics-e2e-token';

/** A scripted run of known calls through `tollgate start`; after a clean stop the SQLite file holds exactly one event per call. */
describe('analytics: every call recorded, none lost on a clean stop', () => {
  let dataDir: string;
  let platform: CliProcess;
  let upstream: Awaited<ReturnType<typeof startRecordingUpstream>>;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'tollgate-analytics-e2e-'));
    upstream = await startRecordingUpstream();
    platform = await startCli(['start', '--data', dataDir, '--port', '0', '--gateway', 'production=0', '--analytics'], {
      TOLLGATE_ADMIN_TOKEN: TOKEN,
    });
  });

  afterAll(async () => {
    await platform?.stop();
    await upstream?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('counts each call by project, client and status', async () => {
    const call = adminClient(platform.url, TOKEN);
    await call('POST', '/projects', { id: 'pets', name: 'Pets', contextPath: '/pets', target: { url: upstream.url } });
    await call('POST', '/projects/pets/deployments', { serverGroupId: 'production' });
    await call('POST', '/products', { id: 'gold', name: 'Gold', serverGroupIds: ['production'], projectIds: ['pets'] });
    await call('POST', '/clients', { id: 'alice', email: 'alice@example.test', name: 'Alice' });
    const created = await call('POST', '/subscriptions', { id: 'app', name: 'App', clientId: 'alice', products: [{ productId: 'gold' }] });
    const key = (created.body.products as Array<{ consumerKey: string }>)[0]?.consumerKey ?? '';
    const gateway = platform.gateways.production ?? '';
    const status = async (path: string, apiKey?: string, method = 'GET') => {
      const response = await fetch(`${gateway}${path}`, { method, headers: apiKey === undefined ? {} : { 'x-api-key': apiKey } });
      await response.arrayBuffer();
      return response.status;
    };
    // Readiness probes use HEAD, so the scripted GETs can be counted exactly.
    await eventually(() => status('/pets/ready', key, 'HEAD'), 200);

    // The scripted run: 7 admitted calls by alice, 3 without a key, 2 to no API.
    for (let i = 0; i < 7; i++) expect(await status(`/pets/${i}`, key)).toBe(200);
    for (let i = 0; i < 3; i++) expect(await status('/pets/x')).toBe(401);
    for (let i = 0; i < 2; i++) expect(await status('/nowhere')).toBe(404);
    expect(await platform.stop()).toBe(0);

    const db = new Database(join(dataDir, 'tollgate.db'), { readonly: true });
    try {
      const rows = db
        .prepare(
          `select coalesce(client_id, '-') as client, coalesce(project_id, '-') as project, status,
                  coalesce(error_code, '-') as code, count(*) as calls, count(distinct request_id) as ids
           from analytics_events where method = 'GET'
           group by client_id, project_id, status, error_code order by status`,
        )
        .all();
      expect(rows).toEqual([
        { client: 'alice', project: 'pets', status: 200, code: '-', calls: 7, ids: 7 },
        { client: '-', project: 'pets', status: 401, code: 'API_KEY_MISSING', calls: 3, ids: 3 },
        { client: '-', project: '-', status: 404, code: 'ROUTE_NOT_FOUND', calls: 2, ids: 2 },
      ]);
    } finally {
      db.close();
    }
  });
});
