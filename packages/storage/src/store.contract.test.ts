import { readFileSync } from 'node:fs';
import {
  type AnalyticsEvent,
  type Client,
  isTollgateError,
  type Product,
  type Project,
  type ServerGroup,
  type SubscriptionRecord,
} from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyticsEventsBetween } from './repositories/analytics.js';
import { databaseOf, openStore, type SqlStore } from './store.js';
import { sqliteBackend, type TestStore, testBackends } from './testing/index.js';

const T0 = '2026-01-02T03:04:05.678Z';

const makeGroup = (over: Partial<ServerGroup> = {}): ServerGroup => ({
  id: 'staging',
  name: 'Staging',
  description: '',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const makeProject = (over: Partial<Project> = {}): Project => ({
  id: 'petstore',
  name: 'Petstore',
  version: '1',
  contextPath: '/petstore/v1',
  status: 'active',
  description: 'Pets',
  tags: ['pets'],
  target: { url: 'http://127.0.0.1:9999', timeoutMs: 1000 },
  resources: [{ id: 'pets', path: '/pets/{id}', methods: ['GET'], acceptChildPaths: false, forwardBasePath: true }],
  policies: [{ id: 'key', type: 'verify-api-key', flow: 'proxy-request', enabled: true, continueOnError: false, config: { header: 'x' } }],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const makeProduct = (over: Partial<Product> = {}): Product => ({
  id: 'gold',
  name: 'Gold',
  description: '',
  serverGroupIds: ['production', 'development'],
  access: 'public',
  keyApproval: 'automatic',
  scopes: ['read'],
  quota: { limit: 10, unit: 'minute' },
  projectIds: ['petstore'],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const makeClient = (over: Partial<Client> = {}): Client => ({
  id: 'alice',
  email: 'Alice@Example.com',
  name: 'Alice',
  status: 'active',
  organizationId: null,
  attributes: { tier: 'a' },
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const makeSubscription = (over: Partial<SubscriptionRecord> = {}): SubscriptionRecord => ({
  id: 'app',
  name: 'App',
  clientId: 'alice',
  status: 'active',
  description: '',
  redirectUri: null,
  properties: {},
  products: [
    {
      productId: 'gold',
      status: 'approved',
      keyPrefix: 'tg_k_abcdef',
      ratePlanId: null,
      createdAt: T0,
      keyIssuedAt: T0,
      previousKeyExpiresAt: '2026-01-03T00:00:00.000Z',
      keyDigest: 'a'.repeat(64),
      secretDigest: 'b'.repeat(64),
      previousKeyDigest: 'c'.repeat(64),
    },
  ],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

const E0 = Date.parse(T0);

/** A call admitted and answered by the backend, every dimension known; `i` makes it distinct. */
const makeEvent = (i: number, over: Partial<AnalyticsEvent> = {}): AnalyticsEvent => ({
  receivedAt: E0 + i,
  requestId: `req-${String(i).padStart(5, '0')}`,
  serverGroupId: 'production',
  nodeId: '127.0.0.1:8080',
  projectId: 'petstore',
  projectVersion: '1',
  resourceId: 'pets',
  productId: 'gold',
  clientId: 'alice',
  subscriptionId: 'app',
  organizationId: 'acme',
  method: 'GET',
  status: 200,
  errorCode: null,
  latencyMs: 12.375 + i / 1000,
  backendLatencyMs: 9.8125,
  bytesIn: 0,
  bytesOut: 1_234,
  ...over,
});

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isTollgateError(error) ? error.code : error).toBe(code);
}

for (const backend of testBackends()) {
  describe(`store contract: ${backend.name}`, () => {
    let test: TestStore;
    let store: SqlStore;
    beforeEach(async () => {
      test = await backend.open();
      store = test.store;
    });
    afterEach(() => test.dispose());

    it('creates the default server groups on first start', async () => {
      const page = await store.serverGroups.list({}, { limit: 10 });
      expect(page.items.map((g) => g.id)).toEqual(['development', 'production']);
    });

    it('round-trips every field of every entity', async () => {
      await store.serverGroups.insert(makeGroup());
      await store.projects.insert(makeProject());
      await store.products.insert(makeProduct());
      await store.clients.insert(makeClient());
      await store.subscriptions.insert(makeSubscription());
      await store.organizations.insert({
        id: 'acme',
        name: 'Acme',
        administrators: ['a@acme.test'],
        parentId: null,
        productIds: ['gold'],
        createdAt: T0,
        updatedAt: T0,
      });
      expect(await store.serverGroups.get('staging')).toEqual(makeGroup());
      expect(await store.projects.get('petstore')).toEqual(makeProject());
      expect(await store.products.get('gold')).toEqual(makeProduct());
      expect(await store.clients.get('alice')).toEqual(makeClient());
      expect(await store.subscriptions.get('app')).toEqual(makeSubscription());
      expect((await store.organizations.get('acme'))?.productIds).toEqual(['gold']);
    });

    it('keeps the order of linked ids', async () => {
      await store.projects.insert(makeProject());
      await store.products.insert(makeProduct({ serverGroupIds: ['production', 'development'] }));
      await store.products.update(makeProduct({ serverGroupIds: ['development', 'production'] }));
      expect((await store.products.get('gold'))?.serverGroupIds).toEqual(['development', 'production']);
    });

    it('paginates by id with a cursor and filters', async () => {
      for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) {
        await store.clients.insert(makeClient({ id, email: `${id}@x.test`, status: id === 'c3' ? 'inactive' : 'active' }));
      }
      const first = await store.clients.list({}, { limit: 2 });
      expect(first.items.map((c) => c.id)).toEqual(['c1', 'c2']);
      const second = await store.clients.list({}, { limit: 2, cursor: first.nextCursor ?? undefined });
      expect(second.items.map((c) => c.id)).toEqual(['c3', 'c4']);
      const last = await store.clients.list({}, { limit: 2, cursor: second.nextCursor ?? undefined });
      expect(last).toEqual({ items: [expect.objectContaining({ id: 'c5' })], nextCursor: null });
      const inactive = await store.clients.list({ status: 'inactive' }, { limit: 10 });
      expect(inactive.items.map((c) => c.id)).toEqual(['c3']);
    });

    it('filters projects by deployment and subscriptions by product and organization', async () => {
      await store.projects.insert(makeProject());
      await store.projects.insert(makeProject({ id: 'other', name: 'Other', contextPath: '/other' }));
      await store.projects.insertDeployment({ projectId: 'other', serverGroupId: 'production', contextPath: '/other', deployedAt: T0 });
      expect((await store.projects.list({ serverGroupId: 'production' }, { limit: 10 })).items.map((p) => p.id)).toEqual(['other']);
      await store.products.insert(makeProduct());
      await store.organizations.insert({
        id: 'acme',
        name: 'Acme',
        administrators: [],
        parentId: null,
        productIds: ['gold'],
        createdAt: T0,
        updatedAt: T0,
      });
      await store.clients.insert(makeClient({ organizationId: 'acme' }));
      await store.subscriptions.insert(makeSubscription());
      await store.subscriptions.insert(makeSubscription({ id: 'empty', products: [] }));
      expect((await store.subscriptions.list({ productId: 'gold' }, { limit: 10 })).items.map((s) => s.id)).toEqual(['app']);
      expect((await store.subscriptions.list({ organizationId: 'acme' }, { limit: 10 })).items.map((s) => s.id)).toEqual(['app', 'empty']);
      expect((await store.products.list({ organizationId: 'acme' }, { limit: 10 })).items.map((p) => p.id)).toEqual(['gold']);
      expect((await store.organizations.list({ productId: 'gold' }, { limit: 10 })).items.map((o) => o.id)).toEqual(['acme']);
    });

    it('finds clients by e-mail regardless of case and refuses a second client with the same e-mail', async () => {
      await store.clients.insert(makeClient());
      expect((await store.clients.findByEmail('alice@example.COM'))?.id).toBe('alice');
      await expectCode(store.clients.insert(makeClient({ id: 'other', email: 'ALICE@example.com' })), 'CONFLICT');
    });

    it('maps a duplicate id to CONFLICT and a referenced delete to REFERENCED', async () => {
      await store.serverGroups.insert(makeGroup());
      await expectCode(store.serverGroups.insert(makeGroup()), 'CONFLICT');
      await store.projects.insert(makeProject());
      await store.projects.insertDeployment({
        projectId: 'petstore',
        serverGroupId: 'staging',
        contextPath: '/petstore/v1',
        deployedAt: T0,
      });
      await expectCode(store.serverGroups.delete('staging'), 'REFERENCED');
      await expectCode(store.projects.delete('petstore'), 'REFERENCED');
      expect(await store.projects.get('petstore')).toBeDefined();
    });

    it('refuses a second project with the same name and version', async () => {
      await store.projects.insert(makeProject());
      await expectCode(store.projects.insert(makeProject({ id: 'copy', contextPath: '/copy' })), 'CONFLICT');
    });

    it('refuses two deployments of one context path in one group', async () => {
      await store.projects.insert(makeProject());
      await store.projects.insert(makeProject({ id: 'twin', name: 'Twin' }));
      await store.projects.insertDeployment({
        projectId: 'petstore',
        serverGroupId: 'production',
        contextPath: '/petstore/v1',
        deployedAt: T0,
      });
      await expectCode(
        store.projects.insertDeployment({ projectId: 'twin', serverGroupId: 'production', contextPath: '/petstore/v1', deployedAt: T0 }),
        'CONFLICT',
      );
      await store.projects.insertDeployment({
        projectId: 'twin',
        serverGroupId: 'development',
        contextPath: '/petstore/v1',
        deployedAt: T0,
      });
    });

    it('deletes a subscription with its product entries, and a product only once no one holds it', async () => {
      await store.projects.insert(makeProject());
      await store.products.insert(makeProduct());
      await store.clients.insert(makeClient());
      await store.subscriptions.insert(makeSubscription());
      await expectCode(store.products.delete('gold'), 'REFERENCED');
      expect(await store.subscriptions.delete('app')).toBe(true);
      expect(await store.subscriptions.delete('app')).toBe(false);
      expect(await store.products.delete('gold')).toBe(true);
    });

    it('increments the configuration version on every write, not on reads, and not for a failed transaction', async () => {
      const v0 = await store.gatewayConfig.currentVersion();
      await store.serverGroups.list({}, { limit: 10 });
      expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      await store.serverGroups.insert(makeGroup());
      expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
      await store.transaction(async (repos) => {
        await repos.projects.insert(makeProject());
        await repos.projects.insertDeployment({
          projectId: 'petstore',
          serverGroupId: 'staging',
          contextPath: '/petstore/v1',
          deployedAt: T0,
        });
      });
      expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
      await store
        .transaction(async (repos) => {
          await repos.serverGroups.update(makeGroup({ name: 'Renamed' }));
          await repos.serverGroups.insert(makeGroup({ id: 'production' }));
        })
        .catch(() => {});
      expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
    });

    it('loads what a server group compiles: its deployed projects, every product and every live key', async () => {
      await store.projects.insert(makeProject());
      await store.projects.insert(makeProject({ id: 'other', name: 'Other', contextPath: '/other' }));
      await store.projects.insertDeployment({
        projectId: 'petstore',
        serverGroupId: 'production',
        contextPath: '/petstore/v1',
        deployedAt: T0,
      });
      await store.products.insert(makeProduct());
      await store.clients.insert(makeClient({ status: 'inactive' }));
      await store.subscriptions.insert(makeSubscription());
      const [entry] = makeSubscription().products;
      const beforeGraceEnds = new Date('2026-01-02T12:00:00.000Z');
      const config = await store.gatewayConfig.load('production', beforeGraceEnds);
      expect(config.version).toBe(await store.gatewayConfig.currentVersion());
      expect(config.projects.map((p) => p.id)).toEqual(['petstore']);
      expect(config.products).toEqual([
        {
          id: 'gold',
          quota: makeProduct().quota,
          scopes: ['read'],
          serverGroupIds: ['production', 'development'],
          projectIds: ['petstore'],
        },
      ]);
      const common = { subscriptionId: 'app', clientId: 'alice', organizationId: null, productId: 'gold', active: false, quotaEpoch: 0 };
      expect(config.keys).toEqual([
        { ...common, keyDigest: entry?.keyDigest, expiresAt: null },
        { ...common, keyDigest: entry?.previousKeyDigest, expiresAt: Date.parse('2026-01-03T00:00:00.000Z') },
      ]);
      expect(config.accessTokenSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(await store.gatewayConfig.secretDigestOf(entry?.keyDigest ?? '')).toBe(entry?.secretDigest);
      expect(await store.gatewayConfig.secretDigestOf(entry?.previousKeyDigest ?? '')).toBeUndefined();
      const afterGraceEnds = new Date('2026-01-04T00:00:00.000Z');
      expect((await store.gatewayConfig.load('production', afterGraceEnds)).keys.map((k) => k.keyDigest)).toEqual([entry?.keyDigest]);
    });

    it('loads the keys of many subscriptions, streamed in more than one chunk, each with its own ids', async () => {
      await store.projects.insert(makeProject());
      await store.products.insert(makeProduct());
      await store.clients.insert(makeClient());
      await store.clients.insert(makeClient({ id: 'bob', email: 'bob@example.com' }));
      const [entry] = makeSubscription().products;
      if (entry === undefined) throw new Error('makeSubscription has a product');
      const count = 1_050; // key rows are read 1,000 at a time
      const digest = (i: number) => i.toString(16).padStart(64, '0');
      await store.transaction(async (repos) => {
        for (let i = 0; i < count; i++) {
          const products = [{ ...entry, keyDigest: digest(i), previousKeyDigest: null, previousKeyExpiresAt: null }];
          await repos.subscriptions.insert(makeSubscription({ id: `app-${i}`, clientId: i % 2 === 0 ? 'alice' : 'bob', products }));
        }
      });
      const keys = (await store.gatewayConfig.load('production', new Date(T0))).keys;
      expect(keys).toHaveLength(count);
      const byDigest = new Map(keys.map((key) => [key.keyDigest, key]));
      for (let i = 0; i < count; i++) {
        expect(byDigest.get(digest(i))).toMatchObject({
          subscriptionId: `app-${i}`,
          clientId: i % 2 === 0 ? 'alice' : 'bob',
          organizationId: null,
          productId: 'gold',
          active: true,
          expiresAt: null,
        });
      }
    });

    it('starts a new quota epoch per subscription product on reset, kept when the subscription is saved again', async () => {
      await store.projects.insert(makeProject());
      await store.products.insert(makeProduct());
      await store.clients.insert(makeClient());
      await store.subscriptions.insert(makeSubscription());
      const versionBefore = await store.gatewayConfig.currentVersion();

      expect(await store.quotas.reset('app', 'gold')).toBe(1);
      expect(await store.quotas.reset('app', 'gold')).toBe(2);
      await store.subscriptions.update(makeSubscription({ name: 'Renamed' }));

      expect(await store.gatewayConfig.currentVersion()).toBeGreaterThan(versionBefore);
      const keys = (await store.gatewayConfig.load('production', new Date(T0))).keys;
      expect(keys.map((key) => key.quotaEpoch)).toEqual(keys.map(() => 2));
    });

    it('registers gateway nodes, refreshes them on heartbeat and removes them', async () => {
      const node = { id: 'n1', serverGroupId: 'production', address: 'http://127.0.0.1:8080', configVersion: null, startedAt: T0 };
      await store.nodes.heartbeat(node, T0);
      await store.nodes.heartbeat({ ...node, configVersion: 7 }, '2026-01-02T03:04:10.000Z');
      expect(await store.nodes.list('production')).toEqual([{ ...node, configVersion: 7, lastSeenAt: '2026-01-02T03:04:10.000Z' }]);
      expect(await store.nodes.list('development')).toEqual([]);
      await store.nodes.remove('n1');
      expect(await store.nodes.list('production')).toEqual([]);
    });

    describe('analytics events', () => {
      const all = () => analyticsEventsBetween(databaseOf(store), 0, Number.MAX_SAFE_INTEGER);

      it('records a batch and reads every field back, nulls included, without bumping the configuration version', async () => {
        const version = await store.gatewayConfig.currentVersion();
        const batch = [
          makeEvent(0, { bytesIn: 5_000_000_000, bytesOut: 9_007_199_254_740_991, latencyMs: 0.1 + 0.2 }),
          // No route: no project, and nothing after it.
          makeEvent(1, {
            projectId: null,
            projectVersion: null,
            resourceId: null,
            productId: null,
            clientId: null,
            subscriptionId: null,
            organizationId: null,
            method: 'DELETE',
            status: 404,
            errorCode: 'NOT_FOUND',
            backendLatencyMs: null,
            bytesOut: 0,
          }),
          // Routed, but no recognised key.
          makeEvent(2, {
            productId: null,
            clientId: null,
            subscriptionId: null,
            organizationId: null,
            status: 401,
            errorCode: 'UNAUTHORIZED',
          }),
          // A client without an organisation, closed before an answer.
          makeEvent(3, { organizationId: null, status: 499, backendLatencyMs: null }),
        ];
        await store.analytics.record(batch);
        expect(await all()).toEqual(batch);
        expect(await analyticsEventsBetween(databaseOf(store), E0 + 1, E0 + 3)).toEqual(batch.slice(1, 3));
        expect(await store.gatewayConfig.currentVersion()).toBe(version);
      });

      it('stores each event once when a batch is recorded again, or a request id repeats', async () => {
        const batch = [0, 1, 2].map((i) => makeEvent(i));
        await store.analytics.record(batch);
        await store.analytics.record(batch);
        // A retry that carries more: only the new events land; the first copy of an id wins.
        await store.analytics.record([makeEvent(1, { status: 500 }), makeEvent(3), makeEvent(3, { status: 502 })]);
        expect(await all()).toEqual([...batch, makeEvent(3)]);
        await store.analytics.record([]);
        expect(await all()).toHaveLength(4);
      });

      it('records a batch larger than one statement whole', async () => {
        const batch = Array.from({ length: 1_200 }, (_, i) => makeEvent(i, { clientId: i % 2 === 0 ? 'alice' : null }));
        await store.analytics.record(batch);
        expect(await all()).toEqual(batch);
      });

      it('records nothing of a batch that fails, even after its first statements succeeded', async () => {
        await store.analytics.record([makeEvent(5_000)]);
        const batch = Array.from({ length: 1_200 }, (_, i) => makeEvent(i));
        // The last event breaks a NOT NULL column; it is in the third statement.
        batch[1_199] = { ...makeEvent(1_199), method: null as unknown as string };
        await expect(store.analytics.record(batch)).rejects.toThrow();
        expect(await all()).toEqual([makeEvent(5_000)]);
      });
    });

    it('rolls back every write of a failed transaction', async () => {
      const failing = store.transaction(async (repos) => {
        await repos.serverGroups.insert(makeGroup());
        await repos.serverGroups.insert(makeGroup({ id: 'production' }));
      });
      await expectCode(failing, 'CONFLICT');
      expect(await store.serverGroups.get('staging')).toBeUndefined();
    });
  });
}

describe('store contract: sqlite file', () => {
  it('keeps its data across a reopen and stores no raw key', async () => {
    const { store, dispose } = await sqliteBackend.open();
    await store.clients.insert(makeClient());
    const file = store.file ?? '';
    await store.close();
    const reopened = await openStore({ dataDir: file.slice(0, -'/tollgate.db'.length) });
    expect((await reopened.clients.get('alice'))?.email).toBe('Alice@Example.com');
    await reopened.close();
    expect(readFileSync(file).includes('Alice@Example.com')).toBe(true);
    await dispose().catch(() => {});
  });
});
