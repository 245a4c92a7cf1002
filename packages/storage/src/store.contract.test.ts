import { readFileSync } from 'node:fs';
import {
  type AnalyticsEvent,
  type AuditEntry,
  type AuditFilter,
  type AuditRecord,
  type Client,
  DEFAULT_GRANTS,
  DEFAULT_GROUPS,
  DEFAULT_SUCCESS_CRITERIA,
  decodeSketch,
  type EventFilter,
  encodeSketch,
  isTollgateError,
  type MeteredCall,
  newSketch,
  type ObjectPermissionEntry,
  type ObjectRightValue,
  type ObjectType,
  type Page,
  type PageRequest,
  PERMISSIONS,
  type Permission,
  type PlanChange,
  type PrincipalRef,
  type Product,
  type ProductFilter,
  type Project,
  type RatePlan,
  type Resolution,
  type RollupFilter,
  type RollupRow,
  type SeriesDimension,
  type ServerGroup,
  type StoredInvoice,
  type StoredObjectEntry,
  type StoredToken,
  type StoredTopUp,
  type SubscriptionRecord,
  type SuccessCriteria,
  type Trace,
  type TraceSession,
  type UsageFilter,
  type User,
  type Group as UserGroup,
} from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyAuditChain } from './crypto/audit-chain.js';
import { AUDIT_SCAN_CHUNK } from './repositories/audit.js';
import { METERING_ROWS_PER_INSERT } from './repositories/metering.js';
import { openStore, type SqlStore } from './store.js';
import { sqliteBackend, type TestStore, testBackends } from './testing/index.js';

const T0 = '2026-01-02T03:04:05.678Z';
/** A later time, for updates. */
const T1 = '2026-01-03T00:00:00.000Z';

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

const makeUser = (over: Partial<User> = {}): User => ({
  username: 'alice',
  displayName: 'Alice Admin',
  email: 'alice@example.test',
  status: 'active',
  groups: [],
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** A group of users (not a server group), without members unless given. */
const makeUserGroup = (over: Partial<UserGroup> = {}): UserGroup => ({
  id: 'ops',
  name: 'Operations',
  description: 'Runs things',
  members: { users: [], groups: [] },
  builtIn: false,
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** A UNIT plan of `gold`: three bands, the last without `to`, every optional field given. */
const makeRatePlan = (over: Partial<RatePlan> = {}): RatePlan => ({
  id: 'gold-standard',
  productId: 'gold',
  name: 'Standard',
  description: 'Pay per call',
  currency: 'EUR',
  meteringType: 'UNIT',
  rates: [
    { from: 1, to: 1000, price: 0 },
    { from: 1001, to: 10_000, price: 2 },
    { from: 10_001, price: 1 },
  ],
  fees: { setup: 5_000, recurring: 1_999 },
  freemium: { calls: 100, days: 14 },
  billingPeriod: 'calendar-month',
  durationMonths: 12,
  paymentDueDays: 30,
  mode: 'postpaid',
  startDate: T0,
  endDate: '2027-01-01T00:00:00.000Z',
  createdAt: T0,
  updatedAt: T0,
  ...over,
});

/** Stand-ins for scrypt strings: the store keeps whatever hash it is given. */
const HASH_1 = 'scrypt$16384$8$1$c2FsdA$aGFzaC1vbmU';
const HASH_2 = 'scrypt$16384$8$1$c2FsdA$aGFzaC10d28';

const E0 = Date.parse(T0);

/** A stored session or API token of `alice`, created at E0 and never expiring unless told. */
const makeToken = (over: Partial<StoredToken> = {}): StoredToken => ({
  digest: 'd'.repeat(64),
  kind: 'api',
  id: 'token-1',
  username: 'alice',
  name: 'CI',
  prefix: 'tg_pat_abcdef',
  createdAt: E0,
  expiresAt: null,
  ...over,
});

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

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A minute and hour boundary shortly before `E0`. */
const B0 = Date.parse('2026-01-02T03:00:00.000Z');

/** The stored form of a latency sketch of `values`. */
function sketchOf(...values: number[]): Uint8Array {
  const sketch = newSketch();
  for (const value of values) sketch.accept(value);
  return encodeSketch(sketch);
}

const LATENCY_SKETCH = sketchOf(12.375, 12.5, 240);

/**
 * A plain Uint8Array (not a Buffer) viewing the middle of a larger buffer: a driver must bind
 * exactly its bytes, not the whole buffer behind it.
 */
const BACKEND_LATENCY_SKETCH = (() => {
  const bytes = sketchOf(9.8125, 9.875);
  const padded = new Uint8Array(bytes.length + 8).fill(0xff);
  padded.set(bytes, 4);
  return new Uint8Array(padded.buffer, 4, bytes.length);
})();

/** One writer's minute of the `petstore` series of `production`: three calls, two answered by the backend. */
const makeRollup = (over: Partial<RollupRow> = {}): RollupRow => ({
  resolution: 'minute',
  bucketStart: B0,
  serverGroupId: 'production',
  dimension: 'project',
  value: 'petstore',
  writerId: 'node-a.1',
  hits: 3,
  errors4xx: 1,
  errors5xx: 0,
  latencySum: 12.375 + 12.5 + 240 + 0.1 + 0.2,
  backendHits: 2,
  backendLatencySum: 19.6875,
  bytesIn: 5_000_000_000,
  bytesOut: 9_007_199_254_740_991,
  latencySketch: LATENCY_SKETCH,
  backendLatencySketch: BACKEND_LATENCY_SKETCH,
  ...over,
});

/** The bytes as hex: Buffers and plain Uint8Arrays of the same bytes compare equal. */
const hex = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');

/** A rollup row with its sketches as hex, for comparing whole rows. */
const comparable = (row: RollupRow) => ({
  ...row,
  latencySketch: hex(row.latencySketch),
  backendLatencySketch: hex(row.backendLatencySketch),
});

/** A rollup row's primary key, as one string to sort by. */
const rollupKey = (row: Pick<RollupRow, 'resolution' | 'dimension' | 'value' | 'bucketStart' | 'serverGroupId' | 'writerId'>) =>
  [row.resolution, row.dimension, row.value, row.bucketStart, row.serverGroupId, row.writerId].join('\u0001');

/** Code-point order, the same on every platform (unlike `localeCompare`). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The `petstore` trace session of every group, ten minutes from `T0`. */
const makeSession = (over: Partial<TraceSession> = {}): TraceSession => ({
  id: 'session-1',
  projectId: 'petstore',
  serverGroupId: null,
  startedAt: T0,
  expiresAt: '2026-01-02T03:14:05.678Z',
  maxCalls: 100,
  ...over,
});

/**
 * A traced call of `session-1` with every part recorded: bodies (one truncated base64), steps with and
 * without their optional fields, the backend's timing; `i` makes it distinct and one millisecond later.
 */
const makeTrace = (i: number, over: Partial<Trace> = {}): Trace => ({
  id: `trace-${String(i).padStart(5, '0')}`,
  sessionId: 'session-1',
  projectId: 'petstore',
  serverGroupId: 'production',
  nodeId: '127.0.0.1:8080',
  receivedAt: new Date(E0 + i).toISOString(),
  durationMs: 12.375 + i / 1000,
  request: {
    method: 'POST',
    path: `/petstore/v1/pets/${i}`,
    query: 'apikey=****&q=caf%C3%A9',
    headers: { 'content-type': 'application/json', 'x-api-key': '****', 'x-unicode': 'café ☕' },
    body: { text: '{"name":"Rex","note":"ünïcode \\ \\"quoted\\""}', encoding: 'utf8', size: 39, truncated: false },
  },
  steps: [
    { flow: 'proxy-request', policyId: 'key', type: 'verify-api-key', outcome: 'continued', durationMs: 0.1 + 0.2 },
    { flow: 'target-response', policyId: 'cache', type: 'response-cache', outcome: 'replied', status: 304, durationMs: 1.5 },
    { flow: 'proxy-response', policyId: 'cors', type: 'cors', outcome: 'rejected', code: 'FORBIDDEN', durationMs: 0 },
  ],
  backend: { status: 201, latencyMs: 9.8125 },
  response: {
    status: 201,
    headers: { 'content-type': 'application/octet-stream', 'set-cookie': '****' },
    body: { text: 'AAECAwQF/w==', encoding: 'base64', size: 70_000, truncated: true },
  },
  ...over,
});

/** A user's successful product update, with its changes; `i` makes it distinct and `i` seconds later. */
const makeAuditEntry = (i: number, over: Partial<AuditEntry> = {}): AuditEntry => ({
  time: new Date(E0 + i * 1000).toISOString(),
  actor: { type: 'user', id: 'alice' },
  sourceIp: '192.0.2.7',
  requestId: `req-${i}`,
  action: 'updateProduct',
  method: 'PUT',
  path: '/api/v1/products/gold',
  target: { type: 'product', id: 'gold' },
  outcome: 'success',
  status: 200,
  changes: { before: { name: 'Gold', quota: { limit: 10 } }, after: { name: 'Gold ✓', quota: null, secret: '[redacted]' } },
  ...over,
});

const seqs = (records: AuditRecord[]) => records.map((r) => r.seq);

/** Every record of the log, oldest first. */
async function scanAll(store: SqlStore, afterSeq?: number): Promise<AuditRecord[]> {
  const records: AuditRecord[] = [];
  for await (const record of store.audit.scan(afterSeq)) records.push(record);
  return records;
}

async function expectCode(promise: Promise<unknown>, code: string): Promise<void> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isTollgateError(error) ? error.code : error).toBe(code);
}

/**
 * The ids of each page of a list walked from the start with `limit`, following `nextCursor` to the
 * end: what a paginated search must cut exactly (every match once, in id order).
 */
async function pagesOf<F>(
  list: (filter: F, page: PageRequest) => Promise<Page<{ id: string }>>,
  filter: F,
  limit: number,
): Promise<string[][]> {
  const pages: string[][] = [];
  let cursor: string | undefined;
  do {
    const page = await list(filter, { limit, cursor });
    pages.push(page.items.map((item) => item.id));
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined && pages.length < 50);
  return pages;
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

    describe('text search (q)', () => {
      /** Matched ids of one page large enough for every row. */
      const found = async <F>(list: (filter: F, page: PageRequest) => Promise<Page<{ id: string }>>, filter: F) =>
        (await list(filter, { limit: 100 })).items.map((item) => item.id);
      const organization = (id: string, name: string, parentId: string | null = null) =>
        store.organizations.insert({ id, name, administrators: [], parentId, productIds: [], createdAt: T0, updatedAt: T0 });

      it('finds projects by id, name or context path, ignoring case, with %, _ and \\ as plain characters', async () => {
        await store.projects.insert(makeProject({ id: 'alpha', name: 'Pet Store', contextPath: '/alpha' }));
        await store.projects.insert(makeProject({ id: 'beta', name: '100% Pets', contextPath: '/beta', status: 'deprecated' }));
        await store.projects.insert(makeProject({ id: 'gamma', name: 'Orders', contextPath: '/shop/PETS' }));
        await store.projects.insert(makeProject({ id: 'delta_1', name: 'Delta', contextPath: '/delta' }));
        await store.projects.insert(makeProject({ id: 'deltax1', name: 'Deltax', contextPath: '/deltax' }));
        await store.projects.insert(makeProject({ id: 'epsilon', name: 'Back\\slash', contextPath: '/epsilon' }));
        const list = store.projects.list.bind(store.projects);

        expect(await found(list, { q: 'pEt' })).toEqual(['alpha', 'beta', 'gamma']);
        expect(await found(list, { q: 'ALPHA' })).toEqual(['alpha']);
        expect(await found(list, { q: 'shop/p' })).toEqual(['gamma']);
        expect(await found(list, { q: '0% p' })).toEqual(['beta']);
        expect(await found(list, { q: '%' })).toEqual(['beta']);
        expect(await found(list, { q: 'a_1' })).toEqual(['delta_1']);
        expect(await found(list, { q: '_' })).toEqual(['delta_1']);
        expect(await found(list, { q: 'k\\s' })).toEqual(['epsilon']);
        expect(await found(list, { q: '\\' })).toEqual(['epsilon']);
        expect(await found(list, { q: 'pets store' })).toEqual([]);
        // With the other filters and the scope: all must hold.
        expect(await found(list, { q: 'pet', status: 'deprecated' })).toEqual(['beta']);
        expect(await found(list, { q: 'pet', scope: { except: ['alpha'] } })).toEqual(['beta', 'gamma']);
        await store.projects.insertDeployment({
          projectId: 'gamma',
          serverGroupId: 'production',
          contextPath: '/shop/PETS',
          deployedAt: T0,
        });
        await store.projects.insertDeployment({ projectId: 'delta_1', serverGroupId: 'production', contextPath: '/delta', deployedAt: T0 });
        expect(await found(list, { q: 'PETS', serverGroupId: 'production' })).toEqual(['gamma']);
        // Pages hold only matches, each once: the cursor stays exact.
        expect(await pagesOf(list, { q: 'e' }, 2)).toEqual([
          ['alpha', 'beta'],
          ['delta_1', 'deltax1'],
          ['epsilon', 'gamma'],
        ]);
        expect(await pagesOf(list, { q: 'delta' }, 1)).toEqual([['delta_1'], ['deltax1']]);
      });

      it('finds products by id or name, ignoring case, with % and _ as plain characters', async () => {
        await store.products.insert(makeProduct({ id: 'gold', name: 'Gold', projectIds: [] }));
        await store.products.insert(makeProduct({ id: 'gold_plus', name: 'Gold+', projectIds: [], access: 'private' }));
        await store.products.insert(makeProduct({ id: 'goldxplus', name: 'Extra', projectIds: [] }));
        await store.products.insert(makeProduct({ id: 'sale', name: '50% OFF gold', projectIds: [] }));
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        const list = store.products.list.bind(store.products);

        expect(await found(list, { q: 'GOLD' })).toEqual(['gold', 'gold_plus', 'goldxplus', 'sale']);
        expect(await found(list, { q: 'sILVER' })).toEqual(['silver']);
        expect(await found(list, { q: 'd_p' })).toEqual(['gold_plus']);
        expect(await found(list, { q: '0% o' })).toEqual(['sale']);
        expect(await found(list, { q: '%' })).toEqual(['sale']);
        expect(await found(list, { q: 'gold', access: 'private' })).toEqual(['gold_plus']);
        expect(await found(list, { q: 'gold', scope: { only: ['sale', 'silver'] } })).toEqual(['sale']);
        expect(await pagesOf(list, { q: 'gold' }, 3)).toEqual([['gold', 'gold_plus', 'goldxplus'], ['sale']]);
      });

      it('finds organizations by id or name, ignoring case, with % and _ as plain characters', async () => {
        await organization('acme', 'ACME Corp');
        await organization('acme_eu', 'Acme Europe', 'acme');
        await organization('acmexeu', 'Acme 100%', 'acme');
        await organization('globex', 'Globex');
        const list = store.organizations.list.bind(store.organizations);

        expect(await found(list, { q: 'Acme' })).toEqual(['acme', 'acme_eu', 'acmexeu']);
        expect(await found(list, { q: 'corp' })).toEqual(['acme']);
        expect(await found(list, { q: 'e_e' })).toEqual(['acme_eu']);
        expect(await found(list, { q: '%' })).toEqual(['acmexeu']);
        expect(await found(list, { q: 'EU', parentId: 'acme' })).toEqual(['acme_eu', 'acmexeu']);
        expect(await found(list, { q: 'acme', scope: { except: ['acme'] } })).toEqual(['acme_eu', 'acmexeu']);
        expect(await pagesOf(list, { q: 'acme' }, 2)).toEqual([['acme', 'acme_eu'], ['acmexeu']]);
      });

      it('finds clients by id, name or e-mail, ignoring case, with % and _ as plain characters', async () => {
        await store.organizations.insert({
          id: 'acme',
          name: 'Acme',
          administrators: [],
          parentId: null,
          productIds: [],
          createdAt: T0,
          updatedAt: T0,
        });
        await store.clients.insert(makeClient({ id: 'alice', name: 'Alice', email: 'Alice@Example.com', organizationId: 'acme' }));
        await store.clients.insert(makeClient({ id: 'bob', name: 'Bob', email: 'bob_smith@corp.test', organizationId: 'acme' }));
        await store.clients.insert(makeClient({ id: 'carol', name: 'Carol 100%', email: 'carolxsmith@corp.test', status: 'inactive' }));
        await store.clients.insert(makeClient({ id: 'dave', name: 'Dave', email: 'dave@EXAMPLE.com', organizationId: 'acme' }));
        const list = store.clients.list.bind(store.clients);

        expect(await found(list, { q: 'example.COM' })).toEqual(['alice', 'dave']);
        expect(await found(list, { q: 'CAROL' })).toEqual(['carol']);
        expect(await found(list, { q: 'b_s' })).toEqual(['bob']);
        expect(await found(list, { q: '%' })).toEqual(['carol']);
        expect(await found(list, { q: 'smith', status: 'inactive' })).toEqual(['carol']);
        expect(await found(list, { q: 'smith', organizationId: 'acme' })).toEqual(['bob']);
        expect(await found(list, { q: 'a', scope: { only: ['alice', 'carol'] } })).toEqual(['alice', 'carol']);
        expect(await pagesOf(list, { q: 'E' }, 1)).toEqual([['alice'], ['bob'], ['carol'], ['dave']]);
      });

      it('finds subscriptions by id or name, ignoring case, with % and _ as plain characters', async () => {
        await store.products.insert(makeProduct({ projectIds: [] }));
        await store.clients.insert(makeClient({ id: 'alice', email: 'alice@x.test' }));
        await store.clients.insert(makeClient({ id: 'bob', email: 'bob@x.test' }));
        await store.subscriptions.insert(makeSubscription({ id: 'app', name: 'Mobile App', clientId: 'alice' }));
        await store.subscriptions.insert(makeSubscription({ id: 'web_app', name: 'Web', clientId: 'bob', products: [] }));
        await store.subscriptions.insert(makeSubscription({ id: 'webxapp', name: '100% Web', clientId: 'alice', products: [] }));
        await store.subscriptions.insert(makeSubscription({ id: 'batch', name: 'Batch', clientId: 'bob', products: [] }));
        const list = store.subscriptions.list.bind(store.subscriptions);

        expect(await found(list, { q: 'APP' })).toEqual(['app', 'web_app', 'webxapp']);
        expect(await found(list, { q: 'mobile' })).toEqual(['app']);
        expect(await found(list, { q: 'b_a' })).toEqual(['web_app']);
        expect(await found(list, { q: '%' })).toEqual(['webxapp']);
        expect(await found(list, { q: 'web', clientId: 'alice' })).toEqual(['webxapp']);
        expect(await found(list, { q: 'app', productId: 'gold' })).toEqual(['app']);
        expect(await found(list, { q: 'app', scope: { except: ['app'] } })).toEqual(['web_app', 'webxapp']);
        expect(await pagesOf(list, { q: 'a' }, 2)).toEqual([
          ['app', 'batch'],
          ['web_app', 'webxapp'],
        ]);
      });
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
          successCriteria: null,
        },
      ]);
      const common = {
        subscriptionId: 'app',
        clientId: 'alice',
        organizationId: null,
        productId: 'gold',
        active: false,
        quotaEpoch: 0,
        planRuns: [],
      };
      expect(config.keys).toEqual([
        { ...common, keyDigest: entry?.keyDigest, expiresAt: null },
        { ...common, keyDigest: entry?.previousKeyDigest, expiresAt: Date.parse('2026-01-03T00:00:00.000Z') },
      ]);
      expect(config.accessTokenSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(config.exhaustedBalances).toEqual([]);
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

    describe('analytics', () => {
      /** Everything an async iterable yields. */
      async function collect<T>(rows: AsyncIterable<T>): Promise<T[]> {
        const out: T[] = [];
        for await (const row of rows) out.push(row);
        return out;
      }

      /** The events matching `filter`, oldest first (ties by request id): the port promises no order. */
      const readEvents = async (filter: EventFilter) =>
        (await collect(store.analytics.events(filter))).sort(
          (a, b) => a.receivedAt - b.receivedAt || compareText(a.requestId, b.requestId),
        );
      const all = () => readEvents({ from: 0, to: Number.MAX_SAFE_INTEGER });

      /** The rollup rows matching `filter` in key order, sketches as hex (drivers hand back Buffers). */
      const readRollups = async (filter: RollupFilter) =>
        (await collect(store.analytics.rollups(filter))).map(comparable).sort((a, b) => compareText(rollupKey(a), rollupKey(b)));
      /** The writer ids (the tests' row labels) of the rollup rows matching `filter`, sorted. */
      const writersOf = async (filter: RollupFilter) => (await collect(store.analytics.rollups(filter))).map((row) => row.writerId).sort();
      /** Every rollup row of one resolution and dimension. */
      const allRollups = (resolution: Resolution, dimension: SeriesDimension) =>
        readRollups({ resolution, dimension, from: 0, to: Number.MAX_SAFE_INTEGER });

      describe('events', () => {
        it('writes a batch and reads every field back, nulls included, without bumping the configuration version', async () => {
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
          // Written in reverse: the order read back is the test's, not the insertion's.
          await store.analytics.write({ events: [...batch].reverse(), rollups: [] });
          expect(await all()).toEqual(batch);
          expect(await store.gatewayConfig.currentVersion()).toBe(version);
        });

        it('stores each event once when a batch is written again, or a request id repeats', async () => {
          const batch = [0, 1, 2].map((i) => makeEvent(i));
          await store.analytics.write({ events: batch, rollups: [] });
          await store.analytics.write({ events: batch, rollups: [] });
          // A retry that carries more: only the new events land; the first copy of an id wins.
          await store.analytics.write({
            events: [makeEvent(1, { status: 500 }), makeEvent(3), makeEvent(3, { status: 502 })],
            rollups: [],
          });
          expect(await all()).toEqual([...batch, makeEvent(3)]);
          await store.analytics.write({ events: [], rollups: [] });
          expect(await all()).toHaveLength(4);
        });

        it('writes a batch larger than one statement whole', async () => {
          const batch = Array.from({ length: 1_200 }, (_, i) => makeEvent(i, { clientId: i % 2 === 0 ? 'alice' : null }));
          await store.analytics.write({ events: batch, rollups: [] });
          expect(await all()).toEqual(batch);
        });

        it('reads the events received in [from, to)', async () => {
          const batch = [0, 1, 2, 3].map((i) => makeEvent(i));
          await store.analytics.write({ events: batch, rollups: [] });
          expect(await readEvents({ from: E0 + 1, to: E0 + 3 })).toEqual(batch.slice(1, 3));
          expect(await readEvents({ from: E0 + 3, to: E0 + 3 })).toEqual([]);
          expect(await readEvents({ from: E0 + 3, to: E0 + 4 })).toEqual([makeEvent(3)]);
        });

        it('selects events by each equality filter and by an inclusive status range, all filters together', async () => {
          const fields = [
            'serverGroupId',
            'projectId',
            'resourceId',
            'productId',
            'clientId',
            'subscriptionId',
            'organizationId',
            'nodeId',
          ] as const satisfies ReadonlyArray<keyof EventFilter & keyof AnalyticsEvent>;
          const batch = [
            // Every dimension at its default value…
            makeEvent(0),
            // …each one changed in one event…
            ...fields.map((field, i) => makeEvent(1 + i, { [field]: `other-${field}` })),
            // …and every nullable one null.
            makeEvent(9, {
              projectId: null,
              projectVersion: null,
              resourceId: null,
              productId: null,
              clientId: null,
              subscriptionId: null,
              organizationId: null,
              status: 404,
            }),
            // Statuses around the 4xx class.
            ...[399, 400, 499, 500].map((status, i) => makeEvent(10 + i, { status })),
          ];
          await store.analytics.write({ events: batch, rollups: [] });
          const window = { from: E0, to: E0 + 100 };
          const ids = (events: AnalyticsEvent[]) => events.map((e) => e.requestId);
          for (const [i, field] of fields.entries()) {
            expect(ids(await readEvents({ ...window, [field]: `other-${field}` })), field).toEqual([makeEvent(1 + i).requestId]);
            const usual = makeEvent(0)[field] as string;
            expect(ids(await readEvents({ ...window, [field]: usual })), field).toEqual(
              ids(batch.filter((event) => event[field] === usual)),
            );
            expect(await readEvents({ ...window, [field]: 'nobody' }), field).toEqual([]);
          }
          expect(ids(await readEvents({ ...window, status: { min: 400, max: 499 } }))).toEqual(['req-00009', 'req-00011', 'req-00012']);
          expect(ids(await readEvents({ ...window, status: { min: 500, max: 500 } }))).toEqual(['req-00013']);
          // Filters combine: each one narrows the others.
          expect(
            ids(
              await readEvents({
                ...window,
                serverGroupId: 'production',
                projectId: 'petstore',
                clientId: 'alice',
                nodeId: '127.0.0.1:8080',
                status: { min: 200, max: 499 },
              }),
            ),
          ).toEqual(['req-00000', 'req-00003', 'req-00004', 'req-00006', 'req-00007', 'req-00010', 'req-00011', 'req-00012']);
          expect(await readEvents({ from: E0 + 2, to: E0 + 3, projectId: 'petstore' })).toEqual([]);
        });
      });

      describe('rollups', () => {
        it('writes rollup rows and reads every field back, sketches byte for byte, without bumping the configuration version', async () => {
          const version = await store.gatewayConfig.currentVersion();
          const rows = [makeRollup(), makeRollup({ dimension: 'all', value: '', latencySum: 0.1 + 0.2, bytesOut: 0 })];
          await store.analytics.write({ events: [], rollups: rows });
          expect(await allRollups('minute', 'project')).toEqual([comparable(rows[0] as RollupRow)]);
          expect(await allRollups('minute', 'all')).toEqual([comparable(rows[1] as RollupRow)]);
          const [back] = await collect(store.analytics.rollups({ resolution: 'minute', dimension: 'project', from: B0, to: B0 + MINUTE }));
          expect(back?.latencySketch).toBeInstanceOf(Uint8Array);
          expect(back?.backendLatencySketch).toBeInstanceOf(Uint8Array);
          expect(decodeSketch(back?.latencySketch ?? null).count).toBe(3);
          expect(decodeSketch(back?.backendLatencySketch ?? null).count).toBe(2);
          expect(await store.gatewayConfig.currentVersion()).toBe(version);
        });

        it("replaces a writer's row when it writes the same series again; another writer's row stands beside it", async () => {
          await store.analytics.write({ events: [], rollups: [makeRollup()] });
          // Every field but the key changes: each one must be replaced, none added.
          const newer = makeRollup({
            hits: 7,
            errors4xx: 2,
            errors5xx: 1,
            latencySum: 1_000.5,
            backendHits: 5,
            backendLatencySum: 400.25,
            bytesIn: 6_000_000_000,
            bytesOut: 12,
            latencySketch: sketchOf(1, 2, 3, 4, 5, 6, 7),
            backendLatencySketch: sketchOf(1, 2, 3, 4, 5),
          });
          await store.analytics.write({ events: [], rollups: [newer] });
          expect(await allRollups('minute', 'project')).toEqual([comparable(newer)]);
          // A retried write of the same totals changes nothing.
          await store.analytics.write({ events: [], rollups: [newer] });
          expect(await allRollups('minute', 'project')).toEqual([comparable(newer)]);
          const other = makeRollup({ writerId: 'node-b.1' });
          await store.analytics.write({ events: [], rollups: [other] });
          expect(await allRollups('minute', 'project')).toEqual([comparable(newer), comparable(other)]);
        });

        it('keeps the later of two rows of one writer and series in one batch', async () => {
          const later = makeRollup({ hits: 4, latencySketch: sketchOf(1, 2, 3, 4) });
          await store.analytics.write({ events: [makeEvent(0)], rollups: [makeRollup(), makeRollup({ value: 'orders' }), later] });
          expect(await allRollups('minute', 'project')).toEqual([makeRollup({ value: 'orders' }), later].map(comparable));
          expect(await all()).toEqual([makeEvent(0)]);
        });

        it('selects rollup rows by resolution, dimension, [from, to) on the bucket start and server group', async () => {
          // Each row is labelled by its writer id; all share the series key but for what their label names.
          await store.analytics.write({
            events: [],
            rollups: [
              makeRollup({ writerId: 'at-from' }),
              makeRollup({ writerId: 'inside', bucketStart: B0 + MINUTE }),
              makeRollup({ writerId: 'before', bucketStart: B0 - MINUTE }),
              makeRollup({ writerId: 'at-to', bucketStart: B0 + 2 * MINUTE }),
              makeRollup({ writerId: 'hour', resolution: 'hour' }),
              makeRollup({ writerId: 'resource', dimension: 'resource' }),
              makeRollup({ writerId: 'development', serverGroupId: 'development' }),
              makeRollup({ writerId: 'orders', value: 'orders' }),
            ],
          });
          const series = { resolution: 'minute', dimension: 'project', from: B0, to: B0 + 2 * MINUTE } as const;
          expect(await writersOf(series)).toEqual(['at-from', 'development', 'inside', 'orders']);
          expect(await writersOf({ ...series, resolution: 'hour' })).toEqual(['hour']);
          expect(await writersOf({ ...series, dimension: 'resource' })).toEqual(['resource']);
          expect(await writersOf({ ...series, from: B0 - MINUTE, to: B0 })).toEqual(['before']);
          expect(await writersOf({ ...series, from: B0 + 2 * MINUTE, to: B0 + 3 * MINUTE })).toEqual(['at-to']);
          expect(await writersOf({ ...series, to: B0 })).toEqual([]);
          expect(await writersOf({ ...series, serverGroupId: 'production' })).toEqual(['at-from', 'inside', 'orders']);
          expect(await writersOf({ ...series, serverGroupId: 'development' })).toEqual(['development']);
          expect(await writersOf({ ...series, values: { min: 'petstore', max: 'petstore' } })).toEqual([
            'at-from',
            'development',
            'inside',
          ]);
          expect(await writersOf({ ...series, serverGroupId: 'production', values: { min: 'orders', max: 'orders' } })).toEqual(['orders']);
        });

        it('selects rollup rows whose value is in an inclusive text range', async () => {
          await store.analytics.write({
            events: [],
            rollups: [
              ...['200', '399', '400', '401', '404', '499', '500'].map((value) =>
                makeRollup({ dimension: 'status', value, writerId: value }),
              ),
              // The same value in another dimension is another series.
              makeRollup({ dimension: 'node', value: '404', writerId: 'node' }),
            ],
          });
          const statuses = { resolution: 'minute', dimension: 'status', from: B0, to: B0 + MINUTE } as const;
          expect(await writersOf({ ...statuses, values: { min: '400', max: '499' } })).toEqual(['400', '401', '404', '499']);
          expect(await writersOf({ ...statuses, values: { min: '401', max: '404' } })).toEqual(['401', '404']);
          expect(await writersOf({ ...statuses, values: { min: '404', max: '404' } })).toEqual(['404']);
          expect(await writersOf({ ...statuses, values: { min: '402', max: '403' } })).toEqual([]);
          expect(await writersOf(statuses)).toEqual(['200', '399', '400', '401', '404', '499', '500']);
        });

        it('writes more rollup rows than one statement holds whole, with the events of the batch', async () => {
          const rows = Array.from({ length: 1_201 }, (_, i) => makeRollup({ value: `project-${String(i).padStart(5, '0')}`, hits: i }));
          const events = [0, 1].map((i) => makeEvent(i));
          await store.analytics.write({ events, rollups: rows });
          expect(await allRollups('minute', 'project')).toEqual(rows.map(comparable));
          expect(await all()).toEqual(events);
        });
      });

      describe('batches', () => {
        /** What is stored before each failing batch: one event and one rollup row. */
        const before = { events: [makeEvent(5_000)], rollups: [makeRollup()] };

        it('writes nothing of a batch whose events fail, rollups included', async () => {
          await store.analytics.write(before);
          const events = Array.from({ length: 1_200 }, (_, i) => makeEvent(i));
          // The last event breaks a NOT NULL column; it is in the third statement.
          events[1_199] = { ...makeEvent(1_199), method: null as unknown as string };
          const rollups = [
            makeRollup({ hits: 99 }),
            ...Array.from({ length: 600 }, (_, i) => makeRollup({ value: `project-${String(i).padStart(5, '0')}` })),
          ];
          await expect(store.analytics.write({ events, rollups })).rejects.toThrow();
          expect(await all()).toEqual(before.events);
          expect(await allRollups('minute', 'project')).toEqual(before.rollups.map(comparable));
        });

        it('writes nothing of a batch whose rollups fail, events included', async () => {
          await store.analytics.write(before);
          const events = Array.from({ length: 1_200 }, (_, i) => makeEvent(i));
          const rollups = [
            makeRollup({ hits: 99 }),
            ...Array.from({ length: 800 }, (_, i) => makeRollup({ value: `project-${String(i).padStart(5, '0')}` })),
          ];
          // A row of the second statement breaks a NOT NULL column.
          rollups[700] = { ...(rollups[700] as RollupRow), latencySketch: null as unknown as Uint8Array };
          await expect(store.analytics.write({ events, rollups })).rejects.toThrow();
          expect(await all()).toEqual(before.events);
          expect(await allRollups('minute', 'project')).toEqual(before.rollups.map(comparable));
        });
      });

      it('prunes raw events, minute rows and hour rows older than their cutoffs, and keeps the rest', async () => {
        const events = [0, 1, 2, 3].map((i) => makeEvent(i));
        const minute = (writerId: string, bucketStart: number, dimension: SeriesDimension = 'project') =>
          makeRollup({ writerId, bucketStart, dimension });
        const hour = (writerId: string, bucketStart: number) => makeRollup({ writerId, bucketStart, resolution: 'hour' });
        await store.analytics.write({
          events,
          rollups: [
            minute('minute-old', B0 - 2 * MINUTE),
            minute('minute-older-status', B0 - 2 * HOUR, 'status'),
            minute('minute-just-old', B0 - MINUTE),
            minute('minute-at-cutoff', B0),
            minute('minute-new', B0 + MINUTE),
            hour('hour-old', B0 - 2 * HOUR),
            hour('hour-at-cutoff', B0 - HOUR),
            hour('hour-new', B0),
          ],
        });
        // The cutoffs differ: applying one resolution's to the other deletes too much or too little.
        const cutoffs = { raw: E0 + 2, minute: B0, hour: B0 - HOUR };
        expect(await store.analytics.prune(cutoffs)).toEqual({ raw: 2, minute: 3, hour: 1, traces: 0 });
        expect(await all()).toEqual(events.slice(2));
        const writers = async (resolution: Resolution, dimension: SeriesDimension) =>
          (await allRollups(resolution, dimension)).map((row) => row.writerId).sort();
        expect(await writers('minute', 'project')).toEqual(['minute-at-cutoff', 'minute-new']);
        expect(await writers('minute', 'status')).toEqual([]);
        expect(await writers('hour', 'project')).toEqual(['hour-at-cutoff', 'hour-new']);
        // Nothing older is left: a second prune deletes nothing.
        expect(await store.analytics.prune(cutoffs)).toEqual({ raw: 0, minute: 0, hour: 0, traces: 0 });
      });
    });

    describe('traces', () => {
      /** A project beside `petstore`, deployed nowhere unless a test deploys it. */
      const otherProject = (id: string) => makeProject({ id, name: id, contextPath: `/${id}` });

      describe('sessions', () => {
        it("starts, reads, replaces and stops a project's session; another project's stays", async () => {
          await store.projects.insert(makeProject());
          await store.projects.insert(otherProject('orders'));
          expect(await store.traceSessions.get('petstore')).toBeUndefined();
          expect(await store.traceSessions.stop('petstore')).toBe(false);

          await store.traceSessions.start(makeSession());
          const orders = makeSession({ id: 'session-orders', projectId: 'orders', serverGroupId: 'development' });
          await store.traceSessions.start(orders);
          expect(await store.traceSessions.get('petstore')).toEqual(makeSession());
          expect(await store.traceSessions.get('orders')).toEqual(orders);

          // A new session replaces every field of the old one.
          const replacement = makeSession({
            id: 'session-2',
            serverGroupId: 'production',
            startedAt: '2026-01-02T03:20:00.001Z',
            expiresAt: '2026-01-02T04:20:00.001Z',
            maxCalls: 1000,
          });
          await store.traceSessions.start(replacement);
          expect(await store.traceSessions.get('petstore')).toEqual(replacement);
          // And back to every group: a null group replaces a named one.
          const everywhere = makeSession({ id: 'session-3', maxCalls: 1 });
          await store.transaction((repos) => repos.traceSessions.start(everywhere));
          expect(await store.traceSessions.get('petstore')).toEqual(everywhere);

          expect(await store.traceSessions.stop('petstore')).toBe(true);
          expect(await store.traceSessions.get('petstore')).toBeUndefined();
          expect(await store.traceSessions.stop('petstore')).toBe(false);
          expect(await store.traceSessions.get('orders')).toEqual(orders);
          expect(await store.traceSessions.stop('nobody')).toBe(false);
        });

        it('bumps the configuration version when a session starts, is replaced or stops', async () => {
          await store.projects.insert(makeProject());
          const v0 = await store.gatewayConfig.currentVersion();
          await store.traceSessions.get('petstore');
          expect(await store.gatewayConfig.currentVersion()).toBe(v0);
          await store.traceSessions.start(makeSession());
          expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
          await store.traceSessions.start(makeSession({ id: 'session-2' }));
          expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 2);
          await store.transaction((repos) => repos.traceSessions.start(makeSession({ id: 'session-3' })));
          expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
          expect(await store.traceSessions.stop('petstore')).toBe(true);
          expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 4);
          expect(await store.gatewayConfig.load('production', new Date(T0))).toMatchObject({ version: v0 + 4, traceSessions: [] });
        });

        it('deletes the session with its project, and keeps its traced calls', async () => {
          await store.projects.insert(makeProject());
          await store.traceSessions.start(makeSession());
          expect(await store.traces.write(makeTrace(0), 100)).toBe(true);
          expect(await store.projects.delete('petstore')).toBe(true);
          expect(await store.traceSessions.get('petstore')).toBeUndefined();
          expect(await store.traces.get('petstore', makeTrace(0).id)).toEqual(makeTrace(0));
          // A project of the same id made again starts without a session.
          await store.projects.insert(makeProject());
          expect(await store.traceSessions.get('petstore')).toBeUndefined();
          expect(await store.traceSessions.stop('petstore')).toBe(false);
        });

        it('loads, with a group, the sessions running at `now` of that group and of every group, not of another group', async () => {
          for (const id of ['petstore', 'orders', 'billing', 'stale', 'future']) {
            await store.projects.insert(id === 'petstore' ? makeProject() : otherProject(id));
            // Deployed in both groups: only the session's own group decides where it applies.
            for (const serverGroupId of ['production', 'development']) {
              await store.projects.insertDeployment({ projectId: id, serverGroupId, contextPath: `/${id}`, deployedAt: T0 });
            }
          }
          const expiresAt = '2026-01-02T03:14:05.678Z';
          const every = makeSession({ expiresAt });
          const production = makeSession({ id: 'session-orders', projectId: 'orders', serverGroupId: 'production', expiresAt });
          const development = makeSession({ id: 'session-billing', projectId: 'billing', serverGroupId: 'development', expiresAt });
          const stale = makeSession({ id: 'session-stale', projectId: 'stale', expiresAt: T0 });
          const later = makeSession({
            id: 'session-future',
            projectId: 'future',
            serverGroupId: 'production',
            expiresAt: '2026-01-02T05:00:00.000Z',
          });
          for (const session of [later, stale, development, production, every]) await store.traceSessions.start(session);

          const sessionsOf = async (group: string, now: string) => (await store.gatewayConfig.load(group, new Date(now))).traceSessions;
          // Ordered by project id.
          expect(await sessionsOf('production', T0)).toEqual([later, production, every]);
          expect(await sessionsOf('development', T0)).toEqual([development, every]);
          expect(await sessionsOf('staging', T0)).toEqual([every]);
          // A session runs until its expiry, not at it.
          const justBefore = new Date(Date.parse(expiresAt) - 1).toISOString();
          expect(await sessionsOf('production', justBefore)).toEqual([later, production, every]);
          expect(await sessionsOf('production', expiresAt)).toEqual([later]);
          expect(await sessionsOf('development', expiresAt)).toEqual([]);
          // Before T0 the stale session still ran.
          expect(await sessionsOf('development', '2026-01-02T03:04:05.677Z')).toEqual([development, every, stale]);
        });
      });

      describe('traced calls', () => {
        it('writes a traced call and reads the whole document back, without bumping the configuration version', async () => {
          const version = await store.gatewayConfig.currentVersion();
          // A call no backend answered: a policy replied, nothing was sent.
          const replied = makeTrace(1, {
            serverGroupId: 'development',
            nodeId: 'node-b',
            request: { method: 'GET', path: '/petstore/v1/pets', query: '', headers: {}, body: null },
            steps: [],
            backend: null,
            response: { status: 429, headers: {}, body: null },
          });
          expect(await store.traces.write(makeTrace(0), 100)).toBe(true);
          expect(await store.traces.write(replied, 100)).toBe(true);
          expect(await store.traces.get('petstore', makeTrace(0).id)).toEqual(makeTrace(0));
          expect(await store.traces.get('petstore', replied.id)).toEqual(replied);
          // Read through its project only.
          expect(await store.traces.get('orders', makeTrace(0).id)).toBeUndefined();
          expect(await store.traces.get('petstore', 'trace-99999')).toBeUndefined();
          expect(await store.gatewayConfig.currentVersion()).toBe(version);
        });

        it('stores a call once when its id is written again', async () => {
          expect(await store.traces.write(makeTrace(0), 100)).toBe(true);
          expect(await store.traces.write(makeTrace(0), 100)).toBe(false);
          // The first copy wins, even when the second says something else.
          expect(await store.traces.write(makeTrace(0, { durationMs: 99, nodeId: 'node-b' }), 100)).toBe(false);
          expect(await store.traces.get('petstore', makeTrace(0).id)).toEqual(makeTrace(0));
          expect((await store.traces.list('petstore', { limit: 10 })).items.map((t) => t.id)).toEqual([makeTrace(0).id]);
        });

        it('drops the calls of a session that holds maxCalls, not those of another session', async () => {
          expect(await store.traces.write(makeTrace(0), 2)).toBe(true);
          // A retried call does not count twice.
          expect(await store.traces.write(makeTrace(0), 2)).toBe(false);
          expect(await store.traces.write(makeTrace(1, { nodeId: 'node-b' }), 2)).toBe(true);
          expect(await store.traces.write(makeTrace(2), 2)).toBe(false);
          expect(await store.traces.write(makeTrace(3, { nodeId: 'node-c' }), 2)).toBe(false);
          // Another session of the same project, and one of another project, have room of their own.
          expect(await store.traces.write(makeTrace(4, { sessionId: 'session-2' }), 2)).toBe(true);
          expect(await store.traces.write(makeTrace(5, { sessionId: 'session-orders', projectId: 'orders' }), 1)).toBe(true);
          expect(await store.traces.write(makeTrace(6, { sessionId: 'session-orders', projectId: 'orders' }), 1)).toBe(false);
          // A larger cap (a replaced session's) lets the next call in.
          expect(await store.traces.write(makeTrace(7), 3)).toBe(true);
          expect((await store.traces.list('petstore', { limit: 10 })).items.map((t) => t.id)).toEqual(
            [7, 4, 1, 0].map((i) => makeTrace(i).id),
          );
          expect(await store.traces.get('petstore', makeTrace(2).id)).toBeUndefined();
          expect(await store.traces.get('orders', makeTrace(6).id)).toBeUndefined();
        });

        it('stores no more than maxCalls of a session written to concurrently', async () => {
          const calls = Array.from({ length: 40 }, (_, i) => makeTrace(i, { nodeId: `node-${i % 4}` }));
          // Several rounds: one lucky interleaving must not hide a race.
          for (const round of [0, 1, 2]) {
            const sessionId = `session-race-${round}`;
            const written = await Promise.all(
              calls.map((call) => store.traces.write({ ...call, id: `${call.id}-${round}`, sessionId }, 5)),
            );
            expect(written.filter(Boolean), `round ${round}`).toHaveLength(5);
          }
          expect((await store.traces.list('petstore', { limit: 100 })).items).toHaveLength(15);
        });

        it("lists a project's calls newest first, ties by id, in pages that cover each call once", async () => {
          const at = (i: number, ms: number, over: Partial<Trace> = {}) =>
            makeTrace(i, { receivedAt: new Date(E0 + ms).toISOString(), ...over });
          const calls = [
            at(1, 2),
            at(2, 1, { id: 'tie-b' }),
            at(3, 3, { serverGroupId: 'development', nodeId: 'node-b', durationMs: 0.1 + 0.2 }),
            at(4, 1, { id: 'tie-a' }),
            at(5, 1, { id: 'tie-c' }),
            at(6, 0),
            // Another project's call, the newest of all.
            at(7, 9, { projectId: 'orders', sessionId: 'session-orders' }),
          ];
          for (const call of calls) expect(await store.traces.write(call, 100)).toBe(true);
          const newestFirst = ['trace-00003', 'trace-00001', 'tie-c', 'tie-b', 'tie-a', 'trace-00006'];

          const all = await store.traces.list('petstore', { limit: 100 });
          expect(all.items.map((t) => t.id)).toEqual(newestFirst);
          expect(all.nextCursor).toBeNull();
          const newest = calls[2] as Trace;
          expect(all.items[0]).toEqual({
            id: newest.id,
            sessionId: 'session-1',
            serverGroupId: 'development',
            nodeId: 'node-b',
            receivedAt: new Date(E0 + 3).toISOString(),
            method: 'POST',
            path: '/petstore/v1/pets/3',
            status: 201,
            durationMs: 0.1 + 0.2,
          });

          for (let limit = 1; limit <= 7; limit++) {
            const seen: string[] = [];
            let cursor: string | undefined;
            for (let pages = 0; pages < 10; pages++) {
              const page = await store.traces.list('petstore', { limit, cursor });
              expect(page.items.length, `limit ${limit}`).toBeLessThanOrEqual(limit);
              seen.push(...page.items.map((t) => t.id));
              if (page.nextCursor === null) break;
              expect(page.items, `limit ${limit}: a page with a next one is full`).toHaveLength(limit);
              cursor = page.nextCursor;
            }
            expect(seen, `limit ${limit}`).toEqual(newestFirst);
          }
          // A page that ends on the last call has no next one.
          expect((await store.traces.list('petstore', { limit: 6 })).nextCursor).toBeNull();

          expect((await store.traces.list('orders', { limit: 10 })).items.map((t) => t.id)).toEqual(['trace-00007']);
          expect(await store.traces.list('nobody', { limit: 10 })).toEqual({ items: [], nextCursor: null });
        });

        it('answers an empty page to a cursor it did not make', async () => {
          for (const i of [0, 1, 2]) await store.traces.write(makeTrace(i), 100);
          for (const cursor of [
            'garbage',
            '!!!',
            Buffer.from('abc.trace-00001').toString('base64url'),
            Buffer.from('12').toString('base64url'),
          ]) {
            expect(await store.traces.list('petstore', { limit: 10, cursor }), cursor).toEqual({ items: [], nextCursor: null });
          }
        });

        it('prunes traced calls received before the raw cutoff with the raw events, and counts them', async () => {
          for (const i of [0, 1, 2, 3]) await store.traces.write(makeTrace(i), 100);
          await store.traces.write(
            makeTrace(4, { projectId: 'orders', sessionId: 'session-orders', receivedAt: new Date(E0 - HOUR).toISOString() }),
            100,
          );
          // Only the raw cutoff applies: the rollups' (here later than every call) delete no traced call.
          const cutoffs = { raw: E0 + 2, minute: E0 + HOUR, hour: E0 + HOUR };
          expect(await store.analytics.prune(cutoffs)).toEqual({ raw: 0, minute: 0, hour: 0, traces: 3 });
          expect((await store.traces.list('petstore', { limit: 10 })).items.map((t) => t.id)).toEqual(['trace-00003', 'trace-00002']);
          expect(await store.traces.get('petstore', 'trace-00001')).toBeUndefined();
          expect(await store.traces.list('orders', { limit: 10 })).toEqual({ items: [], nextCursor: null });
          expect(await store.analytics.prune(cutoffs)).toEqual({ raw: 0, minute: 0, hour: 0, traces: 0 });
          // The session's count went with them: a session of cap 3 holds two calls, so one more fits.
          expect(await store.traces.write(makeTrace(5), 3)).toBe(true);
          expect(await store.traces.write(makeTrace(6), 3)).toBe(false);
        });
      });
    });

    describe('users and groups', () => {
      const usersOf = async (groupId: string) => (await store.groups.get(groupId))?.members.users;

      it('creates the built-in groups on first start, without members', async () => {
        const page = await store.groups.list({}, { limit: 10 });
        expect(page.nextCursor).toBeNull();
        expect(page.items.map((g) => g.id)).toEqual(['administrators', 'api-users', 'everyone']);
        for (const defaults of DEFAULT_GROUPS) {
          expect(page.items.find((g) => g.id === defaults.id)).toEqual({
            ...defaults,
            members: { users: [], groups: [] },
            builtIn: true,
            createdAt: expect.any(String),
            updatedAt: expect.any(String),
          });
        }
      });

      it('round-trips a user with its groups, ordered by group id, and never its password hash', async () => {
        await store.users.insert(makeUser({ groups: ['api-users', 'administrators'] }), HASH_1);
        expect(await store.users.get('alice')).toEqual(makeUser({ groups: ['administrators', 'api-users'] }));
        expect(await usersOf('administrators')).toEqual(['alice']);
        expect(await usersOf('api-users')).toEqual(['alice']);
        expect(await usersOf('everyone')).toEqual([]);
        await store.users.insert(makeUser({ username: 'bob', status: 'disabled' }), HASH_2);
        expect(await store.users.get('bob')).toEqual(makeUser({ username: 'bob', status: 'disabled' }));
        expect(await store.users.get('nobody')).toBeUndefined();
      });

      it('stores the password hash and replaces it only when given a new one', async () => {
        await store.users.insert(makeUser(), HASH_1);
        expect(await store.users.passwordHashOf('alice')).toBe(HASH_1);
        await store.users.update(makeUser({ displayName: 'Alice B.' }));
        expect(await store.users.passwordHashOf('alice')).toBe(HASH_1);
        expect((await store.users.get('alice'))?.displayName).toBe('Alice B.');
        await store.transaction((repos) => repos.users.update(makeUser(), HASH_2));
        expect(await store.users.passwordHashOf('alice')).toBe(HASH_2);
        expect(await store.users.passwordHashOf('nobody')).toBeUndefined();
      });

      it("makes a user's direct memberships exactly its groups on update, keeping its place in those it stays in", async () => {
        await store.users.insert(makeUser({ username: 'carol' }), HASH_1);
        await store.groups.insert(makeUserGroup({ members: { users: ['carol'], groups: [] } }));
        await store.users.insert(makeUser({ groups: ['administrators', 'api-users'] }), HASH_1);
        await store.users.insert(makeUser({ username: 'bob', groups: ['administrators'] }), HASH_1);
        expect(await usersOf('administrators')).toEqual(['alice', 'bob']);

        const updated = makeUser({ displayName: 'A.', status: 'disabled', groups: ['ops', 'administrators'], updatedAt: T1 });
        await store.users.update(updated);
        expect(await store.users.get('alice')).toEqual({ ...updated, groups: ['administrators', 'ops'] });
        expect(await usersOf('administrators')).toEqual(['alice', 'bob']);
        expect(await usersOf('api-users')).toEqual([]);
        // Joined as the last member.
        expect(await usersOf('ops')).toEqual(['carol', 'alice']);

        await store.users.update(makeUser({ groups: [] }));
        expect((await store.users.get('alice'))?.groups).toEqual([]);
        expect(await usersOf('administrators')).toEqual(['bob']);
        expect(await usersOf('ops')).toEqual(['carol']);
        expect((await store.users.get('bob'))?.groups).toEqual(['administrators']);

        // Updating no one writes nothing, memberships included.
        await store.users.update(makeUser({ username: 'nobody', groups: ['administrators'] }), HASH_2);
        expect(await store.users.get('nobody')).toBeUndefined();
        expect(await usersOf('administrators')).toEqual(['bob']);
      });

      it('lists users in username pages, filtered by direct group and by status', async () => {
        await store.groups.insert(makeUserGroup({ members: { users: [], groups: ['administrators'] } }));
        for (const [username, groups, status] of [
          ['u5', ['administrators'], 'active'],
          ['u1', ['administrators', 'api-users'], 'active'],
          ['u3', ['administrators'], 'disabled'],
          ['u2', [], 'disabled'],
          ['u4', ['api-users'], 'active'],
        ] as const) {
          await store.users.insert(makeUser({ username, groups: [...groups], status }), HASH_1);
        }
        const first = await store.users.list({}, { limit: 2 });
        expect(first.items.map((u) => u.username)).toEqual(['u1', 'u2']);
        expect(first.items[0]?.groups).toEqual(['administrators', 'api-users']);
        const second = await store.users.list({}, { limit: 2, cursor: first.nextCursor ?? undefined });
        expect(second.items.map((u) => u.username)).toEqual(['u3', 'u4']);
        const last = await store.users.list({}, { limit: 2, cursor: second.nextCursor ?? undefined });
        expect(last).toEqual({ items: [makeUser({ username: 'u5', groups: ['administrators'] })], nextCursor: null });

        const admins = await store.users.list({ groupId: 'administrators' }, { limit: 2 });
        expect(admins.items.map((u) => u.username)).toEqual(['u1', 'u3']);
        const moreAdmins = await store.users.list({ groupId: 'administrators' }, { limit: 2, cursor: admins.nextCursor ?? undefined });
        expect(moreAdmins).toEqual({ items: [expect.objectContaining({ username: 'u5' })], nextCursor: null });
        // Direct members only: `ops` holds administrators, not their users.
        expect((await store.users.list({ groupId: 'ops' }, { limit: 10 })).items).toEqual([]);
        expect((await store.users.list({ groupId: 'everyone' }, { limit: 10 })).items).toEqual([]);
        expect((await store.users.list({ status: 'disabled' }, { limit: 10 })).items.map((u) => u.username)).toEqual(['u2', 'u3']);
        expect(
          (await store.users.list({ groupId: 'administrators', status: 'active' }, { limit: 10 })).items.map((u) => u.username),
        ).toEqual(['u1', 'u5']);
      });

      it('deletes a user with its memberships', async () => {
        await store.users.insert(makeUser({ groups: ['administrators', 'api-users'] }), HASH_1);
        await store.users.insert(makeUser({ username: 'bob', groups: ['administrators'] }), HASH_1);
        expect(await store.users.delete('alice')).toBe(true);
        expect(await store.users.get('alice')).toBeUndefined();
        expect(await store.users.passwordHashOf('alice')).toBeUndefined();
        expect(await usersOf('administrators')).toEqual(['bob']);
        expect(await usersOf('api-users')).toEqual([]);
        expect(await store.users.delete('alice')).toBe(false);
        // A user of the same name made again starts in no group.
        await store.users.insert(makeUser(), HASH_2);
        expect((await store.users.get('alice'))?.groups).toEqual([]);
        expect((await store.users.list({ groupId: 'administrators' }, { limit: 10 })).items.map((u) => u.username)).toEqual(['bob']);
      });

      it('round-trips a group with user and group members in their order, and replaces them on update', async () => {
        for (const username of ['carol', 'alice', 'bob']) await store.users.insert(makeUser({ username }), HASH_1);
        const ops = makeUserGroup({ members: { users: ['carol', 'alice'], groups: ['api-users', 'administrators'] } });
        await store.groups.insert(ops);
        expect(await store.groups.get('ops')).toEqual(ops);
        expect((await store.users.get('alice'))?.groups).toEqual(['ops']);

        const renamed = makeUserGroup({
          name: 'Ops',
          description: '',
          members: { users: ['bob', 'carol'], groups: ['administrators'] },
          updatedAt: T1,
        });
        await store.groups.update(renamed);
        expect(await store.groups.get('ops')).toEqual(renamed);
        expect((await store.users.get('alice'))?.groups).toEqual([]);
        expect((await store.users.get('bob'))?.groups).toEqual(['ops']);

        // A built-in group keeps its flag when its members change.
        const administrators = await store.groups.get('administrators');
        if (administrators === undefined) throw new Error('administrators is missing');
        await store.groups.update({ ...administrators, members: { users: ['alice'], groups: ['ops'] } });
        expect(await store.groups.get('administrators')).toEqual({ ...administrators, members: { users: ['alice'], groups: ['ops'] } });
        expect((await store.groups.list({}, { limit: 2 })).items.map((g) => g.id)).toEqual(['administrators', 'api-users']);
        const page = await store.groups.list({}, { limit: 2, cursor: Buffer.from('api-users').toString('base64url') });
        expect(page).toEqual({ items: [expect.objectContaining({ id: 'everyone' }), renamed], nextCursor: null });
        expect(await store.groups.get('nobody')).toBeUndefined();
      });

      it('deletes a group with its own members and its place in other groups', async () => {
        await store.users.insert(makeUser({ username: 'carol' }), HASH_1);
        await store.groups.insert(makeUserGroup({ members: { users: ['carol'], groups: ['administrators'] } }));
        await store.groups.insert(makeUserGroup({ id: 'sre', members: { users: [], groups: ['ops', 'api-users'] } }));
        const apiUsers = await store.groups.get('api-users');
        if (apiUsers === undefined) throw new Error('api-users is missing');
        await store.groups.update({ ...apiUsers, members: { users: ['carol'], groups: ['ops'] } });

        expect(await store.groups.delete('ops')).toBe(true);
        expect(await store.groups.get('ops')).toBeUndefined();
        expect((await store.groups.get('sre'))?.members).toEqual({ users: [], groups: ['api-users'] });
        expect((await store.groups.get('api-users'))?.members).toEqual({ users: ['carol'], groups: [] });
        expect((await store.users.get('carol'))?.groups).toEqual(['api-users']);
        expect(await store.groups.delete('ops')).toBe(false);
        // A group of the same id made again starts without members.
        await store.groups.insert(makeUserGroup());
        expect((await store.groups.get('ops'))?.members).toEqual({ users: [], groups: [] });
        expect((await store.users.get('carol'))?.groups).toEqual(['api-users']);
      });

      it('maps a duplicate username or group id to CONFLICT, and writes nothing of a user whose group is gone', async () => {
        await store.users.insert(makeUser({ groups: ['administrators'] }), HASH_1);
        await expect(store.users.insert(makeUser({ displayName: 'Other', groups: ['api-users'] }), HASH_2)).rejects.toMatchObject({
          code: 'CONFLICT',
          fields: { username: 'is already used' },
        });
        expect(await store.users.get('alice')).toEqual(makeUser({ groups: ['administrators'] }));
        expect(await store.users.passwordHashOf('alice')).toBe(HASH_1);
        expect(await usersOf('api-users')).toEqual([]);

        await store.groups.insert(makeUserGroup());
        await expectCode(store.groups.insert(makeUserGroup({ name: 'Other', members: { users: ['alice'], groups: [] } })), 'CONFLICT');
        await expectCode(store.groups.insert(makeUserGroup({ id: 'administrators' })), 'CONFLICT');
        expect(await store.groups.get('ops')).toEqual(makeUserGroup());
        expect((await store.groups.get('administrators'))?.builtIn).toBe(true);

        // The service checks groups first; should one vanish meanwhile, the insert fails whole.
        await expectCode(store.users.insert(makeUser({ username: 'bob', groups: ['administrators', 'gone'] }), HASH_1), 'CONFLICT');
        expect(await store.users.get('bob')).toBeUndefined();
        expect(await usersOf('administrators')).toEqual(['alice']);
      });

      it('bumps no configuration version on user and group writes: gateway nodes serve nothing of them', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.users.get('alice');
        await store.users.passwordHashOf('alice');
        await store.groups.list({}, { limit: 10 });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
        await store.users.insert(makeUser(), HASH_1);
        await store.users.update(makeUser({ groups: ['administrators'] }), HASH_2);
        await store.groups.insert(makeUserGroup());
        await store.groups.update(makeUserGroup({ members: { users: ['alice'], groups: [] } }));
        await store.groups.delete('ops');
        await store.users.delete('alice');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
        await store.products.insert(makeProduct({ id: 'bumps', name: 'bumps', projectIds: [] }));
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
      });
    });

    describe('permission grants', () => {
      const API_USERS: Permission[] = [
        'VIEW_PROJECTS',
        'MODIFY_PROJECTS',
        'VIEW_SERVER_GROUPS',
        'VIEW_PRODUCTS',
        'VIEW_CLIENTS',
        'VIEW_SUBSCRIPTIONS',
        'VIEW_ORGANIZATIONS',
        'VIEW_ANALYTICS',
        'VIEW_TRACE',
      ];
      const DEFAULTS = [
        { principal: { type: 'group', id: 'administrators' }, permissions: [...PERMISSIONS] },
        { principal: { type: 'group', id: 'api-users' }, permissions: API_USERS },
        { principal: { type: 'group', id: 'everyone' }, permissions: ['LOGIN'] },
      ];

      it('grants the built-in groups their defaults on first start, permissions in PERMISSIONS order', async () => {
        expect(await store.permissions.list()).toEqual(DEFAULTS);
        expect(DEFAULT_GRANTS.map((grant) => grant.groupId).sort()).toEqual(['administrators', 'api-users', 'everyone']);
      });

      it('sets, replaces and removes a grant, keeping PERMISSIONS order whatever the order given', async () => {
        const alice = { type: 'user', id: 'alice' } as const;
        await store.permissions.set({ principal: alice, permissions: ['VIEW_TRACE', 'LOGIN', 'VIEW_PROJECTS'] });
        expect(await store.permissions.forPrincipals([alice])).toEqual([
          { principal: alice, permissions: ['LOGIN', 'VIEW_PROJECTS', 'VIEW_TRACE'] },
        ]);
        await store.permissions.set({ principal: alice, permissions: ['MODIFY_CLIENTS'] });
        expect(await store.permissions.forPrincipals([alice])).toEqual([{ principal: alice, permissions: ['MODIFY_CLIENTS'] }]);
        await store.permissions.set({ principal: alice, permissions: [] });
        expect(await store.permissions.forPrincipals([alice])).toEqual([]);
        expect(await store.permissions.list()).toEqual(DEFAULTS);

        // A built-in group's grant is replaced, or removed, like any other.
        await store.permissions.set({ principal: { type: 'group', id: 'everyone' }, permissions: ['VIEW_ANALYTICS', 'LOGIN'] });
        await store.permissions.set({ principal: { type: 'group', id: 'api-users' }, permissions: [] });
        expect(await store.permissions.list()).toEqual([
          DEFAULTS[0],
          { principal: { type: 'group', id: 'everyone' }, permissions: ['LOGIN', 'VIEW_ANALYTICS'] },
        ]);
      });

      it('returns only the grants of the principals asked, those without permissions left out', async () => {
        await store.permissions.set({ principal: { type: 'user', id: 'alice' }, permissions: ['LOGIN'] });
        await store.permissions.set({ principal: { type: 'user', id: 'bob' }, permissions: ['VIEW_PRODUCTS'] });
        // A group and a user of the same id are different principals.
        await store.permissions.set({ principal: { type: 'group', id: 'alice' }, permissions: ['MODIFY_TRACE'] });
        expect(await store.permissions.forPrincipals([])).toEqual([]);
        expect(
          await store.permissions.forPrincipals([
            { type: 'user', id: 'alice' },
            { type: 'group', id: 'everyone' },
            { type: 'group', id: 'ops' },
            { type: 'user', id: 'carol' },
          ]),
        ).toEqual([
          { principal: { type: 'group', id: 'everyone' }, permissions: ['LOGIN'] },
          { principal: { type: 'user', id: 'alice' }, permissions: ['LOGIN'] },
        ]);
        expect(await store.permissions.forPrincipals([{ type: 'group', id: 'alice' }])).toEqual([
          { principal: { type: 'group', id: 'alice' }, permissions: ['MODIFY_TRACE'] },
        ]);
      });

      it('lists every grant by principal type, then id', async () => {
        await store.permissions.set({ principal: { type: 'user', id: 'bob' }, permissions: ['LOGIN'] });
        await store.permissions.set({ principal: { type: 'user', id: 'alice' }, permissions: ['LOGIN'] });
        await store.permissions.set({ principal: { type: 'group', id: 'ops' }, permissions: ['VIEW_CLIENTS'] });
        expect((await store.permissions.list()).map((grant) => `${grant.principal.type}:${grant.principal.id}`)).toEqual([
          'group:administrators',
          'group:api-users',
          'group:everyone',
          'group:ops',
          'user:alice',
          'user:bob',
        ]);
      });

      it("deletes a user's or a group's grant with it, and only its own", async () => {
        await store.users.insert(makeUser(), HASH_1);
        await store.groups.insert(makeUserGroup());
        await store.permissions.set({ principal: { type: 'user', id: 'alice' }, permissions: ['LOGIN'] });
        await store.permissions.set({ principal: { type: 'group', id: 'ops' }, permissions: ['VIEW_CLIENTS'] });
        await store.permissions.set({ principal: { type: 'user', id: 'ops' }, permissions: ['VIEW_TRACE'] });

        expect(await store.users.delete('alice')).toBe(true);
        expect(await store.permissions.forPrincipals([{ type: 'user', id: 'alice' }])).toEqual([]);
        expect(await store.groups.delete('ops')).toBe(true);
        expect(await store.permissions.forPrincipals([{ type: 'group', id: 'ops' }])).toEqual([]);
        expect(await store.permissions.list()).toEqual([
          ...DEFAULTS,
          { principal: { type: 'user', id: 'ops' }, permissions: ['VIEW_TRACE'] },
        ]);

        // Made again, they start without a grant.
        await store.users.insert(makeUser(), HASH_1);
        await store.groups.insert(makeUserGroup());
        expect(
          await store.permissions.forPrincipals([
            { type: 'user', id: 'alice' },
            { type: 'group', id: 'ops' },
          ]),
        ).toEqual([]);
      });

      it('keeps the grant when the delete of its group is rolled back', async () => {
        await store.groups.insert(makeUserGroup());
        await store.permissions.set({ principal: { type: 'group', id: 'ops' }, permissions: ['LOGIN'] });
        await expect(
          store.transaction(async (repositories) => {
            await repositories.groups.delete('ops');
            throw new Error('changed my mind');
          }),
        ).rejects.toThrow('changed my mind');
        expect(await store.permissions.forPrincipals([{ type: 'group', id: 'ops' }])).toEqual([
          { principal: { type: 'group', id: 'ops' }, permissions: ['LOGIN'] },
        ]);
      });

      it('bumps no configuration version on a set, in a transaction or not, while a configuration write in the same transaction does', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.permissions.list();
        await store.permissions.forPrincipals([{ type: 'group', id: 'everyone' }]);
        await store.permissions.set({ principal: { type: 'user', id: 'alice' }, permissions: ['LOGIN'] });
        await store.permissions.set({ principal: { type: 'user', id: 'alice' }, permissions: [] });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
        await store.transaction(async (repositories) => {
          await repositories.permissions.set({ principal: { type: 'group', id: 'ops' }, permissions: ['LOGIN'] });
          await repositories.products.insert(makeProduct({ id: 'bumps', name: 'bumps', projectIds: [] }));
        });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
        expect(await store.permissions.forPrincipals([{ type: 'group', id: 'ops' }])).toHaveLength(1);
      });
    });

    describe('object permissions', () => {
      const alice = { type: 'user', id: 'alice' } as const;
      const bob = { type: 'user', id: 'bob' } as const;
      const ops = { type: 'group', id: 'ops' } as const;
      const everyone = { type: 'group', id: 'everyone' } as const;
      /** A user and a group of the same id are different principals. */
      const opsUser = { type: 'user', id: 'ops' } as const;
      const aliceGroup = { type: 'group', id: 'alice' } as const;

      const entry = (principal: PrincipalRef, view: ObjectRightValue, modify: ObjectRightValue = 'inherit', deploy?: ObjectRightValue) => ({
        principal,
        view,
        modify,
        ...(deploy === undefined ? {} : { deploy }),
      });
      /** An entry as read back: on its object, deploy `inherit` when it was left out. */
      const stored = (objectType: ObjectType, objectId: string, written: ObjectPermissionEntry): StoredObjectEntry => ({
        objectType,
        objectId,
        ...written,
        deploy: written.deploy ?? 'inherit',
      });
      /** Entries in one order, whatever order the store returns them in (forPrincipals promises none). */
      const byKey = (entries: StoredObjectEntry[]) =>
        [...entries].sort((a, b) =>
          compareText(
            `${a.objectType}/${a.objectId}/${a.principal.type}/${a.principal.id}`,
            `${b.objectType}/${b.objectId}/${b.principal.type}/${b.principal.id}`,
          ),
        );
      const ids = (page: { items: Array<{ id: string }> }) => page.items.map((item) => item.id);

      it('replaces and reads back the entries of one object, by principal type then id, deploy inherit when left out', async () => {
        const entries = [
          entry(bob, 'deny', 'allow', 'deny'),
          entry(everyone, 'allow'),
          entry(alice, 'allow', 'deny', 'allow'),
          entry(ops, 'inherit', 'allow'),
          entry(aliceGroup, 'deny', 'deny', 'inherit'),
        ];
        await store.objectPermissions.replace('project', 'petstore', entries);
        expect(await store.objectPermissions.forObject('project', 'petstore')).toEqual([
          stored('project', 'petstore', entries[4] as ObjectPermissionEntry),
          stored('project', 'petstore', entries[1] as ObjectPermissionEntry),
          stored('project', 'petstore', entries[3] as ObjectPermissionEntry),
          stored('project', 'petstore', entries[2] as ObjectPermissionEntry),
          stored('project', 'petstore', entries[0] as ObjectPermissionEntry),
        ]);
        // Another object of the same type, and an object of another type with the same id, have none.
        expect(await store.objectPermissions.forObject('project', 'other')).toEqual([]);
        expect(await store.objectPermissions.forObject('product', 'petstore')).toEqual([]);
      });

      it('replaces every entry of the object, and only of that object; [] clears them', async () => {
        await store.objectPermissions.replace('product', 'gold', [entry(alice, 'allow'), entry(ops, 'deny')]);
        await store.objectPermissions.replace('product', 'silver', [entry(alice, 'deny')]);
        await store.objectPermissions.replace('client', 'gold', [entry(alice, 'deny')]);

        await store.objectPermissions.replace('product', 'gold', [entry(ops, 'allow', 'allow'), entry(bob, 'deny')]);
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([
          stored('product', 'gold', entry(ops, 'allow', 'allow')),
          stored('product', 'gold', entry(bob, 'deny')),
        ]);

        await store.objectPermissions.replace('product', 'gold', []);
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([]);
        expect(await store.objectPermissions.forObject('product', 'silver')).toEqual([stored('product', 'silver', entry(alice, 'deny'))]);
        expect(await store.objectPermissions.forObject('client', 'gold')).toEqual([stored('client', 'gold', entry(alice, 'deny'))]);
      });

      it('finds the entries of objects of one type naming the principals asked, on one object when given', async () => {
        await store.objectPermissions.replace('product', 'gold', [
          entry(alice, 'allow'),
          entry(bob, 'deny'),
          entry(ops, 'deny'),
          entry(everyone, 'allow'),
          entry(opsUser, 'deny'),
        ]);
        await store.objectPermissions.replace('product', 'silver', [entry(alice, 'deny'), entry(aliceGroup, 'allow'), entry(ops, 'allow')]);
        await store.objectPermissions.replace('client', 'gold', [entry(alice, 'allow'), entry(ops, 'allow')]);
        const asker = [alice, ops, everyone];

        expect(byKey(await store.objectPermissions.forPrincipals('product', asker))).toEqual([
          stored('product', 'gold', entry(everyone, 'allow')),
          stored('product', 'gold', entry(ops, 'deny')),
          stored('product', 'gold', entry(alice, 'allow')),
          stored('product', 'silver', entry(ops, 'allow')),
          stored('product', 'silver', entry(alice, 'deny')),
        ]);
        expect(byKey(await store.objectPermissions.forPrincipals('product', asker, 'silver'))).toEqual([
          stored('product', 'silver', entry(ops, 'allow')),
          stored('product', 'silver', entry(alice, 'deny')),
        ]);
        expect(byKey(await store.objectPermissions.forPrincipals('client', asker))).toEqual([
          stored('client', 'gold', entry(ops, 'allow')),
          stored('client', 'gold', entry(alice, 'allow')),
        ]);
        // Users only, groups only, and a principal only of the other type.
        expect(byKey(await store.objectPermissions.forPrincipals('product', [alice, bob]))).toEqual([
          stored('product', 'gold', entry(alice, 'allow')),
          stored('product', 'gold', entry(bob, 'deny')),
          stored('product', 'silver', entry(alice, 'deny')),
        ]);
        expect(byKey(await store.objectPermissions.forPrincipals('product', [aliceGroup]))).toEqual([
          stored('product', 'silver', entry(aliceGroup, 'allow')),
        ]);
        expect(await store.objectPermissions.forPrincipals('product', [opsUser], 'silver')).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('product', asker, 'bronze')).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('organization', asker)).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('product', [])).toEqual([]);
      });

      it('bumps no configuration version on replace: gateway nodes serve nothing of them', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.objectPermissions.forObject('product', 'gold');
        await store.objectPermissions.forPrincipals('product', [alice]);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
        await store.objectPermissions.replace('product', 'gold', [entry(alice, 'allow')]);
        await store.objectPermissions.replace('product', 'gold', []);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });

      it('lists only the products in scope: only these, none, or all but these', async () => {
        for (const id of ['bronze', 'gold', 'iron', 'silver']) {
          await store.products.insert(makeProduct({ id, name: id, projectIds: [], access: id === 'iron' ? 'private' : 'public' }));
        }
        const list = (filter: ProductFilter, limit = 10) => store.products.list(filter, { limit });
        expect(ids(await list({ scope: { only: ['silver', 'bronze', 'unknown'] } }))).toEqual(['bronze', 'silver']);
        expect(await list({ scope: { only: [] } })).toEqual({ items: [], nextCursor: null });
        expect(ids(await list({ scope: { except: ['gold', 'unknown'] } }))).toEqual(['bronze', 'iron', 'silver']);
        expect(ids(await list({ scope: { except: [] } }))).toEqual(['bronze', 'gold', 'iron', 'silver']);
        expect(ids(await list({ scope: { except: ['bronze', 'gold', 'iron', 'silver'] } }))).toEqual([]);
        // With the other filters and across pages.
        expect(ids(await list({ access: 'public', scope: { except: ['silver'] } }))).toEqual(['bronze', 'gold']);
        const first = await list({ scope: { only: ['gold', 'iron', 'silver'] } }, 2);
        expect(ids(first)).toEqual(['gold', 'iron']);
        const second = await store.products.list(
          { scope: { only: ['gold', 'iron', 'silver'] } },
          { limit: 2, cursor: first.nextCursor ?? undefined },
        );
        expect(second).toEqual({ items: [expect.objectContaining({ id: 'silver' })], nextCursor: null });
      });

      it('lists only the clients in scope', async () => {
        for (const id of ['c1', 'c2', 'c3']) await store.clients.insert(makeClient({ id, email: `${id}@x.test` }));
        expect(ids(await store.clients.list({ scope: { only: ['c3', 'c1'] } }, { limit: 10 }))).toEqual(['c1', 'c3']);
        expect(ids(await store.clients.list({ scope: { only: [] } }, { limit: 10 }))).toEqual([]);
        expect(ids(await store.clients.list({ scope: { except: ['c2'] } }, { limit: 10 }))).toEqual(['c1', 'c3']);
        expect(ids(await store.clients.list({ status: 'active', scope: { except: [] } }, { limit: 10 }))).toEqual(['c1', 'c2', 'c3']);
      });

      it('lists only the projects, subscriptions and organizations in scope', async () => {
        await store.projects.insert(makeProject());
        await store.projects.insert(makeProject({ id: 'other', name: 'Other', contextPath: '/other' }));
        await store.products.insert(makeProduct({ projectIds: [] }));
        await store.clients.insert(makeClient());
        await store.subscriptions.insert(makeSubscription());
        await store.subscriptions.insert(makeSubscription({ id: 'empty', products: [] }));
        for (const id of ['acme', 'globex']) {
          await store.organizations.insert({
            id,
            name: id,
            administrators: [],
            parentId: null,
            productIds: [],
            createdAt: T0,
            updatedAt: T0,
          });
        }
        const page = { limit: 10 };
        expect(ids(await store.projects.list({ scope: { only: ['other'] } }, page))).toEqual(['other']);
        expect(ids(await store.projects.list({ scope: { only: [] } }, page))).toEqual([]);
        expect(ids(await store.projects.list({ scope: { except: ['other'] } }, page))).toEqual(['petstore']);
        expect(ids(await store.subscriptions.list({ scope: { only: ['empty'] } }, page))).toEqual(['empty']);
        expect(ids(await store.subscriptions.list({ scope: { only: [] } }, page))).toEqual([]);
        expect(ids(await store.subscriptions.list({ scope: { except: ['empty'] } }, page))).toEqual(['app']);
        expect(ids(await store.organizations.list({ scope: { only: ['globex'] } }, page))).toEqual(['globex']);
        expect(ids(await store.organizations.list({ scope: { only: [] } }, page))).toEqual([]);
        expect(ids(await store.organizations.list({ scope: { except: ['globex'] } }, page))).toEqual(['acme']);
      });

      it("deletes a product's entries with it, and only its own", async () => {
        await store.products.insert(makeProduct({ projectIds: [] }));
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        await store.objectPermissions.replace('product', 'gold', [entry(alice, 'allow'), entry(ops, 'deny')]);
        await store.objectPermissions.replace('product', 'silver', [entry(alice, 'deny')]);
        await store.objectPermissions.replace('client', 'gold', [entry(alice, 'allow')]);

        expect(await store.products.delete('gold')).toBe(true);
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([]);
        expect(await store.objectPermissions.forObject('product', 'silver')).toEqual([stored('product', 'silver', entry(alice, 'deny'))]);
        expect(await store.objectPermissions.forObject('client', 'gold')).toEqual([stored('client', 'gold', entry(alice, 'allow'))]);

        // Made again, it starts without entries.
        await store.products.insert(makeProduct({ projectIds: [] }));
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('product', [alice, ops], 'gold')).toEqual([]);
      });

      it('keeps the entries of a product whose delete is refused', async () => {
        await store.projects.insert(makeProject());
        await store.products.insert(makeProduct());
        await store.clients.insert(makeClient());
        await store.subscriptions.insert(makeSubscription());
        await store.objectPermissions.replace('product', 'gold', [entry(alice, 'allow')]);
        await expectCode(store.products.delete('gold'), 'REFERENCED');
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([stored('product', 'gold', entry(alice, 'allow'))]);
      });

      it("deletes a user's and a group's entries with them, and only their own", async () => {
        await store.users.insert(makeUser(), HASH_1);
        await store.groups.insert(makeUserGroup());
        await store.objectPermissions.replace('product', 'gold', [
          entry(alice, 'allow'),
          entry(ops, 'deny'),
          entry(bob, 'deny'),
          entry(opsUser, 'allow'),
          entry(aliceGroup, 'allow'),
        ]);
        await store.objectPermissions.replace('project', 'petstore', [entry(alice, 'allow', 'allow', 'allow'), entry(ops, 'deny')]);

        expect(await store.users.delete('alice')).toBe(true);
        expect(await store.objectPermissions.forPrincipals('product', [alice])).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('project', [alice])).toEqual([]);
        expect(await store.groups.delete('ops')).toBe(true);
        expect(await store.objectPermissions.forPrincipals('product', [ops])).toEqual([]);
        expect(await store.objectPermissions.forPrincipals('project', [ops])).toEqual([]);
        expect(await store.objectPermissions.forObject('product', 'gold')).toEqual([
          stored('product', 'gold', entry(aliceGroup, 'allow')),
          stored('product', 'gold', entry(bob, 'deny')),
          stored('product', 'gold', entry(opsUser, 'allow')),
        ]);
        expect(await store.objectPermissions.forObject('project', 'petstore')).toEqual([]);

        // Made again, they start without entries.
        await store.users.insert(makeUser(), HASH_1);
        await store.groups.insert(makeUserGroup());
        expect(await store.objectPermissions.forPrincipals('product', [alice, ops])).toEqual([]);
      });
    });

    describe('auth tokens', () => {
      const HOUR = 3_600_000;
      const session = (over: Partial<StoredToken> = {}) =>
        makeToken({ kind: 'session', digest: 's'.repeat(64), id: 'session-1', name: '', prefix: 'tg_session_abcdef', ...over });

      beforeEach(async () => {
        await store.users.insert(makeUser(), HASH_1);
        await store.users.insert(makeUser({ username: 'bob' }), HASH_1);
      });

      it('round-trips a token by its digest, with or without an expiry; an unknown digest is undefined', async () => {
        const api = makeToken();
        const login = session({ expiresAt: E0 + 12 * HOUR });
        await store.authTokens.insert(api);
        await store.authTokens.insert(login);
        expect(await store.authTokens.find(api.digest)).toEqual(api);
        expect(await store.authTokens.find(login.digest)).toEqual(login);
        expect(await store.authTokens.find('0'.repeat(64))).toBeUndefined();
        // Found whether expired or not: expiry is the caller's to judge.
        const expired = session({ digest: 'e'.repeat(64), id: 'session-2', expiresAt: E0 - 1 });
        await store.authTokens.insert(expired);
        expect(await store.authTokens.find(expired.digest)).toEqual(expired);
      });

      it('maps a duplicate digest or an unknown user to CONFLICT', async () => {
        await store.authTokens.insert(makeToken());
        await expectCode(store.authTokens.insert(makeToken({ id: 'token-2', name: 'Other' })), 'CONFLICT');
        await expectCode(store.authTokens.insert(makeToken({ digest: 'f'.repeat(64), username: 'nobody' })), 'CONFLICT');
        expect(await store.authTokens.find(makeToken().digest)).toEqual(makeToken());
        expect(await store.authTokens.find('f'.repeat(64))).toBeUndefined();
      });

      it('deletes a token by digest, then reports it unknown', async () => {
        await store.authTokens.insert(session());
        await store.authTokens.insert(makeToken());
        expect(await store.authTokens.delete(session().digest)).toBe(true);
        expect(await store.authTokens.find(session().digest)).toBeUndefined();
        expect(await store.authTokens.delete(session().digest)).toBe(false);
        expect(await store.authTokens.find(makeToken().digest)).toEqual(makeToken());
      });

      it("lists a user's API tokens only, oldest first", async () => {
        const newest = makeToken({ digest: '1'.repeat(64), id: 'a-newest', name: 'Newest', createdAt: E0 + 2 * HOUR });
        const oldest = makeToken({ digest: '2'.repeat(64), id: 'z-oldest', name: 'Oldest', createdAt: E0, expiresAt: E0 + HOUR });
        const middle = makeToken({ digest: '3'.repeat(64), id: 'm-middle', name: 'Middle', createdAt: E0 + HOUR });
        for (const token of [newest, oldest, middle]) await store.authTokens.insert(token);
        await store.authTokens.insert(session({ createdAt: E0 - HOUR }));
        await store.authTokens.insert(makeToken({ digest: '4'.repeat(64), id: 'bobs', username: 'bob', createdAt: E0 - HOUR }));

        expect(await store.authTokens.listApiTokens('alice')).toEqual([oldest, middle, newest]);
        expect((await store.authTokens.listApiTokens('bob')).map((t) => t.id)).toEqual(['bobs']);
        expect(await store.authTokens.listApiTokens('nobody')).toEqual([]);
      });

      it("deletes only the user's own API token by id", async () => {
        await store.authTokens.insert(makeToken());
        await store.authTokens.insert(makeToken({ digest: '4'.repeat(64), id: 'bobs', username: 'bob' }));
        await store.authTokens.insert(session());

        expect(await store.authTokens.deleteApiToken('alice', 'bobs')).toBe(false);
        expect(await store.authTokens.find('4'.repeat(64))).toBeDefined();
        // A session is no API token, even by its id.
        expect(await store.authTokens.deleteApiToken('alice', session().id)).toBe(false);
        expect(await store.authTokens.find(session().digest)).toEqual(session());

        expect(await store.authTokens.deleteApiToken('alice', 'token-1')).toBe(true);
        expect(await store.authTokens.find(makeToken().digest)).toBeUndefined();
        expect(await store.authTokens.deleteApiToken('alice', 'token-1')).toBe(false);
        expect((await store.authTokens.listApiTokens('bob')).map((t) => t.id)).toEqual(['bobs']);
      });

      it('deletes the tokens expired before now, and only those, returning how many', async () => {
        const now = E0 + 10 * HOUR;
        const expiredSession = session({ expiresAt: now - HOUR });
        const expiredApi = makeToken({ digest: '1'.repeat(64), id: 'old', expiresAt: now - 1, username: 'bob' });
        const expiringNow = makeToken({ digest: '2'.repeat(64), id: 'now', expiresAt: now });
        const later = session({ digest: '3'.repeat(64), id: 'session-2', expiresAt: now + HOUR });
        const never = makeToken({ digest: '4'.repeat(64), id: 'never', expiresAt: null, createdAt: E0 - 1000 * HOUR });
        for (const token of [expiredSession, expiredApi, expiringNow, later, never]) await store.authTokens.insert(token);

        expect(await store.authTokens.deleteExpired(now)).toBe(2);
        expect(await store.authTokens.find(expiredSession.digest)).toBeUndefined();
        expect(await store.authTokens.find(expiredApi.digest)).toBeUndefined();
        for (const kept of [expiringNow, later, never]) expect(await store.authTokens.find(kept.digest)).toEqual(kept);
        expect(await store.authTokens.deleteExpired(now)).toBe(0);
      });

      it("deletes a user's tokens with the user", async () => {
        await store.authTokens.insert(makeToken());
        await store.authTokens.insert(session());
        await store.authTokens.insert(makeToken({ digest: '4'.repeat(64), id: 'bobs', username: 'bob' }));
        expect(await store.users.delete('alice')).toBe(true);
        expect(await store.authTokens.find(makeToken().digest)).toBeUndefined();
        expect(await store.authTokens.find(session().digest)).toBeUndefined();
        expect(await store.authTokens.listApiTokens('alice')).toEqual([]);
        // A user of the same name made again has none of the old tokens.
        await store.users.insert(makeUser(), HASH_2);
        expect(await store.authTokens.listApiTokens('alice')).toEqual([]);
        expect((await store.authTokens.listApiTokens('bob')).map((t) => t.id)).toEqual(['bobs']);
      });

      it('bumps no configuration version on any write', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.authTokens.insert(makeToken());
        await store.authTokens.insert(session({ expiresAt: E0 }));
        await store.authTokens.insert(makeToken({ digest: '1'.repeat(64), id: 'token-2' }));
        await store.authTokens.find(makeToken().digest);
        await store.authTokens.listApiTokens('alice');
        await store.authTokens.delete(makeToken().digest);
        await store.authTokens.deleteApiToken('alice', 'token-2');
        expect(await store.authTokens.deleteExpired(E0 + 1)).toBe(1);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });
    });

    describe('audit log', () => {
      it('appends records 1, 2, 3, each chained to the one before, read back exactly as answered', async () => {
        const answered = [
          await store.audit.append(makeAuditEntry(1)),
          // No milliseconds, no target, nothing changed: stored and hashed as read back.
          await store.audit.append(
            makeAuditEntry(2, { time: '2026-01-02T03:04:07Z', actor: { type: 'anonymous', id: null }, target: null, changes: null }),
          ),
          await store.audit.append(makeAuditEntry(3, { actor: { type: 'bootstrap', id: null }, outcome: 'denied', status: 403 })),
        ];
        expect(seqs(answered)).toEqual([1, 2, 3]);
        expect(answered.map((r) => r.prevHash)).toEqual([GENESIS_HASH, answered[0]?.hash, answered[1]?.hash]);
        expect(answered[1]?.time).toBe('2026-01-02T03:04:07.000Z');
        expect(answered[0]).toEqual({
          seq: 1,
          ...makeAuditEntry(1),
          prevHash: GENESIS_HASH,
          hash: expect.stringMatching(/^[0-9a-f]{64}$/),
        });
        expect(await scanAll(store)).toEqual(answered);
        expect((await store.audit.list({}, { limit: 10 })).items).toEqual([...answered].reverse());
        expect(await verifyAuditChain(store.audit.scan())).toEqual({
          records: 3,
          head: { seq: 3, hash: answered[2]?.hash },
          problems: [],
        });
      });

      it('bumps no configuration version', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.audit.append(makeAuditEntry(1));
        await store.transaction(() => store.audit.append(makeAuditEntry(2)));
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });

      it('lists newest first, filtered by each field and by all given together, in pages', async () => {
        const product = (id: string) => ({ type: 'product', id });
        await store.audit.append(makeAuditEntry(0));
        await store.audit.append(
          makeAuditEntry(1, { actor: { type: 'user', id: 'bob' }, target: product('silver'), action: 'deleteProduct', outcome: 'denied' }),
        );
        await store.audit.append(makeAuditEntry(2, { actor: { type: 'bootstrap', id: null }, target: { type: 'user', id: 'carol' } }));
        await store.audit.append(
          makeAuditEntry(3, { actor: { type: 'anonymous', id: null }, target: null, action: 'login', outcome: 'failure', status: 401 }),
        );
        await store.audit.append(makeAuditEntry(4, { action: 'deleteProduct', outcome: 'failure', status: 409 }));
        const list = async (filter: AuditFilter) => seqs((await store.audit.list(filter, { limit: 10 })).items);

        expect(await list({})).toEqual([5, 4, 3, 2, 1]);
        expect(await list({ actor: 'alice' })).toEqual([5, 1]);
        expect(await list({ actor: 'bob' })).toEqual([2]);
        expect(await list({ actor: 'bootstrap' })).toEqual([3]);
        expect(await list({ actor: 'anonymous' })).toEqual([4]);
        expect(await list({ actor: 'nobody' })).toEqual([]);
        expect(await list({ targetType: 'product' })).toEqual([5, 2, 1]);
        expect(await list({ targetType: 'product', targetId: 'gold' })).toEqual([5, 1]);
        expect(await list({ targetId: 'carol' })).toEqual([3]);
        expect(await list({ action: 'deleteProduct' })).toEqual([5, 2]);
        expect(await list({ outcome: 'failure' })).toEqual([5, 4]);
        expect(await list({ outcome: 'denied' })).toEqual([2]);
        expect(await list({ from: E0 + 1000 })).toEqual([5, 4, 3, 2]);
        expect(await list({ to: E0 + 1000 })).toEqual([1]);
        expect(await list({ from: E0 + 1000, to: E0 + 3000 })).toEqual([3, 2]);
        expect(await list({ actor: 'alice', action: 'deleteProduct', outcome: 'failure', targetType: 'product', from: E0 })).toEqual([5]);

        const first = await store.audit.list({}, { limit: 2 });
        expect(seqs(first.items)).toEqual([5, 4]);
        const second = await store.audit.list({}, { limit: 2, cursor: first.nextCursor ?? undefined });
        expect(seqs(second.items)).toEqual([3, 2]);
        const last = await store.audit.list({}, { limit: 2, cursor: second.nextCursor ?? undefined });
        expect(last).toEqual({ items: [expect.objectContaining({ seq: 1 })], nextCursor: null });
        const products = await store.audit.list({ targetType: 'product' }, { limit: 2 });
        expect(seqs(products.items)).toEqual([5, 2]);
        expect(await store.audit.list({ targetType: 'product' }, { limit: 2, cursor: products.nextCursor ?? undefined })).toEqual({
          items: [expect.objectContaining({ seq: 1 })],
          nextCursor: null,
        });
        // A cursor it did not make starts nowhere.
        expect(await store.audit.list({}, { limit: 2, cursor: 'not-a-cursor' })).toEqual({ items: [], nextCursor: null });
      });

      it('scans oldest first after a seq, across more than one chunk', async () => {
        const count = AUDIT_SCAN_CHUNK + 2;
        await store.transaction(async () => {
          for (let i = 0; i < count; i++) await store.audit.append(makeAuditEntry(i));
        });
        const all = await scanAll(store);
        expect(all).toHaveLength(count);
        expect(seqs(all)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
        expect(seqs(await scanAll(store, count - 3))).toEqual([count - 2, count - 1, count]);
        expect(await scanAll(store, count)).toEqual([]);
        expect((await verifyAuditChain(store.audit.scan())).problems).toEqual([]);
      });

      it('rolls an append back with its transaction, and keeps it when the transaction commits', async () => {
        await expect(
          store.transaction(async () => {
            await store.audit.append(makeAuditEntry(1));
            throw new Error('fails after the append');
          }),
        ).rejects.toThrow('fails after the append');
        expect(await scanAll(store)).toEqual([]);
        const record = await store.transaction(() => store.audit.append(makeAuditEntry(2)));
        expect(record.seq).toBe(1);
        expect(await scanAll(store)).toEqual([record]);
      });

      it('refuses to update or delete a record, even through SQL', async () => {
        const record = await store.audit.append(makeAuditEntry(1));
        await expect(test.raw("update audit_log set outcome = 'failure'")).rejects.toThrow(/append-only/);
        await expect(test.raw('delete from audit_log')).rejects.toThrow(/append-only/);
        if (backend.name === 'postgres') await expect(test.raw('truncate audit_log')).rejects.toThrow(/append-only/);
        expect(await scanAll(store)).toEqual([record]);
      });

      it('numbers appends 1..n and chains them when many processes append at once, in transactions or not', async () => {
        const appends = Array.from({ length: 20 }, (_, i) =>
          i % 4 === 0 ? store.audit.append(makeAuditEntry(i)) : store.transaction(() => store.audit.append(makeAuditEntry(i))),
        );
        const records = await Promise.all(appends);
        expect(seqs(records).sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
        const report = await verifyAuditChain(store.audit.scan());
        expect(report).toEqual({ records: 20, head: { seq: 20, hash: expect.any(String) }, problems: [] });
      });
    });

    describe('rate plans and success criteria', () => {
      const product = makeProduct({ projectIds: [] });

      it('round-trips a plan on insert and update: bands with and without `to`, empty objects and nulls', async () => {
        await store.products.insert(product);
        await store.ratePlans.insert(makeRatePlan());
        expect(await store.ratePlans.get('gold-standard')).toEqual(makeRatePlan());
        const bands = (await store.ratePlans.get('gold-standard'))?.rates ?? [];
        expect(bands[2]).toEqual({ from: 10_001, price: 1 });
        expect(Object.keys(bands[2] ?? {})).not.toContain('to');

        const updated = makeRatePlan({
          name: 'Standard 2',
          description: '',
          currency: 'JPY',
          meteringType: 'STAIR_STEP',
          rates: [
            { from: 1, to: 500, price: 10_000 },
            { from: 501, to: null, price: 25_000 },
          ],
          fees: {},
          freemium: {},
          billingPeriod: 'subscription-month',
          durationMonths: null,
          paymentDueDays: 0,
          mode: 'prepaid',
          startDate: T1,
          endDate: null,
          updatedAt: T1,
        });
        await store.ratePlans.update(updated);
        const read = await store.ratePlans.get('gold-standard');
        expect(read).toEqual(updated);
        // An explicit null `to` stays null; no field appears that was not written.
        expect(read?.rates[1]).toStrictEqual({ from: 501, to: null, price: 25_000 });
        expect(read?.fees).toStrictEqual({});
        expect(read?.freemium).toStrictEqual({});
        expect(await store.ratePlans.get('unknown')).toBeUndefined();
      });

      it("lists a product's plans by id, and only that product's", async () => {
        await store.products.insert(product);
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        for (const id of ['p-c', 'p-a', 'p-b']) await store.ratePlans.insert(makeRatePlan({ id, name: id }));
        await store.ratePlans.insert(makeRatePlan({ id: 'p-0', productId: 'silver' }));
        const plans = await store.ratePlans.listByProduct('gold');
        expect(plans.map((plan) => plan.id)).toEqual(['p-a', 'p-b', 'p-c']);
        expect(plans[0]).toEqual(makeRatePlan({ id: 'p-a', name: 'p-a' }));
        expect((await store.ratePlans.listByProduct('silver')).map((plan) => plan.id)).toEqual(['p-0']);
        expect(await store.ratePlans.listByProduct('bronze')).toEqual([]);
      });

      it('refuses a duplicate id (also under another product) and a plan of an unknown product with CONFLICT', async () => {
        await store.products.insert(product);
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        await store.ratePlans.insert(makeRatePlan());
        await expectCode(store.ratePlans.insert(makeRatePlan({ name: 'Twin' })), 'CONFLICT');
        await expectCode(store.ratePlans.insert(makeRatePlan({ productId: 'silver' })), 'CONFLICT');
        // A foreign-key violation on a write is CONFLICT ("refers to something that no longer exists").
        await expectCode(store.ratePlans.insert(makeRatePlan({ id: 'orphan', productId: 'unknown' })), 'CONFLICT');
        await expectCode(store.ratePlans.update(makeRatePlan({ productId: 'unknown' })), 'CONFLICT');
        expect(await store.ratePlans.get('orphan')).toBeUndefined();
        expect(await store.ratePlans.get('gold-standard')).toEqual(makeRatePlan());
      });

      it('deletes a plan: true once, then false', async () => {
        await store.products.insert(product);
        await store.ratePlans.insert(makeRatePlan());
        expect(await store.ratePlans.delete('gold-standard')).toBe(true);
        expect(await store.ratePlans.delete('gold-standard')).toBe(false);
        expect(await store.ratePlans.get('gold-standard')).toBeUndefined();
        expect(await store.ratePlans.delete('unknown')).toBe(false);
      });

      it('refuses to delete a product that still has a plan with REFERENCED, keeping both', async () => {
        await store.products.insert(product);
        await store.ratePlans.insert(makeRatePlan());
        await store.successCriteria.set('gold', { statuses: [{ from: 200, to: 201 }], header: null });
        await expectCode(store.products.delete('gold'), 'REFERENCED');
        expect(await store.products.get('gold')).toEqual(product);
        expect(await store.ratePlans.get('gold-standard')).toEqual(makeRatePlan());
        expect(await store.successCriteria.get('gold')).toEqual({ statuses: [{ from: 200, to: 201 }], header: null });
        expect(await store.ratePlans.delete('gold-standard')).toBe(true);
        expect(await store.products.delete('gold')).toBe(true);
      });

      it('sets, replaces and reads back success criteria; a product without has none', async () => {
        await store.products.insert(product);
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        expect(await store.successCriteria.get('gold')).toBeUndefined();
        const first: SuccessCriteria = {
          statuses: [
            { from: 200, to: 299 },
            { from: 304, to: 304 },
          ],
          header: { name: 'X-Billable', value: 'yes ✓' },
        };
        await store.successCriteria.set('gold', first);
        expect(await store.successCriteria.get('gold')).toEqual(first);
        const second: SuccessCriteria = { statuses: [{ from: 201, to: 201 }], header: null };
        await store.successCriteria.set('gold', second);
        expect(await store.successCriteria.get('gold')).toStrictEqual(second);
        expect(await store.successCriteria.get('silver')).toBeUndefined();
        await expectCode(store.successCriteria.set('unknown', second), 'CONFLICT');
        expect(await store.successCriteria.get('unknown')).toBeUndefined();
      });

      it("gives gateways each product's success criteria: none without plans, else those set or the default", async () => {
        await store.products.insert(product);
        await store.products.insert(makeProduct({ id: 'silver', name: 'Silver', projectIds: [] }));
        await store.products.insert(makeProduct({ id: 'bronze', name: 'Bronze', projectIds: [] }));
        const criteriaOf = async () =>
          Object.fromEntries((await store.gatewayConfig.load('production', new Date(E0))).products.map((p) => [p.id, p.successCriteria]));
        expect(await criteriaOf()).toEqual({ bronze: null, gold: null, silver: null });
        const custom: SuccessCriteria = {
          statuses: [
            { from: 200, to: 204 },
            { from: 304, to: 304 },
          ],
          header: { name: 'X-Billable', value: 'yes ✓' },
        };
        // Criteria without a plan: not monetized, so none.
        await store.successCriteria.set('bronze', custom);
        // Two plans, no criteria: the default, once.
        await store.ratePlans.insert(makeRatePlan());
        await store.ratePlans.insert(makeRatePlan({ id: 'gold-premium', name: 'Premium' }));
        await store.ratePlans.insert(makeRatePlan({ id: 'silver-standard', productId: 'silver' }));
        await store.successCriteria.set('silver', custom);
        const config = await store.gatewayConfig.load('production', new Date(E0));
        expect(config.products.map((p) => p.id)).toEqual(['bronze', 'gold', 'silver']);
        expect(await criteriaOf()).toStrictEqual({ bronze: null, gold: DEFAULT_SUCCESS_CRITERIA, silver: custom });
        // Its last plan deleted, a product is no longer monetized.
        expect(await store.ratePlans.delete('silver-standard')).toBe(true);
        expect(await criteriaOf()).toEqual({ bronze: null, gold: DEFAULT_SUCCESS_CRITERIA, silver: null });
      });

      it('deletes the success criteria of a product (without plans) with it', async () => {
        await store.products.insert(product);
        await store.successCriteria.set('gold', { statuses: [{ from: 200, to: 299 }], header: null });
        expect(await store.products.delete('gold')).toBe(true);
        expect(await store.successCriteria.get('gold')).toBeUndefined();
        // Made again, the product starts without criteria.
        await store.products.insert(product);
        expect(await store.successCriteria.get('gold')).toBeUndefined();
      });

      it('bumps the configuration version on every write, not on reads, and not for a refused write', async () => {
        await store.products.insert(product);
        const v0 = await store.gatewayConfig.currentVersion();
        await store.ratePlans.insert(makeRatePlan());
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
        await store.ratePlans.update(makeRatePlan({ name: 'Renamed', updatedAt: T1 }));
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 2);
        await store.successCriteria.set('gold', { statuses: [{ from: 200, to: 299 }], header: null });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
        await store.successCriteria.set('gold', { statuses: [{ from: 200, to: 204 }], header: null });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 4);
        await store.ratePlans.get('gold-standard');
        await store.ratePlans.listByProduct('gold');
        await store.successCriteria.get('gold');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 4);
        await expectCode(store.ratePlans.insert(makeRatePlan()), 'CONFLICT');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 4);
        expect(await store.ratePlans.delete('gold-standard')).toBe(true);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 5);
      });

      it("writes plans and criteria in the caller's transaction: a rollback undoes them", async () => {
        await store.products.insert(product);
        await expect(
          store.transaction(async (repos) => {
            await repos.ratePlans.insert(makeRatePlan());
            await store.successCriteria.set('gold', { statuses: [{ from: 200, to: 299 }], header: null });
            expect(await store.ratePlans.listByProduct('gold')).toEqual([makeRatePlan()]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.ratePlans.get('gold-standard')).toBeUndefined();
        expect(await store.successCriteria.get('gold')).toBeUndefined();
      });
    });

    describe('plan changes', () => {
      /** Epoch ms, in order: the starts of four months. */
      const FEB = Date.parse('2026-02-01T00:00:00.000Z');
      const MAR = Date.parse('2026-03-01T00:00:00.000Z');
      const APR = Date.parse('2026-04-01T00:00:00.000Z');
      const MAY = Date.parse('2026-05-01T00:00:00.000Z');
      const gold = makeProduct({ projectIds: [] });
      const silver = makeProduct({ id: 'silver', name: 'Silver', projectIds: [] });
      const goldEntry = makeSubscription().products[0] as SubscriptionRecord['products'][number];
      /** `app`, subscribed to gold and silver. */
      const subscription = makeSubscription({
        products: [goldEntry, { ...goldEntry, productId: 'silver', keyDigest: 'd'.repeat(64), previousKeyDigest: null }],
      });
      const change = (productId: string, effectiveFrom: number, ratePlanId: string | null, subscriptionId = 'app'): PlanChange => ({
        subscriptionId,
        productId,
        effectiveFrom,
        ratePlanId,
      });

      /** Two products with two plans and one plan, a client and its subscription `app` to both. */
      async function seed(): Promise<void> {
        await store.products.insert(gold);
        await store.products.insert(silver);
        await store.ratePlans.insert(makeRatePlan());
        await store.ratePlans.insert(makeRatePlan({ id: 'gold-premium', name: 'Premium' }));
        await store.ratePlans.insert(makeRatePlan({ id: 'silver-standard', productId: 'silver' }));
        await store.clients.insert(makeClient());
        await store.subscriptions.insert(subscription);
      }

      it('schedules changes and reads the history back by product, then time', async () => {
        await seed();
        expect(await store.planChanges.history('app')).toEqual([]);
        // Silver first, products interleaved: the history is ordered, not in the order written.
        await store.planChanges.schedule(change('silver', FEB, null));
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('silver', MAR, 'silver-standard'));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        const history = await store.planChanges.history('app');
        expect(history).toEqual([
          change('gold', FEB, 'gold-standard'),
          change('gold', APR, 'gold-premium'),
          change('silver', FEB, null),
          change('silver', MAR, 'silver-standard'),
        ]);
        expect(typeof history[0]?.effectiveFrom).toBe('number');
        expect(await store.planChanges.history('unknown')).toEqual([]);
      });

      it('keeps a change without a plan (null) as null', async () => {
        await seed();
        await store.planChanges.schedule(change('gold', FEB, null));
        const history = await store.planChanges.history('app', 'gold');
        expect(history).toStrictEqual([{ subscriptionId: 'app', productId: 'gold', effectiveFrom: FEB, ratePlanId: null }]);
      });

      it('replaces the changes at or after a new one, keeping the earlier ones and the other products', async () => {
        await seed();
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        await store.planChanges.schedule(change('gold', MAY, null));
        await store.planChanges.schedule(change('silver', APR, 'silver-standard'));
        // Before the pending APR and MAY changes: both disappear, FEB stays.
        await store.planChanges.schedule(change('gold', MAR, null));
        expect(await store.planChanges.history('app', 'gold')).toEqual([change('gold', FEB, 'gold-standard'), change('gold', MAR, null)]);
        // Later than every change: all are kept.
        await store.planChanges.schedule(change('gold', MAY, 'gold-premium'));
        expect(await store.planChanges.history('app', 'gold')).toEqual([
          change('gold', FEB, 'gold-standard'),
          change('gold', MAR, null),
          change('gold', MAY, 'gold-premium'),
        ]);
        // At the very time of a change: that change is replaced.
        await store.planChanges.schedule(change('gold', MAY, 'gold-standard'));
        expect(await store.planChanges.history('app', 'gold')).toEqual([
          change('gold', FEB, 'gold-standard'),
          change('gold', MAR, null),
          change('gold', MAY, 'gold-standard'),
        ]);
        expect(await store.planChanges.history('app', 'silver')).toEqual([change('silver', APR, 'silver-standard')]);
      });

      it("filters the history by product, and keeps each subscription's apart", async () => {
        await seed();
        await store.subscriptions.insert(makeSubscription({ id: 'other', products: [{ ...goldEntry, keyDigest: 'e'.repeat(64) }] }));
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('silver', FEB, 'silver-standard'));
        await store.planChanges.schedule(change('gold', MAR, 'gold-premium', 'other'));
        expect(await store.planChanges.history('app', 'gold')).toEqual([change('gold', FEB, 'gold-standard')]);
        expect(await store.planChanges.history('app', 'silver')).toEqual([change('silver', FEB, 'silver-standard')]);
        expect(await store.planChanges.history('app', 'bronze')).toEqual([]);
        expect(await store.planChanges.history('other')).toEqual([change('gold', MAR, 'gold-premium', 'other')]);
        // A new change of one subscription replaces nothing of another's.
        await store.planChanges.schedule(change('gold', FEB, null, 'other'));
        expect(await store.planChanges.history('app', 'gold')).toEqual([change('gold', FEB, 'gold-standard')]);
        expect(await store.planChanges.history('other')).toEqual([change('gold', FEB, null, 'other')]);
      });

      it("deletes a subscription's history with it", async () => {
        await seed();
        await store.subscriptions.insert(makeSubscription({ id: 'other', products: [{ ...goldEntry, keyDigest: 'e'.repeat(64) }] }));
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('silver', FEB, 'silver-standard'));
        await store.planChanges.schedule(change('gold', FEB, 'gold-premium', 'other'));
        expect(await store.subscriptions.delete('app')).toBe(true);
        expect(await store.planChanges.history('app')).toEqual([]);
        expect(await store.planChanges.history('other')).toEqual([change('gold', FEB, 'gold-premium', 'other')]);
        // Made again, the subscription starts without a history; the plans it named are free again.
        await store.subscriptions.insert(subscription);
        expect(await store.planChanges.history('app')).toEqual([]);
        expect(await store.ratePlans.delete('silver-standard')).toBe(true);
      });

      it('refuses to delete a plan named in a history with REFERENCED, keeping the plan and the history', async () => {
        await seed();
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('gold', MAR, null));
        await expectCode(store.ratePlans.delete('gold-standard'), 'REFERENCED');
        expect(await store.ratePlans.get('gold-standard')).toEqual(makeRatePlan());
        expect(await store.planChanges.history('app')).toEqual([change('gold', FEB, 'gold-standard'), change('gold', MAR, null)]);
        // A plan only named by a change since replaced is free.
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        await store.planChanges.schedule(change('gold', APR, null));
        expect(await store.ratePlans.delete('gold-premium')).toBe(true);
      });

      it('refuses a change naming an unknown plan or subscription with CONFLICT, replacing nothing', async () => {
        await seed();
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        // A foreign-key violation on a write is CONFLICT; the pending APR change it would have replaced stays.
        await expectCode(store.planChanges.schedule(change('gold', MAR, 'unknown')), 'CONFLICT');
        await expectCode(store.planChanges.schedule(change('gold', FEB, null, 'unknown')), 'CONFLICT');
        expect(await store.planChanges.history('app')).toEqual([change('gold', FEB, 'gold-standard'), change('gold', APR, 'gold-premium')]);
        expect(await store.planChanges.history('unknown')).toEqual([]);
      });

      it('bumps the configuration version on every write, not on reads, and not for a refused write', async () => {
        await seed();
        const v0 = await store.gatewayConfig.currentVersion();
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
        await store.planChanges.schedule(change('gold', FEB, 'gold-premium'));
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 2);
        await store.planChanges.history('app');
        await store.planChanges.history('app', 'gold');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 2);
        await expectCode(store.planChanges.schedule(change('gold', MAR, 'unknown')), 'CONFLICT');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 2);
      });

      it('reads every change of every subscription by subscription, product, then time', async () => {
        await seed();
        expect(await store.planChanges.all()).toEqual([]);
        await store.subscriptions.insert(makeSubscription({ id: 'other', products: [{ ...goldEntry, keyDigest: 'e'.repeat(64) }] }));
        // Written interleaved (each subscription product's in time order, so none replaces another).
        await store.planChanges.schedule(change('silver', MAR, 'silver-standard'));
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard', 'other'));
        await store.planChanges.schedule(change('gold', FEB, 'gold-standard'));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium', 'other'));
        await store.planChanges.schedule(change('gold', MAR, null));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        const all = await store.planChanges.all();
        expect(all).toEqual([
          change('gold', FEB, 'gold-standard'),
          change('gold', MAR, null),
          change('gold', APR, 'gold-premium'),
          change('silver', MAR, 'silver-standard'),
          change('gold', FEB, 'gold-standard', 'other'),
          change('gold', APR, 'gold-premium', 'other'),
        ]);
        expect(all.every((c) => typeof c.effectiveFrom === 'number')).toBe(true);
      });

      it("gives each key its subscription product's plan runs, cut by a change, a plan's end or its duration", async () => {
        await seed();
        const JUN = Date.parse('2026-06-01T00:00:00.000Z');
        const MID_MAR = Date.parse('2026-03-15T00:00:00.000Z');
        // Open-ended and unlimited: only a change ends it.
        await store.ratePlans.insert(makeRatePlan({ id: 'gold-open', endDate: null, durationMonths: null }));
        // Ends on its endDate, before the next change.
        await store.ratePlans.insert(
          makeRatePlan({ id: 'gold-trial', endDate: '2026-03-15T00:00:00.000Z', durationMonths: null, mode: 'prepaid', currency: 'USD' }),
        );
        // Lasts two months on a subscription.
        await store.ratePlans.update(makeRatePlan({ id: 'gold-premium', name: 'Premium', endDate: null, durationMonths: 2 }));
        await store.ratePlans.update(
          makeRatePlan({ id: 'silver-standard', productId: 'silver', endDate: null, durationMonths: null, mode: 'prepaid' }),
        );
        await store.subscriptions.insert(
          makeSubscription({ id: 'other', products: [{ ...goldEntry, keyDigest: 'e'.repeat(64), previousKeyDigest: null }] }),
        );
        await store.planChanges.schedule(change('gold', FEB, 'gold-open'));
        await store.planChanges.schedule(change('gold', MAR, 'gold-trial'));
        await store.planChanges.schedule(change('gold', APR, 'gold-premium'));
        await store.planChanges.schedule(change('silver', FEB, null));
        await store.planChanges.schedule(change('silver', MAR, 'silver-standard'));

        const keys = (await store.gatewayConfig.load('production', new Date(E0))).keys;
        const runsOf = new Map(keys.map((key) => [key.keyDigest, key.planRuns]));
        const goldRuns = [
          { ratePlanId: 'gold-open', since: FEB, until: MAR, mode: 'postpaid', currency: 'EUR' },
          { ratePlanId: 'gold-trial', since: MAR, until: MID_MAR, mode: 'prepaid', currency: 'USD' },
          { ratePlanId: 'gold-premium', since: APR, until: JUN, mode: 'postpaid', currency: 'EUR' },
        ];
        // The current key and its predecessor (still in its grace period) alike.
        expect(runsOf.get('a'.repeat(64))).toEqual(goldRuns);
        expect(runsOf.get('c'.repeat(64))).toEqual(goldRuns);
        expect(runsOf.get('d'.repeat(64))).toEqual([
          { ratePlanId: 'silver-standard', since: MAR, until: null, mode: 'prepaid', currency: 'EUR' },
        ]);
        // No history: no runs.
        expect(runsOf.get('e'.repeat(64))).toEqual([]);
        expect(keys).toHaveLength(4);
      });

      it("writes changes in the caller's transaction: a rollback undoes them", async () => {
        await seed();
        await store.planChanges.schedule(change('gold', MAR, 'gold-standard'));
        await expect(
          store.transaction(async (repos) => {
            await repos.planChanges.schedule(change('gold', FEB, 'gold-premium'));
            await store.planChanges.schedule(change('silver', FEB, 'silver-standard'));
            expect(await store.planChanges.history('app')).toEqual([
              change('gold', FEB, 'gold-premium'),
              change('silver', FEB, 'silver-standard'),
            ]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.planChanges.history('app')).toEqual([change('gold', MAR, 'gold-standard')]);
      });
    });

    describe('metering ledger', () => {
      /** A billable 200 of `app`'s `gold` (client `alice`) received at `E0 + i`; `i` makes it distinct. */
      const call = (i: number, over: Partial<MeteredCall> = {}): MeteredCall => ({
        requestId: `call-${String(i).padStart(5, '0')}`,
        receivedAt: E0 + i,
        subscriptionId: 'app',
        productId: 'gold',
        clientId: 'alice',
        status: 200,
        billable: true,
        ...over,
      });
      /** Usage in the hour from `E0` unless told otherwise. */
      const usage = (filter: Partial<UsageFilter> = {}) => store.metering.usage({ from: E0, to: E0 + HOUR, ...filter });
      const appGold = (calls: number, billableCalls: number) => ({
        subscriptionId: 'app',
        productId: 'gold',
        clientId: 'alice',
        calls,
        billableCalls,
      });

      it('records calls and answers how many were new', async () => {
        expect(await store.metering.record([call(1), call(2, { status: 503, billable: false }), call(3)])).toBe(3);
        expect(await store.metering.record([])).toBe(0);
        expect(await usage()).toStrictEqual([appGold(3, 2)]);
      });

      it('records a request id once: again alone, mixed with new ones, or twice in one batch', async () => {
        expect(await store.metering.record([call(1), call(2)])).toBe(2);
        expect(await store.metering.record([call(1)])).toBe(0);
        expect(await store.metering.record([call(1), call(2)])).toBe(0);
        expect(await store.metering.record([call(2), call(3), call(1), call(4)])).toBe(2);
        // Twice in one batch (the second time different): the first is kept.
        expect(await store.metering.record([call(5), call(5, { status: 500, billable: false }), call(6), call(6)])).toBe(2);
        // A retry that differs changes nothing either.
        expect(await store.metering.record([call(1, { status: 500, billable: false, receivedAt: E0 - 1 })])).toBe(0);
        expect(await usage()).toEqual([appGold(6, 6)]);
        expect(await usage({ from: E0 - 1, to: E0 })).toEqual([]);
      });

      it('records a batch of more than one statement whole, a request id repeated across its statements once', async () => {
        const count = 2 * METERING_ROWS_PER_INSERT + 500;
        const calls = Array.from({ length: count }, (_, i) => call(i, { billable: i % 2 === 0 }));
        expect(await store.metering.record(calls)).toBe(count);
        expect(await usage()).toEqual([appGold(count, count / 2)]);
        // Old ones in every statement, one new one at each end, and one repeated a statement later.
        const next = [call(count), ...calls, call(count + 1), call(count)];
        expect(await store.metering.record(next)).toBe(2);
        expect(await usage()).toEqual([appGold(count + 2, count / 2 + 2)]);
      });

      it('sums calls and billable calls per subscription product in [from, to), by subscription then product, filtered', async () => {
        const to = E0 + HOUR;
        await store.metering.record([
          // Out of the window: just before `from`, exactly at `to`.
          call(-1),
          call(HOUR),
          call(HOUR + 1, { billable: false }),
          // Written in no particular order.
          call(10, { subscriptionId: 'zed', clientId: 'bob' }),
          call(11, { subscriptionId: 'zed', clientId: 'bob', status: 404, billable: false }),
          call(12, { productId: 'silver' }),
          call(0),
          call(1, { status: 500, billable: false }),
          call(HOUR - 1),
          call(13, { subscriptionId: 'zed', productId: 'bronze', clientId: 'bob', billable: false }),
          // Unknown subscriptions and products are kept: the ledger has no foreign keys.
          call(14, { subscriptionId: 'ghost', productId: 'gone', clientId: 'nobody' }),
        ]);
        const silver = { subscriptionId: 'app', productId: 'silver', clientId: 'alice', calls: 1, billableCalls: 1 };
        const ghost = { subscriptionId: 'ghost', productId: 'gone', clientId: 'nobody', calls: 1, billableCalls: 1 };
        const zedBronze = { subscriptionId: 'zed', productId: 'bronze', clientId: 'bob', calls: 1, billableCalls: 0 };
        const zedGold = { subscriptionId: 'zed', productId: 'gold', clientId: 'bob', calls: 2, billableCalls: 1 };
        const all = await usage();
        expect(all).toStrictEqual([appGold(3, 2), silver, ghost, zedBronze, zedGold]);
        for (const row of all) {
          expect(typeof row.calls).toBe('number');
          expect(typeof row.billableCalls).toBe('number');
        }
        expect(await usage({ subscriptionId: 'app' })).toEqual([appGold(3, 2), silver]);
        expect(await usage({ productId: 'gold' })).toEqual([appGold(3, 2), zedGold]);
        expect(await usage({ subscriptionId: 'zed', productId: 'gold' })).toEqual([zedGold]);
        expect(await usage({ subscriptionId: 'app', productId: 'bronze' })).toEqual([]);
        expect(await usage({ subscriptionId: 'unknown' })).toEqual([]);
        // The edges: `from` is in, `to` is out.
        expect(await usage({ from: to, to: to + 1 })).toEqual([appGold(1, 1)]);
        expect(await usage({ from: E0 - 1, to: E0 })).toEqual([appGold(1, 1)]);
        expect(await usage({ from: E0, to: E0 + 1 })).toEqual([appGold(1, 1)]);
        expect(await usage({ from: to - 1, to })).toEqual([appGold(1, 1)]);
        expect(await usage({ from: E0 + 1, to: E0 + 1 })).toEqual([]);
        expect(await usage({ from: E0 - HOUR, to: to + HOUR })).toEqual([appGold(6, 4), silver, ghost, zedBronze, zedGold]);
        expect(await usage({ from: to + HOUR, to: to + 2 * HOUR })).toEqual([]);
      });

      it('keeps the calls of one subscription product by different clients apart', async () => {
        await store.metering.record([call(1), call(2, { clientId: 'carol' }), call(3, { clientId: 'carol', billable: false })]);
        expect(await usage({ subscriptionId: 'app', productId: 'gold' })).toEqual([appGold(1, 1), { ...appGold(2, 1), clientId: 'carol' }]);
      });

      it('rolls a record back with its transaction, and keeps it when the transaction commits', async () => {
        await expect(
          store.transaction(async () => {
            expect(await store.metering.record([call(1), call(2)])).toBe(2);
            // Read in the transaction, the calls are there.
            expect(await usage()).toEqual([appGold(2, 2)]);
            throw new Error('fails after the record');
          }),
        ).rejects.toThrow('fails after the record');
        expect(await usage()).toEqual([]);
        // Nothing of the rolled-back batch remains: recorded again, all of it is new.
        expect(await store.transaction(() => store.metering.record([call(1), call(2)]))).toBe(2);
        expect(await usage()).toEqual([appGold(2, 2)]);
      });

      it('bumps no configuration version', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.metering.record([call(1)]);
        await store.transaction(() => store.metering.record([call(2), call(1)]));
        await usage();
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });
    });

    describe('billing', () => {
      /** Epoch ms: the starts of four months. */
      const JAN = Date.parse('2026-01-01T00:00:00.000Z');
      const FEB = Date.parse('2026-02-01T00:00:00.000Z');
      const MAR = Date.parse('2026-03-01T00:00:00.000Z');
      const APR = Date.parse('2026-04-01T00:00:00.000Z');
      const line = { subscriptionId: 'app', productId: 'gold', ratePlanId: 'gold-standard' };
      /** A draft of `alice` in EUR for January: a fee, free calls, and an open usage band. */
      const makeInvoice = (over: Partial<StoredInvoice> = {}): StoredInvoice => ({
        id: 'inv-1',
        number: null,
        clientId: 'alice',
        currency: 'EUR',
        periodStart: JAN,
        periodEnd: FEB,
        status: 'draft',
        lines: [
          { ...line, kind: 'recurring-fee', amount: 1_999 },
          { ...line, kind: 'freemium', calls: 100, amount: 0 },
          { ...line, kind: 'usage', calls: 1_500, from: 1_001, to: null, price: 2, amount: 3_000 },
        ],
        total: 4_999,
        ratedAt: E0,
        finalizedAt: null,
        dueAt: null,
        createdAt: E0,
        ...over,
      });
      const finalOf = (invoice: StoredInvoice, number: number, finalizedAt: number, dueAt: number): StoredInvoice => ({
        ...invoice,
        status: 'final',
        number,
        finalizedAt,
        dueAt,
      });
      const makeTopUp = (over: Partial<StoredTopUp> = {}): StoredTopUp => ({
        id: 'top-1',
        clientId: 'alice',
        currency: 'EUR',
        amount: 10_000,
        note: 'wire transfer ✓',
        createdAt: E0,
        ...over,
      });
      const ids = (invoices: StoredInvoice[]) => invoices.map((invoice) => invoice.id);
      const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

      it('inserts an invoice and finds it by id and by client, currency and period, exactly as written', async () => {
        await store.billing.insertInvoice(makeInvoice());
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(makeInvoice());
        expect(await store.billing.findInvoice('alice', 'EUR', JAN, FEB)).toStrictEqual(makeInvoice());
        const read = await store.billing.getInvoice('inv-1');
        // A band without an end keeps its explicit null; no field appears that was not written.
        expect(read?.lines[2]).toStrictEqual(makeInvoice().lines[2]);
        expect(read?.lines[0]).toStrictEqual({ ...line, kind: 'recurring-fee', amount: 1_999 });
        for (const value of [read?.periodStart, read?.periodEnd, read?.total, read?.ratedAt, read?.createdAt])
          expect(typeof value).toBe('number');
        expect(await store.billing.getInvoice('unknown')).toBeUndefined();
        expect(await store.billing.findInvoice('alice', 'USD', JAN, FEB)).toBeUndefined();
        expect(await store.billing.findInvoice('alice', 'EUR', JAN, MAR)).toBeUndefined();
        expect(await store.billing.findInvoice('bob', 'EUR', JAN, FEB)).toBeUndefined();
      });

      it('refuses a second invoice of one client, currency and period, or a duplicate id, with CONFLICT', async () => {
        await store.billing.insertInvoice(makeInvoice());
        await expectCode(store.billing.insertInvoice(makeInvoice({ id: 'inv-2' })), 'CONFLICT');
        await expectCode(store.billing.insertInvoice(makeInvoice({ currency: 'USD' })), 'CONFLICT');
        // Another currency, period or client is another invoice; no client needs to exist.
        await store.billing.insertInvoice(makeInvoice({ id: 'inv-2', currency: 'USD' }));
        await store.billing.insertInvoice(makeInvoice({ id: 'inv-3', periodEnd: MAR }));
        await store.billing.insertInvoice(makeInvoice({ id: 'inv-4', clientId: 'ghost' }));
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(makeInvoice());
        expect((await store.billing.listInvoices({}, { limit: 10 })).items).toHaveLength(4);
      });

      it('lists newest period first, then client, currency and id, filtered by client and status, in pages', async () => {
        const invoices = [
          makeInvoice({ id: 'inv-3', clientId: 'bob' }),
          makeInvoice({ id: 'inv-6', periodStart: MAR, periodEnd: APR }),
          makeInvoice({ id: 'inv-1' }),
          makeInvoice({ id: 'inv-5', clientId: 'bob', currency: 'USD', periodStart: FEB, periodEnd: MAR }),
          makeInvoice({ id: 'inv-2', currency: 'USD' }),
          makeInvoice({ id: 'inv-7', periodEnd: MAR }),
          makeInvoice({ id: 'inv-4', periodStart: FEB, periodEnd: MAR }),
        ];
        for (const invoice of invoices) await store.billing.insertInvoice(invoice);
        await store.billing.finalize('inv-1', E0, E0 + 1);
        await store.billing.finalize('inv-3', E0, E0 + 1);
        const list = async (filter: Parameters<SqlStore['billing']['listInvoices']>[0]) =>
          ids((await store.billing.listInvoices(filter, { limit: 10 })).items);
        expect(await list({})).toEqual(['inv-6', 'inv-4', 'inv-5', 'inv-1', 'inv-7', 'inv-2', 'inv-3']);
        expect(await list({ status: 'final' })).toEqual(['inv-1', 'inv-3']);
        expect(await list({ status: 'draft' })).toEqual(['inv-6', 'inv-4', 'inv-5', 'inv-7', 'inv-2']);
        expect(await list({ clientId: 'bob' })).toEqual(['inv-5', 'inv-3']);
        expect(await list({ clientId: 'alice', status: 'final' })).toEqual(['inv-1']);
        expect(await list({ clientId: 'nobody' })).toEqual([]);
        const listed = (await store.billing.listInvoices({ status: 'final' }, { limit: 10 })).items;
        expect(listed[0]).toStrictEqual(finalOf(makeInvoice(), 1, E0, E0 + 1));

        /** Every page of a list, as ids. */
        const pages = async (filter: Parameters<SqlStore['billing']['listInvoices']>[0], limit: number) => {
          const result: string[][] = [];
          let cursor: string | undefined;
          do {
            const page = await store.billing.listInvoices(filter, { limit, cursor });
            result.push(ids(page.items));
            cursor = page.nextCursor ?? undefined;
          } while (cursor !== undefined);
          return result;
        };
        expect(await pages({}, 2)).toEqual([['inv-6', 'inv-4'], ['inv-5', 'inv-1'], ['inv-7', 'inv-2'], ['inv-3']]);
        expect(await pages({}, 7)).toEqual([['inv-6', 'inv-4', 'inv-5', 'inv-1', 'inv-7', 'inv-2', 'inv-3']]);
        expect(await pages({ clientId: 'alice' }, 3)).toEqual([
          ['inv-6', 'inv-4', 'inv-1'],
          ['inv-7', 'inv-2'],
        ]);
        expect(await pages({ status: 'draft' }, 1)).toEqual([['inv-6'], ['inv-4'], ['inv-5'], ['inv-7'], ['inv-2']]);
        // A cursor it did not make starts nowhere.
        expect(await store.billing.listInvoices({}, { limit: 2, cursor: 'not-a-cursor' })).toEqual({ items: [], nextCursor: null });
      });

      it("replaces a draft's lines, total and rating time; refuses a final invoice (CONFLICT) or an unknown one (NOT_FOUND)", async () => {
        await store.billing.insertInvoice(makeInvoice());
        const lines = [{ ...line, kind: 'setup-fee' as const, amount: 5_000 }];
        await store.billing.updateDraft('inv-1', lines, 5_000, E0 + 60_000);
        const updated = makeInvoice({ lines, total: 5_000, ratedAt: E0 + 60_000 });
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(updated);
        await store.billing.updateDraft('inv-1', [], 0, E0 + 120_000);
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(makeInvoice({ lines: [], total: 0, ratedAt: E0 + 120_000 }));
        expect(await store.billing.finalize('inv-1', E0 + HOUR, E0 + 2 * HOUR)).toBe(1);
        await expectCode(store.billing.updateDraft('inv-1', lines, 5_000, E0 + 3 * HOUR), 'CONFLICT');
        await expectCode(store.billing.updateDraft('unknown', lines, 5_000, E0), 'NOT_FOUND');
        const final = finalOf(makeInvoice({ lines: [], total: 0, ratedAt: E0 + 120_000 }), 1, E0 + HOUR, E0 + 2 * HOUR);
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(final);
      });

      it('finalizes drafts with the numbers 1, 2, 3 without gaps; refuses finalizing twice or an unknown invoice', async () => {
        for (const [i, currency] of ['EUR', 'USD', 'JPY', 'GBP'].entries())
          await store.billing.insertInvoice(makeInvoice({ id: `inv-${i + 1}`, currency }));
        expect(await store.billing.finalize('inv-2', E0 + 1, E0 + 2)).toBe(1);
        await expectCode(store.billing.finalize('inv-2', E0 + 3, E0 + 4), 'CONFLICT');
        await expectCode(store.billing.finalize('unknown', E0 + 3, E0 + 4), 'NOT_FOUND');
        // Neither a refused finalize nor a rolled-back one uses up a number.
        await expect(
          store.transaction(async () => {
            expect(await store.billing.finalize('inv-1', E0 + 5, E0 + 6)).toBe(2);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect((await store.billing.getInvoice('inv-1'))?.status).toBe('draft');
        expect(await store.billing.finalize('inv-1', E0 + 5, E0 + 6)).toBe(2);
        expect(await store.transaction(() => store.billing.finalize('inv-4', E0 + 7, E0 + 8))).toBe(3);
        expect(await store.billing.getInvoice('inv-2')).toStrictEqual(
          finalOf(makeInvoice({ id: 'inv-2', currency: 'USD' }), 1, E0 + 1, E0 + 2),
        );
        expect(await store.billing.getInvoice('inv-4')).toStrictEqual(
          finalOf(makeInvoice({ id: 'inv-4', currency: 'GBP' }), 3, E0 + 7, E0 + 8),
        );
        expect((await store.billing.getInvoice('inv-3'))?.number).toBeNull();
      });

      it('numbers drafts finalized at once 1..n, none twice', async () => {
        const count = 8;
        for (let i = 0; i < count; i++) await store.billing.insertInvoice(makeInvoice({ id: `inv-${i}`, currency: `C${i}` }));
        const numbers = await Promise.all(
          Array.from({ length: count }, (_, i) =>
            i % 2 === 0 ? store.billing.finalize(`inv-${i}`, E0, E0) : store.transaction(() => store.billing.finalize(`inv-${i}`, E0, E0)),
          ),
        );
        expect(numbers.sort((a, b) => a - b)).toEqual(Array.from({ length: count }, (_, i) => i + 1));
      });

      it('refuses any update or delete of a final invoice in the database itself, even through SQL; drafts stay writable', async () => {
        await store.billing.insertInvoice(makeInvoice());
        await store.billing.insertInvoice(makeInvoice({ id: 'inv-2', currency: 'USD' }));
        await store.billing.finalize('inv-1', E0, E0 + 1);
        const final = await store.billing.getInvoice('inv-1');
        await expect(test.raw("update invoices set total = 0 where id = 'inv-1'")).rejects.toThrow(/final invoice never changes/);
        await expect(test.raw("update invoices set status = 'draft', number = null where id = 'inv-1'")).rejects.toThrow(
          /final invoice never changes/,
        );
        await expect(test.raw("delete from invoices where id = 'inv-1'")).rejects.toThrow(/final invoice never changes/);
        await expect(test.raw('delete from invoices')).rejects.toThrow(/final invoice never changes/);
        if (backend.name === 'postgres') await expect(test.raw('truncate invoices')).rejects.toThrow(/final invoice never changes/);
        // A final invoice must have a number, and a draft none.
        await expect(test.raw("update invoices set status = 'final' where id = 'inv-2'")).rejects.toThrow(/check/i);
        expect(await store.billing.getInvoice('inv-1')).toStrictEqual(final);
        expect((await store.billing.getInvoice('inv-2'))?.status).toBe('draft');
        await test.raw("update invoices set total = 7 where id = 'inv-2'");
        expect((await store.billing.getInvoice('inv-2'))?.total).toBe(7);
        await test.raw("delete from invoices where id = 'inv-2'");
        expect(await store.billing.getInvoice('inv-2')).toBeUndefined();
      });

      it('lets one rating run at a time hold the rating lock: a second waits until the first commits', async () => {
        await store.billing.lockRating();
        const order: string[] = [];
        // Each run reads how many invoices there are, takes its time, then adds one: without the
        // lock, both would read the same count (PostgreSQL runs them side by side).
        const run = (name: string) =>
          store.transaction(async () => {
            await store.billing.lockRating();
            order.push(`${name} locked`);
            const seen = (await store.billing.listInvoices({}, { limit: 10 })).items.length;
            await sleep(100);
            await store.billing.insertInvoice(makeInvoice({ id: `inv-${seen}`, periodStart: JAN + seen }));
            order.push(`${name} done`);
          });
        await Promise.all([run('a'), run('b')]);
        expect([order.slice(0, 2), order.slice(2)]).toEqual([
          [`${order[0]?.[0]} locked`, `${order[0]?.[0]} done`],
          [`${order[2]?.[0]} locked`, `${order[2]?.[0]} done`],
        ]);
        expect(order[0]?.[0]).not.toBe(order[2]?.[0]);
        expect(ids((await store.billing.listInvoices({}, { limit: 10 })).items)).toEqual(['inv-1', 'inv-0']);
      });

      it('rolls invoices and top-ups back with their transaction', async () => {
        await expect(
          store.transaction(async () => {
            await store.billing.lockRating();
            await store.billing.insertInvoice(makeInvoice());
            await store.billing.addTopUp(makeTopUp());
            expect(await store.billing.getInvoice('inv-1')).toStrictEqual(makeInvoice());
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.billing.getInvoice('inv-1')).toBeUndefined();
        expect(await store.billing.topUps('alice')).toEqual([]);
      });

      it("adds top-ups and lists a client's newest first; a duplicate id is CONFLICT; they outlive their client", async () => {
        await store.clients.insert(makeClient());
        await store.billing.addTopUp(makeTopUp());
        await store.billing.addTopUp(
          makeTopUp({ id: 'top-2', createdAt: E0 + 1_000, currency: 'USD', amount: 1_000_000_000_000, note: '' }),
        );
        await store.billing.addTopUp(makeTopUp({ id: 'top-3', createdAt: E0 + 1_000 }));
        await store.billing.addTopUp(makeTopUp({ id: 'top-4', clientId: 'bob' }));
        await expectCode(store.billing.addTopUp(makeTopUp({ amount: 1 })), 'CONFLICT');
        const topUps = await store.billing.topUps('alice');
        expect(topUps.map((t) => t.id)).toEqual(['top-3', 'top-2', 'top-1']);
        expect(topUps[1]).toStrictEqual(
          makeTopUp({ id: 'top-2', createdAt: E0 + 1_000, currency: 'USD', amount: 1_000_000_000_000, note: '' }),
        );
        expect(topUps[2]).toStrictEqual(makeTopUp());
        expect(await store.billing.topUps('nobody')).toEqual([]);
        expect(await store.clients.delete('alice')).toBe(true);
        expect(await store.billing.topUps('alice')).toHaveLength(3);
      });

      it('bumps no configuration version', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.billing.lockRating();
        await store.transaction(async () => {
          await store.billing.lockRating();
          await store.billing.insertInvoice(makeInvoice());
          await store.billing.updateDraft('inv-1', [], 0, E0);
        });
        await store.billing.insertInvoice(makeInvoice({ id: 'inv-2', currency: 'USD' }));
        await store.billing.finalize('inv-1', E0, E0);
        await store.billing.updateDraft('inv-2', [], 0, E0);
        await store.billing.addTopUp(makeTopUp());
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });
    });

    describe('exhausted balances', () => {
      const bob = makeClient({ id: 'bob', email: 'bob@example.com' });

      it('sets and lists them by client then currency; unsetting deletes; an unknown client is CONFLICT', async () => {
        await store.clients.insert(makeClient());
        await store.clients.insert(bob);
        expect(await store.exhaustedBalances.list()).toEqual([]);
        await store.exhaustedBalances.set('bob', 'EUR', true);
        await store.exhaustedBalances.set('alice', 'USD', true);
        await store.exhaustedBalances.set('alice', 'EUR', true);
        // Set twice: still one.
        await store.exhaustedBalances.set('alice', 'EUR', true);
        expect(await store.exhaustedBalances.list()).toEqual([
          { clientId: 'alice', currency: 'EUR' },
          { clientId: 'alice', currency: 'USD' },
          { clientId: 'bob', currency: 'EUR' },
        ]);
        await store.exhaustedBalances.set('alice', 'USD', false);
        // Unsetting what is not set is no error.
        await store.exhaustedBalances.set('bob', 'JPY', false);
        await expectCode(store.exhaustedBalances.set('nobody', 'EUR', true), 'CONFLICT');
        expect(await store.exhaustedBalances.list()).toEqual([
          { clientId: 'alice', currency: 'EUR' },
          { clientId: 'bob', currency: 'EUR' },
        ]);
      });

      it('deletes them with their client', async () => {
        await store.clients.insert(makeClient());
        await store.clients.insert(bob);
        await store.exhaustedBalances.set('alice', 'EUR', true);
        await store.exhaustedBalances.set('bob', 'EUR', true);
        expect(await store.clients.delete('bob')).toBe(true);
        expect(await store.exhaustedBalances.list()).toEqual([{ clientId: 'alice', currency: 'EUR' }]);
        // Made again, the client starts with none.
        await store.clients.insert(bob);
        expect(await store.exhaustedBalances.list()).toEqual([{ clientId: 'alice', currency: 'EUR' }]);
      });

      it('bumps the configuration version on every set, not on reads, and gives gateways the list', async () => {
        await store.clients.insert(makeClient());
        const v0 = await store.gatewayConfig.currentVersion();
        await store.exhaustedBalances.set('alice', 'EUR', true);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
        await store.exhaustedBalances.list();
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 1);
        await store.transaction(async (repos) => {
          await repos.exhaustedBalances.set('alice', 'USD', true);
          await store.exhaustedBalances.set('alice', 'EUR', false);
        });
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
        await expectCode(store.exhaustedBalances.set('nobody', 'EUR', true), 'CONFLICT');
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
        const config = await store.gatewayConfig.load('production', new Date(E0));
        expect(config.version).toBe(v0 + 3);
        expect(config.exhaustedBalances).toEqual([{ clientId: 'alice', currency: 'USD' }]);
      });

      it("writes in the caller's transaction: a rollback undoes the set and its version", async () => {
        await store.clients.insert(makeClient());
        const v0 = await store.gatewayConfig.currentVersion();
        await expect(
          store.transaction(async () => {
            await store.exhaustedBalances.set('alice', 'EUR', true);
            expect(await store.exhaustedBalances.list()).toEqual([{ clientId: 'alice', currency: 'EUR' }]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.exhaustedBalances.list()).toEqual([]);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });
    });

    describe('ambient transactions', () => {
      const product = makeProduct({ projectIds: [] });

      it('runs the store called inside a transaction in it: all of it rolls back together', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await expect(
          store.transaction(async () => {
            await store.products.insert(product);
            await store.audit.append(makeAuditEntry(1));
            // Reads in the transaction see its writes.
            expect(await store.products.get('gold')).toEqual(product);
            expect(seqs(await scanAll(store))).toEqual([1]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.products.get('gold')).toBeUndefined();
        expect(await scanAll(store)).toEqual([]);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0);
      });

      it('commits everything called inside a transaction together, bumping the version once per configuration write', async () => {
        const v0 = await store.gatewayConfig.currentVersion();
        await store.transaction(async (repos) => {
          await store.products.insert(product);
          await store.audit.append(makeAuditEntry(1));
          await repos.products.update({ ...product, name: 'Gold+' });
          await store.serverGroups.insert(makeGroup());
          expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
        });
        expect((await store.products.get('gold'))?.name).toBe('Gold+');
        expect(await store.serverGroups.get('staging')).toEqual(makeGroup());
        expect(seqs(await scanAll(store))).toEqual([1]);
        expect(await store.gatewayConfig.currentVersion()).toBe(v0 + 3);
      });

      it('joins a transaction from one inside it: the outer rollback undoes the inner writes', async () => {
        await expect(
          store.transaction(async () => {
            await store.transaction(async (inner) => {
              await inner.products.insert(product);
              await store.audit.append(makeAuditEntry(1));
            });
            // The inner one has not committed on its own: it is still part of the outer one.
            expect(await store.products.get('gold')).toEqual(product);
            throw new Error('outer fails');
          }),
        ).rejects.toThrow('outer fails');
        expect(await store.products.get('gold')).toBeUndefined();
        expect(await scanAll(store)).toEqual([]);

        await store.transaction(() => store.transaction((inner) => inner.products.insert(product)));
        expect(await store.products.get('gold')).toEqual(product);
      });

      it('runs every facet of the store in the transaction: tokens, nodes, analytics, traces, gateway configuration', async () => {
        const session = makeSession({ serverGroupId: 'production' });
        await expect(
          store.transaction(async () => {
            await store.users.insert(makeUser(), HASH_1);
            await store.authTokens.insert(makeToken());
            expect(await store.authTokens.find(makeToken().digest)).toEqual(makeToken());
            await store.nodes.heartbeat(
              { id: 'node-1', serverGroupId: 'production', address: '127.0.0.1:8080', configVersion: null, startedAt: T0 },
              T0,
            );
            expect((await store.nodes.list('production')).map((n) => n.id)).toEqual(['node-1']);
            await store.analytics.write({ events: [makeEvent(1)], rollups: [makeRollup()] });
            const events: AnalyticsEvent[] = [];
            for await (const event of store.analytics.events({ from: E0, to: E0 + 10 })) events.push(event);
            expect(events).toEqual([makeEvent(1)]);
            await store.projects.insert(makeProject());
            await store.traceSessions.start(session);
            expect(await store.traces.write(makeTrace(1), 10)).toBe(true);
            expect((await store.traces.list('petstore', { limit: 10 })).items).toHaveLength(1);
            const config = await store.gatewayConfig.load('production', new Date(E0));
            expect(config.traceSessions).toEqual([session]);
            throw new Error('rolled back');
          }),
        ).rejects.toThrow('rolled back');
        expect(await store.authTokens.find(makeToken().digest)).toBeUndefined();
        expect(await store.nodes.list('production')).toEqual([]);
        const events: AnalyticsEvent[] = [];
        for await (const event of store.analytics.events({ from: E0, to: E0 + 10 })) events.push(event);
        expect(events).toEqual([]);
        expect((await store.traces.list('petstore', { limit: 10 })).items).toEqual([]);
      });

      it('leaves calls made outside the transaction out of it', async () => {
        let release = () => {};
        const held = new Promise<void>((resolve) => {
          release = resolve;
        });
        let entered = () => {};
        const inside = new Promise<void>((resolve) => {
          entered = resolve;
        });
        const failing = store.transaction(async () => {
          await store.products.insert(product);
          entered();
          await held;
          throw new Error('rolled back');
        });
        await inside;
        // Not in the transaction's async context: waits for it (SQLite) or runs beside it (PostgreSQL).
        const outside = store.audit.append(makeAuditEntry(1));
        release();
        await expect(failing).rejects.toThrow('rolled back');
        expect((await outside).seq).toBe(1);
        expect(await store.products.get('gold')).toBeUndefined();
        expect(seqs(await scanAll(store))).toEqual([1]);
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
