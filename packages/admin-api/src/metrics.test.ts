import { createServices } from '@tollgate/domain';
import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, nodePasswordHasher, systemClock, uuidGenerator } from '@tollgate/storage';
import { sqliteBackend, type TestStore } from '@tollgate/storage/testing';
import type { FastifyInstance } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAdminApi } from './app.js';
import { TEST_TOKEN } from './testing/harness.js';
import { expectProblem } from './testing/problems.js';

describe('GET /metrics on the management server', () => {
  let test: TestStore;
  let app: FastifyInstance;
  let scrapes = 0;
  let services: ReturnType<typeof createServices>;

  beforeEach(async () => {
    scrapes = 0;
    test = await sqliteBackend.open();
    services = createServices({
      store: test.store,
      clock: systemClock,
      ids: uuidGenerator,
      credentials: nodeCredentialIssuer,
      passwords: nodePasswordHasher,
      policyTypes: POLICIES,
    });
    const metrics = {
      contentType: 'text/plain; version=0.0.4; charset=utf-8',
      render: async () => `# HELP tollgate_scrapes_total x\n# TYPE tollgate_scrapes_total counter\ntollgate_scrapes_total ${++scrapes}\n`,
    };
    app = await createAdminApi({ services, adminToken: TEST_TOKEN, version: 'test', metrics });
  });

  afterEach(async () => {
    await app.close();
    await test.dispose();
  });

  it('serves the metrics source in the Prometheus text format to the admin token', async () => {
    const res = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${TEST_TOKEN}` } });

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.body).toContain('tollgate_scrapes_total 1');
  });

  it('answers 401 without the token and renders nothing', async () => {
    expectProblem(await app.inject({ method: 'GET', url: '/metrics' }), 'UNAUTHENTICATED');
    expect(scrapes).toBe(0);
  });

  it('serves the session of a user holding VIEW_ANALYTICS and refuses any other user (403), rendering nothing for them', async () => {
    const password = 'correct horse battery';
    await services.users.create({ username: 'ops', displayName: 'Ops', email: 'ops@example.test', password, groups: ['api-users'] });
    await services.users.create({ username: 'dev', displayName: 'Dev', email: 'dev@example.test', password });
    const session = async (username: string) => (await services.auth.login({ username, password })).token;

    const admin = await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${await session('ops')}` } });
    expect(admin.statusCode).toBe(200);
    expect(scrapes).toBe(1);
    expectProblem(
      await app.inject({ method: 'GET', url: '/metrics', headers: { authorization: `Bearer ${await session('dev')}` } }),
      'FORBIDDEN',
    );
    expect(scrapes).toBe(1);
  });
});
