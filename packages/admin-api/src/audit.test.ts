import type { AuditRecord } from '@tollgate/domain';
import { verifyAuditChain } from '@tollgate/storage';
import Database from 'better-sqlite3';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeClientInput,
  makeGroupInput,
  makeOrganizationInput,
  makeProductInput,
  makeProjectInput,
  makeServerGroupInput,
  makeSubscriptionInput,
  makeUserInput,
} from './testing/factories.js';
import { type ApiHarness, startApi } from './testing/harness.js';
import { expectProblem } from './testing/problems.js';
import { userSessions } from './testing/users.js';

let api: ApiHarness;
/** How far the API's clock runs ahead of the system's: a test moves it past a billing period. */
let ahead = 0;

beforeEach(async () => {
  ahead = 0;
  api = await startApi(undefined, { clock: { now: () => new Date(Date.now() + ahead) } });
});

afterEach(async () => {
  await api.close();
});

const { createUser, sessionOf, as, login } = userSessions(() => api);

/** Every record, oldest first. */
async function records(): Promise<AuditRecord[]> {
  const all: AuditRecord[] = [];
  for await (const record of api.test.store.audit.scan()) all.push(record);
  return all;
}

const MUTATING = new Set(['post', 'put', 'patch', 'delete']);

/** `method path-template` → operationId, for every mutating route of the OpenAPI document. */
async function mutatingRoutes(): Promise<Map<string, string>> {
  const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
    paths: Record<string, Record<string, { operationId: string }>>;
  };
  const routes = new Map<string, string>();
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (MUTATING.has(method)) routes.set(`${method} ${path}`, operation.operationId);
    }
  }
  return routes;
}

/** One call of the scenario: what it sends, as whom, and the route template it must hit. */
interface Step {
  route: string;
  url: string;
  body?: unknown;
  token?: string;
  target: { type: string; id: string } | null;
}

describe('the audit log of every mutating route', () => {
  it('writes exactly one success record per call, with its action, actor, request id, status and target, in one valid chain', async () => {
    // A draft invoice of a period that has ended, for the finalize step: a client's call
    // made now, then the clock moved 40 days on (past the month's end) and rated, before the users log in.
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
    await api.services.ratePlans.create('silver', {
      id: 'pay',
      name: 'Pay',
      currency: 'USD',
      meteringType: 'UNIT',
      rates: [{ from: 1, price: 3 }],
    });
    await api.services.clients.create(makeClientInput({ id: 'dave' }));
    await api.services.subscriptions.create(
      makeSubscriptionInput({ id: 'dave-app', clientId: 'dave', products: [{ productId: 'silver', ratePlanId: 'pay' }] }),
    );
    const calledAt = Date.now() + 1_000;
    await api.test.store.metering.record([
      {
        requestId: 'r1',
        receivedAt: calledAt,
        subscriptionId: 'dave-app',
        productId: 'silver',
        clientId: 'dave',
        status: 200,
        billable: true,
      },
    ]);
    ahead = 40 * 86_400_000;
    await api.services.rating.run();
    const invoiceId =
      (await api.services.rating.listInvoices({ clientId: 'dave' }, { limit: 10 })).items.find(
        (invoice) => Date.parse(invoice.periodEnd) <= Date.now() + ahead,
      )?.id ?? '';
    await createUser('alice', ['administrators']);
    const alice = await sessionOf('alice');
    const before = (await records()).length;
    const tokenId = { value: '' };
    let bobSession = '';

    const steps: Array<Step | (() => Step)> = [
      {
        route: 'post /api/v1/server-groups',
        url: '/api/v1/server-groups',
        body: makeServerGroupInput({ id: 'staging' }),
        target: { type: 'server-group', id: 'staging' },
      },
      {
        route: 'patch /api/v1/server-groups/{id}',
        url: '/api/v1/server-groups/staging',
        body: { description: 'Staging nodes' },
        target: { type: 'server-group', id: 'staging' },
      },
      {
        route: 'post /api/v1/projects',
        url: '/api/v1/projects',
        body: makeProjectInput({ id: 'p' }),
        target: { type: 'project', id: 'p' },
      },
      { route: 'patch /api/v1/projects/{id}', url: '/api/v1/projects/p', body: { name: 'P two' }, target: { type: 'project', id: 'p' } },
      {
        route: 'post /api/v1/projects/{id}/deployments',
        url: '/api/v1/projects/p/deployments',
        body: { serverGroupId: 'staging' },
        target: { type: 'project', id: 'p' },
      },
      {
        route: 'post /api/v1/projects/{id}/trace',
        url: '/api/v1/projects/p/trace',
        body: { serverGroupId: 'staging' },
        target: { type: 'project', id: 'p' },
      },
      { route: 'delete /api/v1/projects/{id}/trace', url: '/api/v1/projects/p/trace', target: { type: 'project', id: 'p' } },
      {
        route: 'delete /api/v1/projects/{id}/deployments/{serverGroupId}',
        url: '/api/v1/projects/p/deployments/staging',
        target: { type: 'project', id: 'p' },
      },
      { route: 'post /api/v1/users', url: '/api/v1/users', body: makeUserInput({ username: 'bob' }), target: { type: 'user', id: 'bob' } },
      {
        route: 'patch /api/v1/users/{username}',
        url: '/api/v1/users/bob',
        body: { displayName: 'Bob B' },
        target: { type: 'user', id: 'bob' },
      },
      {
        route: 'post /api/v1/users/{username}/tokens',
        url: '/api/v1/users/bob/tokens',
        body: { name: 'ci' },
        target: { type: 'user', id: 'bob' },
      },
      () => ({
        route: 'delete /api/v1/users/{username}/tokens/{tokenId}',
        url: `/api/v1/users/bob/tokens/${tokenId.value}`,
        target: { type: 'user', id: 'bob' },
      }),
      {
        route: 'post /api/v1/groups',
        url: '/api/v1/groups',
        body: makeGroupInput({ id: 'team', members: { users: ['bob'] } }),
        target: { type: 'group', id: 'team' },
      },
      { route: 'patch /api/v1/groups/{id}', url: '/api/v1/groups/team', body: { name: 'The team' }, target: { type: 'group', id: 'team' } },
      {
        route: 'put /api/v1/permissions/{type}/{id}',
        url: '/api/v1/permissions/group/team',
        body: { permissions: ['VIEW_PRODUCTS'] },
        target: { type: 'group', id: 'team' },
      },
      {
        route: 'put /api/v1/projects/{id}/permissions',
        url: '/api/v1/projects/p/permissions',
        body: { entries: [{ principal: { type: 'group', id: 'team' }, view: 'allow', modify: 'inherit', deploy: 'deny' }] },
        target: { type: 'project', id: 'p' },
      },
      {
        route: 'post /api/v1/products',
        url: '/api/v1/products',
        body: makeProductInput({ id: 'gold', projectIds: ['p'], keyApproval: 'manual' }),
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'patch /api/v1/products/{id}',
        url: '/api/v1/products/gold',
        body: { name: 'Gold 2' },
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'put /api/v1/products/{id}/permissions',
        url: '/api/v1/products/gold/permissions',
        body: { entries: [{ principal: { type: 'user', id: 'bob' }, view: 'deny', modify: 'inherit' }] },
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'post /api/v1/products/{id}/rate-plans',
        url: '/api/v1/products/gold/rate-plans',
        body: {
          id: 'std',
          name: 'Standard',
          currency: 'USD',
          meteringType: 'UNIT',
          rates: [
            { from: 1, to: 10, price: 5 },
            { from: 11, price: 2 },
          ],
        },
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'patch /api/v1/products/{id}/rate-plans/{planId}',
        url: '/api/v1/products/gold/rate-plans/std',
        body: { name: 'Standard 2' },
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'put /api/v1/products/{id}/success-criteria',
        url: '/api/v1/products/gold/success-criteria',
        body: { statuses: [{ from: 200, to: 299 }], header: { name: 'X-Billable', value: 'yes' } },
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'delete /api/v1/products/{id}/rate-plans/{planId}',
        url: '/api/v1/products/gold/rate-plans/std',
        target: { type: 'product', id: 'gold' },
      },
      {
        route: 'post /api/v1/organizations',
        url: '/api/v1/organizations',
        body: makeOrganizationInput({ id: 'acme' }),
        target: { type: 'organization', id: 'acme' },
      },
      {
        route: 'patch /api/v1/organizations/{id}',
        url: '/api/v1/organizations/acme',
        body: { name: 'Acme 2' },
        target: { type: 'organization', id: 'acme' },
      },
      {
        route: 'put /api/v1/organizations/{id}/permissions',
        url: '/api/v1/organizations/acme/permissions',
        body: { entries: [{ principal: { type: 'user', id: 'bob' }, view: 'allow', modify: 'allow' }] },
        target: { type: 'organization', id: 'acme' },
      },
      {
        route: 'post /api/v1/clients',
        url: '/api/v1/clients',
        body: makeClientInput({ id: 'carol' }),
        target: { type: 'client', id: 'carol' },
      },
      {
        route: 'patch /api/v1/clients/{id}',
        url: '/api/v1/clients/carol',
        body: { name: 'Carol C' },
        target: { type: 'client', id: 'carol' },
      },
      {
        route: 'post /api/v1/clients/{id}/top-ups',
        url: '/api/v1/clients/carol/top-ups',
        body: { currency: 'USD', amount: 1000 },
        target: { type: 'client', id: 'carol' },
      },
      {
        route: 'put /api/v1/clients/{id}/permissions',
        url: '/api/v1/clients/carol/permissions',
        body: { entries: [{ principal: { type: 'user', id: 'bob' }, view: 'allow', modify: 'inherit' }] },
        target: { type: 'client', id: 'carol' },
      },
      {
        route: 'post /api/v1/subscriptions',
        url: '/api/v1/subscriptions',
        body: makeSubscriptionInput({ id: 'app', clientId: 'carol' }),
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'patch /api/v1/subscriptions/{id}',
        url: '/api/v1/subscriptions/app',
        body: { name: 'App 2' },
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'put /api/v1/subscriptions/{id}/permissions',
        url: '/api/v1/subscriptions/app/permissions',
        body: { entries: [{ principal: { type: 'group', id: 'team' }, view: 'allow', modify: 'inherit' }] },
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'post /api/v1/subscriptions/{id}/products/{productId}/approve',
        url: '/api/v1/subscriptions/app/products/gold/approve',
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'post /api/v1/subscriptions/{id}/products/{productId}/regenerate',
        url: '/api/v1/subscriptions/app/products/gold/regenerate',
        body: { graceSeconds: 60 },
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'post /api/v1/subscriptions/{id}/products/{productId}/revoke',
        url: '/api/v1/subscriptions/app/products/gold/revoke',
        target: { type: 'subscription', id: 'app' },
      },
      {
        route: 'post /api/v1/quotas/reset',
        url: '/api/v1/quotas/reset',
        body: { subscriptionId: 'app', productId: 'gold' },
        target: { type: 'subscription', id: 'app' },
      },
      { route: 'post /api/v1/monetization/rating-runs', url: '/api/v1/monetization/rating-runs', target: null },
      () => ({
        route: 'post /api/v1/invoices/{id}/finalize',
        url: `/api/v1/invoices/${invoiceId}/finalize`,
        target: { type: 'invoice', id: invoiceId },
      }),
      {
        route: 'post /api/v1/auth/login',
        url: '/api/v1/auth/login',
        body: { username: 'bob', password: makeUserInput().password },
        target: { type: 'user', id: 'bob' },
      },
      () => ({ route: 'post /api/v1/auth/logout', url: '/api/v1/auth/logout', token: bobSession, target: { type: 'user', id: 'bob' } }),
      { route: 'delete /api/v1/subscriptions/{id}', url: '/api/v1/subscriptions/app', target: { type: 'subscription', id: 'app' } },
      { route: 'delete /api/v1/clients/{id}', url: '/api/v1/clients/carol', target: { type: 'client', id: 'carol' } },
      { route: 'delete /api/v1/organizations/{id}', url: '/api/v1/organizations/acme', target: { type: 'organization', id: 'acme' } },
      { route: 'delete /api/v1/products/{id}', url: '/api/v1/products/gold', target: { type: 'product', id: 'gold' } },
      { route: 'delete /api/v1/projects/{id}', url: '/api/v1/projects/p', target: { type: 'project', id: 'p' } },
      { route: 'delete /api/v1/server-groups/{id}', url: '/api/v1/server-groups/staging', target: { type: 'server-group', id: 'staging' } },
      { route: 'delete /api/v1/groups/{id}', url: '/api/v1/groups/team', target: { type: 'group', id: 'team' } },
      { route: 'delete /api/v1/users/{username}', url: '/api/v1/users/bob', target: { type: 'user', id: 'bob' } },
    ];

    const routes = await mutatingRoutes();
    const called = new Set<string>();
    let seen = before;
    for (const next of steps) {
      const step = typeof next === 'function' ? next() : next;
      const [method] = step.route.split(' ');
      const token = step.token ?? alice;
      const res = await api.app.inject({
        method: method?.toUpperCase() as InjectOptions['method'],
        url: step.url,
        headers: step.url.endsWith('/auth/login') ? {} : { authorization: `Bearer ${token}` },
        ...(step.body === undefined ? {} : { payload: step.body as object }),
      });
      expect(res.statusCode, `${step.route}: ${res.body}`).toBeLessThan(300);
      if (step.route === 'post /api/v1/users/{username}/tokens') tokenId.value = res.json().id;
      if (step.route === 'post /api/v1/auth/login') bobSession = res.json().token;

      const all = await records();
      expect(all.length, step.route).toBe(seen + 1);
      seen = all.length;
      const record = all.at(-1) as AuditRecord;
      const loginOrLogout = step.route.includes('/auth/');
      expect(record, step.route).toMatchObject({
        action: routes.get(step.route),
        method: method?.toUpperCase(),
        path: step.url,
        outcome: 'success',
        status: res.statusCode,
        requestId: res.headers['x-request-id'],
        sourceIp: '127.0.0.1',
        actor: loginOrLogout ? { type: 'user', id: 'bob' } : { type: 'user', id: 'alice' },
        target: step.target,
      });
      called.add(step.route);
    }

    expect([...called].sort()).toEqual([...routes.keys()].sort());
    const check = await verifyAuditChain(api.test.store.audit.scan());
    expect(check.problems).toEqual([]);
    expect(check.records).toBe(seen);
  });
});

describe('what a record holds', () => {
  it('shows only the fields that changed, null before a create and after a delete', async () => {
    await api.call('POST', '/api/v1/products', makeProductInput({ id: 'gold' }));
    await api.call('PATCH', '/api/v1/products/gold', { name: 'Gold 2', description: 'Shiny' });
    await api.call('DELETE', '/api/v1/products/gold');

    const [created, updated, deleted] = await records();

    expect(created?.changes?.before).toBeNull();
    expect(created?.changes?.after).toMatchObject({ id: 'gold', name: 'Gold', permissions: [] });
    expect(Object.keys(updated?.changes?.before ?? {}).sort()).toEqual(['description', 'name', 'updatedAt']);
    expect(updated?.changes?.before).toMatchObject({ name: 'Gold', description: '' });
    expect(updated?.changes?.after).toMatchObject({ name: 'Gold 2', description: 'Shiny' });
    expect(deleted?.changes).toMatchObject({ before: { id: 'gold', name: 'Gold 2' }, after: null });
    expect(created?.actor).toEqual({ type: 'bootstrap', id: null });
  });

  it('redacts secrets in policy configurations, and shows that one changed', async () => {
    const jwt = (secret: string) => ({
      id: 'jwt',
      type: 'jwt',
      flow: 'proxy-request' as const,
      config: { algorithms: ['HS256'], secret },
    });
    const created = await api.call('POST', '/api/v1/projects', makeProjectInput({ id: 'p', policies: [jwt('a'.repeat(32))] }));
    expect(created.statusCode, created.body).toBe(201);
    await api.call('PATCH', '/api/v1/projects/p', { policies: [jwt('b'.repeat(32))] });

    const all = await records();
    const text = JSON.stringify(all);

    expect(text).not.toContain('a'.repeat(32));
    expect(text).not.toContain('b'.repeat(32));
    expect(all[1]?.changes?.before).toMatchObject({ policies: [{ config: { secret: '[redacted]' } }] });
    expect(all[1]?.changes?.after).toMatchObject({ policies: [{ config: { secret: '[redacted]' } }] });
  });

  it('never holds a password, a session, an API token or a consumer secret', async () => {
    await createUser('bob');
    const session = await sessionOf('bob');
    const token = (await api.call('POST', '/api/v1/users/bob/tokens', { name: 'ci' })).json().token as string;
    await api.call('POST', '/api/v1/products', makeProductInput({ id: 'gold' }));
    await api.call('POST', '/api/v1/clients', makeClientInput({ id: 'carol' }));
    const issued = (await api.call('POST', '/api/v1/subscriptions', makeSubscriptionInput({ id: 'app', clientId: 'carol' }))).json();
    const regenerated = (await api.call('POST', '/api/v1/subscriptions/app/products/gold/regenerate', {})).json();

    const text = JSON.stringify(await records());

    for (const secret of [
      makeUserInput().password,
      session,
      token,
      issued.products[0].consumerKey,
      issued.products[0].consumerSecret,
      regenerated.consumerKey,
      regenerated.consumerSecret,
    ]) {
      expect(typeof secret).toBe('string');
      expect(text).not.toContain(secret);
    }
  });
});

describe('refused and failed calls', () => {
  it('records a call without a token as denied by an anonymous actor, whatever its method, unknown URLs included', async () => {
    const read = await api.app.inject({ method: 'GET', url: '/api/v1/products/gold' });
    const unknown = await api.app.inject({ method: 'DELETE', url: '/api/v1/nowhere' });

    expect(read.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    const [first, second] = await records();
    expect(first).toMatchObject({
      action: 'getProduct',
      actor: { type: 'anonymous', id: null },
      outcome: 'denied',
      status: 401,
      target: { type: 'product', id: 'gold' },
      changes: null,
      requestId: read.headers['x-request-id'],
    });
    expect(second).toMatchObject({ action: 'DELETE /api/v1/nowhere', outcome: 'denied', status: 401, target: null });
  });

  it('records a call refused for a missing permission as denied by that user, and a read that passes not at all', async () => {
    await createUser('bob');
    const bob = await sessionOf('bob');
    const loginRecords = (await records()).length;

    expectProblem(await as(bob, 'POST', '/api/v1/products', makeProductInput()), 'FORBIDDEN');
    expect((await as(bob, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    const all = (await records()).slice(loginRecords);
    expect(all).toHaveLength(1);
    expect(all[0]).toMatchObject({ action: 'createProduct', actor: { type: 'user', id: 'bob' }, outcome: 'denied', status: 403 });
    expect((await api.services.products.list({}, { limit: 10 })).items).toEqual([]);
  });

  it('records a failed change as a failure without changes, and a failed login as a failure by nobody', async () => {
    await createUser('bob');
    const invalid = await api.call('POST', '/api/v1/products', { id: 'Not A Slug', name: 'x' });
    const missing = await api.call('PATCH', '/api/v1/products/none', { name: 'x' });
    const wrong = await login('bob', 'not the password');

    expect([invalid.statusCode, missing.statusCode, wrong.statusCode]).toEqual([400, 404, 401]);
    const [a, b, c] = await records();
    expect(a).toMatchObject({ action: 'createProduct', outcome: 'failure', status: 400, changes: null });
    expect(b).toMatchObject({ action: 'updateProduct', outcome: 'failure', status: 404, target: { type: 'product', id: 'none' } });
    expect(c).toMatchObject({
      action: 'login',
      outcome: 'failure',
      status: 401,
      actor: { type: 'anonymous', id: null },
      target: { type: 'user', id: 'bob' },
    });
  });
});

describe('the record and the change share one transaction', () => {
  it('keeps the change out when its record cannot be written', async () => {
    await api.call('POST', '/api/v1/products', makeProductInput({ id: 'gold' }));
    const file = api.test.store.file;
    if (file === undefined) throw new Error('the harness runs on SQLite');
    const db = new Database(file);
    db.exec("CREATE TRIGGER refuse_audit BEFORE INSERT ON audit_log BEGIN SELECT RAISE(ABORT, 'audit refused'); END");
    db.close();

    const res = await api.call('PATCH', '/api/v1/products/gold', { name: 'Gold 2' });

    expect(res.statusCode).toBeGreaterThanOrEqual(500);
    expect((await api.services.products.get('gold')).name).toBe('Gold');
  });
});

describe('GET /api/v1/audit', () => {
  async function scenario(): Promise<void> {
    await createUser('bob', ['administrators']);
    const bob = await sessionOf('bob');
    await api.call('POST', '/api/v1/products', makeProductInput({ id: 'gold' }));
    await as(bob, 'POST', '/api/v1/products', makeProductInput({ id: 'silver', name: 'Silver' }));
    await as(bob, 'PATCH', '/api/v1/products/gold', { name: 'Gold 2' });
    await api.app.inject({ method: 'GET', url: '/api/v1/products' });
  }

  const listOf = async (query: string) => {
    const res = await api.call('GET', `/api/v1/audit${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: AuditRecord[]; nextCursor: string | null };
  };

  it('lists newest first and filters by actor, target, action, outcome and time, combined', async () => {
    await scenario();

    const all = await listOf('');
    expect(all.items.map((r) => r.seq)).toEqual([...all.items.map((r) => r.seq)].sort((a, b) => b - a));
    expect((await listOf('?actor=bob')).items.map((r) => r.action)).toEqual(['updateProduct', 'createProduct', 'login']);
    expect((await listOf('?actor=anonymous')).items.map((r) => r.outcome)).toEqual(['denied']);
    expect((await listOf('?targetType=product&targetId=gold')).items.map((r) => r.action)).toEqual(['updateProduct', 'createProduct']);
    expect((await listOf('?action=createProduct&actor=bob')).items.map((r) => r.target?.id)).toEqual(['silver']);
    expect((await listOf('?outcome=denied')).items).toHaveLength(1);
    const last = all.items[0] as AuditRecord;
    expect((await listOf(`?from=${encodeURIComponent(last.time)}`)).items.length).toBeGreaterThanOrEqual(1);
    expect((await listOf(`?to=${encodeURIComponent(new Date(Date.parse(all.items.at(-1)?.time ?? '')).toISOString())}`)).items).toEqual([]);
  });

  it('pages with nextCursor', async () => {
    await scenario();
    const total = (await listOf('')).items.length;

    const first = await listOf('?limit=2');
    const second = await listOf(`?limit=2&cursor=${encodeURIComponent(first.nextCursor ?? '')}`);

    expect(first.items).toHaveLength(2);
    expect(second.items[0]?.seq).toBe((first.items[1]?.seq ?? 0) - 1);
    expect(total).toBeGreaterThan(4);
  });

  it('exports CSV with a header line and one row per record', async () => {
    await scenario();

    const res = await api.call('GET', '/api/v1/audit?format=csv&targetId=gold');

    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe('attachment; filename="audit.csv"');
    const lines = res.body.trim().split('\n');
    expect(lines[0]).toBe(
      'seq,time,actorType,actorId,sourceIp,requestId,action,method,path,targetType,targetId,outcome,status,changes,prevHash,hash',
    );
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain(',updateProduct,PATCH,/api/v1/products/gold,product,gold,success,200,');
  });

  it('needs VIEW_AUDIT_LOG and answers 400 naming a bad filter', async () => {
    await createUser('bob', ['api-users']);

    expectProblem(await as(await sessionOf('bob'), 'GET', '/api/v1/audit'), 'FORBIDDEN');
    expectProblem(await api.call('GET', '/api/v1/audit?outcome=maybe'), 'VALIDATION_FAILED', ['query.outcome']);
    expectProblem(await api.call('GET', '/api/v1/audit?from=yesterday'), 'VALIDATION_FAILED', ['query.from']);
  });
});
