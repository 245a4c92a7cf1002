import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServices } from '@tollgate/domain';
import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, nodePasswordHasher, systemClock, uuidGenerator } from '@tollgate/storage';
import { sqliteBackend, type TestStore } from '@tollgate/storage/testing';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from './app.js';
import { TEST_TOKEN } from './testing/harness.js';
import { expectProblem } from './testing/problems.js';

const PAGE = '<!doctype html><title>Tollgate</title><div id="root"></div>';
const SCRIPT = 'console.log("dashboard");';

/** What every answer of the dashboard's page must carry: never cached, never framed. */
function expectPage(res: LightMyRequestResponse): void {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/html/);
  expect(res.body).toBe(PAGE);
  expect(res.headers['cache-control']).toBe('no-cache');
  expect(res.headers['x-frame-options']).toBe('DENY');
  expect(res.headers['content-security-policy']).toBe("frame-ancestors 'none'");
}

describe('the dashboard served by the management server', () => {
  let test: TestStore;
  let app: FastifyInstance;
  let root: string;

  beforeEach(async () => {
    root = mkdtempSync(join(tmpdir(), 'tollgate-dashboard-build-'));
    writeFileSync(join(root, 'index.html'), PAGE);
    mkdirSync(join(root, 'assets'));
    writeFileSync(join(root, 'assets', 'app.js'), SCRIPT);
    test = await sqliteBackend.open();
    const services = createServices({
      store: test.store,
      clock: systemClock,
      ids: uuidGenerator,
      credentials: nodeCredentialIssuer,
      passwords: nodePasswordHasher,
      policyTypes: POLICIES,
    });
    app = await createAdminApi({ services, adminToken: TEST_TOKEN, version: 'test', dashboardRoot: root });
    await app.ready();
  });

  afterEach(async () => {
    await app.close();
    await test.dispose();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers a deep link that asks for HTML with index.html, not cached and not framable', async () => {
    expectPage(await app.inject({ method: 'GET', url: '/products/x?group=production', headers: { accept: 'text/html,*/*;q=0.8' } }));
  });

  it('answers / with index.html and the same headers', async () => {
    expectPage(await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } }));
  });

  it('serves the built assets as files', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.body).toBe(SCRIPT);
    expect(res.headers['x-frame-options']).toBeUndefined();
  });

  it('keeps the API problem for an unknown /api URL even when HTML is asked for (401 without a token)', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/api/v1/nope', headers: { accept: 'text/html' } }), 'UNAUTHENTICATED');
  });

  it('answers 404 problems for what is not a page: another method, a missing asset', async () => {
    expectProblem(await app.inject({ method: 'POST', url: '/foo', headers: { accept: 'text/html' } }), 'NOT_FOUND');
    expectProblem(await app.inject({ method: 'GET', url: '/assets/missing.js', headers: { accept: '*/*' } }), 'NOT_FOUND');
  });
});
