import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeOrganizationInput, makeProductInput, makeProjectInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { ids } from '../testing/pages.js';
import { expectProblem } from '../testing/problems.js';
import { userSessions } from '../testing/users.js';

// The `q` filter of the searchable lists, through HTTP: validation, the query string's encoding
// of `%`, and the combination with the caller's per-object scope, which only the routes add.
// What matches on each dialect is the storage contract's (store.contract.test.ts).

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

const { createUser, sessionOf, as } = userSessions(() => api);

/** The ids a list answers to `query` (already encoded), checking the answer is a 200. */
async function list(collection: string, query: string): Promise<string[]> {
  const res = await api.call('GET', `/api/v1/${collection}?${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return ids(res.json());
}

/** The ids of each page of `collection?query`, walked with `limit=2` from the first to the last. */
async function pages(collection: string, query: string): Promise<string[][]> {
  const seen: string[][] = [];
  let url = `/api/v1/${collection}?${query}&limit=2`;
  for (;;) {
    const page = (await api.call('GET', url)).json();
    seen.push(ids(page));
    if (page.nextCursor === null || seen.length > 10) return seen;
    url = `/api/v1/${collection}?${query}&limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
  }
}

const q = (text: string) => `q=${encodeURIComponent(text)}`;

describe('GET /api/v1/projects?q=', () => {
  it('finds by id, name or context path ignoring case, % as a plain character, with other filters and across pages', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'alpha', name: 'Pet Store', contextPath: '/alpha' }));
    await api.services.projects.create(makeProjectInput({ id: 'beta', name: '100% Pets', contextPath: '/beta', status: 'deprecated' }));
    await api.services.projects.create(makeProjectInput({ id: 'gamma', name: 'Orders', contextPath: '/shop/PETS' }));
    await api.services.projects.create(makeProjectInput({ id: 'delta', name: 'Delta', contextPath: '/delta' }));

    expect(await list('projects', q('PET'))).toEqual(['alpha', 'beta', 'gamma']);
    expect(await list('projects', q('Gamm'))).toEqual(['gamma']);
    expect(await list('projects', q('shop/'))).toEqual(['gamma']);
    expect(await list('projects', q('0%'))).toEqual(['beta']);
    expect(await list('projects', q('%'))).toEqual(['beta']);
    expect(await list('projects', `${q('pet')}&status=active`)).toEqual(['alpha', 'gamma']);
    expect(await pages('projects', q('A'))).toEqual([
      ['alpha', 'beta'],
      ['delta', 'gamma'],
    ]);
  });
});

describe('GET /api/v1/products?q=', () => {
  it('finds by id or name ignoring case, _ as a plain character, with other filters and across pages', async () => {
    await api.services.products.create(makeProductInput({ id: 'gold', name: 'Gold' }));
    await api.services.products.create(makeProductInput({ id: 'gold_plus', name: 'Gold Plus', access: 'private' }));
    await api.services.products.create(makeProductInput({ id: 'goldxplus', name: 'Extra' }));
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver, not GOLD' }));

    expect(await list('products', q('gOLD'))).toEqual(['gold', 'gold_plus', 'goldxplus', 'silver']);
    expect(await list('products', q('extra'))).toEqual(['goldxplus']);
    expect(await list('products', q('d_p'))).toEqual(['gold_plus']);
    expect(await list('products', `${q('gold')}&access=private`)).toEqual(['gold_plus']);
    expect(await pages('products', q('gold'))).toEqual([
      ['gold', 'gold_plus'],
      ['goldxplus', 'silver'],
    ]);
  });
});

describe('GET /api/v1/organizations?q=', () => {
  it('finds by id or name ignoring case, with other filters and across pages', async () => {
    await api.services.organizations.create(makeOrganizationInput({ id: 'acme', name: 'ACME Corp' }));
    await api.services.organizations.create(makeOrganizationInput({ id: 'acme-eu', name: 'Acme Europe', parentId: 'acme' }));
    await api.services.organizations.create(makeOrganizationInput({ id: 'initech', name: 'Initech (an Acme company)', parentId: 'acme' }));
    await api.services.organizations.create(makeOrganizationInput({ id: 'globex', name: 'Globex' }));

    expect(await list('organizations', q('acme'))).toEqual(['acme', 'acme-eu', 'initech']);
    expect(await list('organizations', q('CORP'))).toEqual(['acme']);
    expect(await list('organizations', `${q('acme')}&parentId=acme`)).toEqual(['acme-eu', 'initech']);
    expect(await pages('organizations', q('ACME'))).toEqual([['acme', 'acme-eu'], ['initech']]);
  });
});

describe('GET /api/v1/clients?q=', () => {
  it('finds by id, name or e-mail ignoring case, with other filters and across pages', async () => {
    await api.services.organizations.create(makeOrganizationInput({ id: 'acme' }));
    await api.services.clients.create(makeClientInput({ id: 'alice', name: 'Alice', email: 'Alice@Corp.example', organizationId: 'acme' }));
    await api.services.clients.create(makeClientInput({ id: 'bob', name: 'Bob', email: 'bob@corp.example', status: 'inactive' }));
    await api.services.clients.create(makeClientInput({ id: 'carol', name: 'Carol', email: 'carol@home.example' }));
    await api.services.clients.create(makeClientInput({ id: 'dave', name: 'Dave', email: 'dave@CORP.example' }));

    expect(await list('clients', q('corp.EXAMPLE'))).toEqual(['alice', 'bob', 'dave']);
    expect(await list('clients', q('CAROL'))).toEqual(['carol']);
    expect(await list('clients', `${q('corp')}&status=inactive`)).toEqual(['bob']);
    expect(await list('clients', `${q('corp')}&organizationId=acme`)).toEqual(['alice']);
    expect(await pages('clients', q('corp'))).toEqual([['alice', 'bob'], ['dave']]);
  });
});

describe('GET /api/v1/subscriptions?q=', () => {
  it('finds by id or name ignoring case, with other filters and across pages', async () => {
    await api.services.products.create(makeProductInput({ id: 'gold' }));
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
    await api.services.clients.create(makeClientInput({ id: 'alice' }));
    await api.services.clients.create(makeClientInput({ id: 'bob' }));
    await api.services.subscriptions.create(makeSubscriptionInput({ id: 'app', name: 'Mobile App' }));
    await api.services.subscriptions.create(makeSubscriptionInput({ id: 'web-app', name: 'Web', clientId: 'bob' }));
    await api.services.subscriptions.create(
      makeSubscriptionInput({ id: 'batch', name: 'Nightly APP jobs', products: [{ productId: 'silver' }] }),
    );
    await api.services.subscriptions.create(makeSubscriptionInput({ id: 'cli', name: 'CLI' }));

    expect(await list('subscriptions', q('app'))).toEqual(['app', 'batch', 'web-app']);
    expect(await list('subscriptions', q('MOBILE'))).toEqual(['app']);
    expect(await list('subscriptions', `${q('app')}&clientId=alice`)).toEqual(['app', 'batch']);
    expect(await list('subscriptions', `${q('app')}&productId=gold`)).toEqual(['app', 'web-app']);
    expect(await pages('subscriptions', q('app'))).toEqual([['app', 'batch'], ['web-app']]);
  });
});

describe('the q filter', () => {
  const COLLECTIONS = ['projects', 'products', 'organizations', 'clients', 'subscriptions'];

  it('answers 400 naming query.q when it is empty or longer than 100 characters, on every searchable list', async () => {
    for (const collection of COLLECTIONS) {
      expectProblem(await api.call('GET', `/api/v1/${collection}?q=`), 'VALIDATION_FAILED', ['query.q']);
      expectProblem(await api.call('GET', `/api/v1/${collection}?${q('x'.repeat(101))}`), 'VALIDATION_FAILED', ['query.q']);
      expect(await list(collection, q('x'.repeat(100)))).toEqual([]);
    }
  });

  it('is not a filter of the server groups', async () => {
    expectProblem(await api.call('GET', '/api/v1/server-groups?q=prod'), 'VALIDATION_FAILED', ['query.q']);
  });

  it('takes the text as given, spaces included', async () => {
    await api.services.products.create(makeProductInput({ id: 'gold', name: 'Gold' }));
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Old Silver' }));

    expect(await list('products', q('old'))).toEqual(['gold', 'silver']);
    expect(await list('products', q(' old'))).toEqual([]);
    expect(await list('products', q('old '))).toEqual(['silver']);
  });

  it("keeps to the caller's per-object scope: an object it may not view is not found", async () => {
    await api.services.products.create(makeProductInput({ id: 'gold', name: 'Gold' }));
    await api.services.products.create(makeProductInput({ id: 'gold-plus', name: 'Gold Plus' }));
    await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
    await createUser('bob', ['api-users']);
    const entries = [{ principal: { type: 'user', id: 'bob' }, view: 'deny', modify: 'inherit' }];
    expect((await api.call('PUT', '/api/v1/products/gold/permissions', { entries })).statusCode).toBe(200);
    const bob = await sessionOf('bob');

    const res = await as(bob, 'GET', `/api/v1/products?${q('GOLD')}`);

    expect(res.statusCode, res.body).toBe(200);
    expect(ids(res.json())).toEqual(['gold-plus']);
  });

  it('is documented in the OpenAPI document of every searchable list', async () => {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const collection of COLLECTIONS) {
      const parameters = doc.paths[`/api/v1/${collection}`].get.parameters as Array<{ name: string; in: string; description?: string }>;
      const parameter = parameters.find((p) => p.name === 'q' && p.in === 'query');
      expect(parameter?.description, collection).toMatch(/^Case-insensitive text in the id/);
    }
  });
});
