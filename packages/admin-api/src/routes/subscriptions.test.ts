import { existsSync, readFileSync } from 'node:fs';
import type { IssuedSubscription, SubscriptionCreate } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeOrganizationInput, makeProductInput, makeSubscriptionInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { ids } from '../testing/pages.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

/** Products gold (automatic approval) and silver (manual approval), and client alice. */
async function makeCatalogue() {
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver', keyApproval: 'manual' }));
  await api.services.clients.create(makeClientInput());
}

/** The catalogue and subscription app to gold, made directly through the services. */
async function makeCatalogueAndSubscription() {
  await makeCatalogue();
  await api.services.subscriptions.create(makeSubscriptionInput());
}

/** Creates a subscription through the API, the one response that shows its keys. */
async function subscribe(over: Partial<SubscriptionCreate> = {}): Promise<IssuedSubscription> {
  const res = await api.call('POST', '/api/v1/subscriptions', makeSubscriptionInput(over));
  expect(res.statusCode).toBe(201);
  return res.json();
}

/** The raw consumer keys and secrets a response issued. */
function secretsOf(subscription: IssuedSubscription): string[] {
  return subscription.products.flatMap((entry) => [entry.consumerKey, entry.consumerSecret]).filter((s): s is string => s !== undefined);
}

describe('POST /api/v1/subscriptions', () => {
  it('creates a subscription and answers 201 with its Location and one key pair per product', async () => {
    await makeCatalogue();

    const res = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ products: [{ productId: 'gold' }, { productId: 'silver' }] }),
    );

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/subscriptions/app');
    const subscription = res.json();
    expect(subscription).toMatchObject({
      id: 'app',
      name: 'App',
      clientId: 'alice',
      status: 'active',
      description: '',
      redirectUri: null,
      properties: {},
    });
    expect(subscription.products.map((entry: { productId: string }) => entry.productId)).toEqual(['gold', 'silver']);
    for (const entry of subscription.products) {
      expect(entry.consumerKey).toMatch(/^tg_k_/);
      expect(entry.consumerSecret).toMatch(/^tg_s_/);
      expect(entry.consumerKey.startsWith(entry.keyPrefix)).toBe(true);
      expect(entry.keyPrefix.length).toBeLessThan(entry.consumerKey.length);
      expect(entry).toMatchObject({ ratePlanId: null, previousKeyExpiresAt: null, keyIssuedAt: expect.any(String) });
    }
    expect(new Set(secretsOf(subscription)).size).toBe(4);
  });

  it('approves the key of an automatic product and leaves the key of a manual product pending', async () => {
    await makeCatalogue();

    const subscription = await subscribe({ products: [{ productId: 'gold' }, { productId: 'silver' }] });

    expect(subscription.products.map((entry) => [entry.productId, entry.status])).toEqual([
      ['gold', 'approved'],
      ['silver', 'pending'],
    ]);
  });

  it('never stores the raw consumer key or secret in the database file', async () => {
    await makeCatalogue();
    const marker = 'subscription-name-marker-4f1d';

    const subscription = await subscribe({ name: marker, products: [{ productId: 'gold' }, { productId: 'silver' }] });

    const file = api.test.store.file;
    expect(file).toBeDefined();
    const contents = [String(file), `${String(file)}-wal`].filter((path) => existsSync(path)).map((path) => readFileSync(path));
    // The files do hold what was just written, so not finding the keys means they are not there.
    expect(contents.some((bytes) => bytes.includes(marker))).toBe(true);
    for (const secret of secretsOf(subscription)) {
      for (const bytes of contents) expect(bytes.includes(secret)).toBe(false);
    }
  });

  it('answers 400 naming clientId when the client does not exist', async () => {
    await makeCatalogue();

    expectProblem(await api.call('POST', '/api/v1/subscriptions', makeSubscriptionInput({ clientId: 'mallory' })), 'VALIDATION_FAILED', [
      'clientId',
    ]);
  });

  it('answers 400 naming a product that does not exist by its index', async () => {
    await makeCatalogue();

    const res = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ products: [{ productId: 'gold' }, { productId: 'ghost' }] }),
    );

    const body = expectProblem(res, 'VALIDATION_FAILED', ['products.1.productId']);
    expect(body.fields).toEqual({ 'products.1.productId': "product 'ghost' does not exist" });
  });

  it('answers 400 naming a product listed twice', async () => {
    await makeCatalogue();

    const res = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ products: [{ productId: 'gold' }, { productId: 'gold' }] }),
    );

    expectProblem(res, 'VALIDATION_FAILED', ['products.1.productId']);
  });

  it("answers 400 naming a product the client's organization does not offer", async () => {
    await makeCatalogue();
    await api.services.organizations.create(makeOrganizationInput({ productIds: ['silver'] }));
    await api.services.clients.create(makeClientInput({ id: 'bob', organizationId: 'acme' }));

    const res = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ clientId: 'bob', products: [{ productId: 'gold' }] }),
    );

    expectProblem(res, 'VALIDATION_FAILED', ['products.0.productId']);
  });

  it('answers 400 naming a rate plan the product does not have', async () => {
    await makeCatalogue();

    const res = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ products: [{ productId: 'gold', ratePlanId: 'premium' }] }),
    );

    expectProblem(res, 'VALIDATION_FAILED', ['products.0.ratePlanId']);
  });

  it('answers 400 naming a missing products list', async () => {
    await makeCatalogue();
    const { products: _products, ...input } = makeSubscriptionInput();

    expectProblem(await api.call('POST', '/api/v1/subscriptions', input), 'VALIDATION_FAILED', ['products']);
  });

  it('answers 400 naming redirectUri when it is not a URI', async () => {
    await makeCatalogue();

    const res = await api.call('POST', '/api/v1/subscriptions', makeSubscriptionInput({ redirectUri: 'not a uri' }));

    expectProblem(res, 'VALIDATION_FAILED', ['redirectUri']);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    await makeCatalogue();
    await subscribe();

    expectProblem(await api.call('POST', '/api/v1/subscriptions', makeSubscriptionInput()), 'CONFLICT', ['id']);
  });

  it('answers 400 naming an unknown field, also inside a product entry', async () => {
    await makeCatalogue();

    const res = await api.call('POST', '/api/v1/subscriptions', { ...makeSubscriptionInput(), consumerKey: 'tg_k_mine' });
    expectProblem(res, 'VALIDATION_FAILED', ['consumerKey']);
    const nested = await api.call(
      'POST',
      '/api/v1/subscriptions',
      makeSubscriptionInput({ products: [{ productId: 'gold', key: 'x' } as never] }),
    );
    expectProblem(nested, 'VALIDATION_FAILED', ['products.0.key']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await makeCatalogue();

    expectProblem(await api.call('POST', '/api/v1/subscriptions', { ...makeSubscriptionInput(), products: 'gold' }), 'VALIDATION_FAILED', [
      'products',
    ]);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/subscriptions', 'application/json', '{"name":"App",,}'), 'VALIDATION_FAILED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify(makeSubscriptionInput({ description: 'x'.repeat(1024 * 1024) }));

    expectProblem(await api.send('POST', '/api/v1/subscriptions', 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/subscriptions', 'application/xml', '<subscription/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/subscriptions', payload: makeSubscriptionInput() },
    {
      setup: makeCatalogue,
      unchanged: () => expect(api.services.subscriptions.get('app')).rejects.toMatchObject({ code: 'NOT_FOUND' }),
    },
  );
});

describe('GET /api/v1/subscriptions', () => {
  it('lists subscriptions without their keys or secrets', async () => {
    await makeCatalogue();
    const issued = await subscribe({ products: [{ productId: 'gold' }, { productId: 'silver' }] });

    const res = await api.call('GET', '/api/v1/subscriptions');

    expect(res.statusCode).toBe(200);
    expect(ids(res.json())).toEqual(['app']);
    for (const secret of secretsOf(issued)) expect(res.body).not.toContain(secret);
    for (const entry of res.json().items[0].products) {
      expect(Object.keys(entry).sort()).toEqual([
        'createdAt',
        'keyIssuedAt',
        'keyPrefix',
        'previousKeyExpiresAt',
        'productId',
        'ratePlanId',
        'status',
      ]);
    }
  });

  it('filters by client, organization, product and status', async () => {
    await makeCatalogue();
    await api.services.organizations.create(makeOrganizationInput({ productIds: ['gold', 'silver'] }));
    await api.services.clients.create(makeClientInput({ id: 'bob', organizationId: 'acme' }));
    await subscribe({ id: 'alice-gold', clientId: 'alice', products: [{ productId: 'gold' }] });
    await subscribe({ id: 'alice-silver', clientId: 'alice', products: [{ productId: 'silver' }], status: 'revoked' });
    await subscribe({ id: 'bob-both', clientId: 'bob', products: [{ productId: 'gold' }, { productId: 'silver' }], status: 'pending' });

    const list = async (query: string) => ids((await api.call('GET', `/api/v1/subscriptions?${query}`)).json());

    expect(await list('clientId=alice')).toEqual(['alice-gold', 'alice-silver']);
    expect(await list('organizationId=acme')).toEqual(['bob-both']);
    expect(await list('productId=gold')).toEqual(['alice-gold', 'bob-both']);
    expect(await list('status=revoked')).toEqual(['alice-silver']);
    expect(await list('productId=silver&status=pending')).toEqual(['bob-both']);
  });

  it('walks every subscription once with limit and cursor, ending with a null nextCursor', async () => {
    await makeCatalogue();
    for (const id of ['s1', 's2', 's3']) await subscribe({ id });

    const first = (await api.call('GET', '/api/v1/subscriptions?limit=2')).json();
    const second = (await api.call('GET', `/api/v1/subscriptions?limit=2&cursor=${first.nextCursor}`)).json();

    expect([ids(first), ids(second)]).toEqual([['s1', 's2'], ['s3']]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/subscriptions?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.status when the status is unknown', async () => {
    expectProblem(await api.call('GET', '/api/v1/subscriptions?status=approved'), 'VALIDATION_FAILED', ['query.status']);
  });

  it('answers 400 naming query.cursor when the cursor is too long', async () => {
    expectProblem(await api.call('GET', `/api/v1/subscriptions?cursor=${'a'.repeat(401)}`), 'VALIDATION_FAILED', ['query.cursor']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/subscriptions' });
});

describe('GET /api/v1/subscriptions/{id}', () => {
  it('answers 200 with the subscription and never its keys or secrets', async () => {
    await makeCatalogue();
    const issued = await subscribe({ products: [{ productId: 'gold' }, { productId: 'silver' }] });

    const res = await api.call('GET', '/api/v1/subscriptions/app');

    expect(res.statusCode).toBe(200);
    for (const secret of secretsOf(issued)) expect(res.body).not.toContain(secret);
    const { products: issuedProducts, ...plain } = issued;
    expect(res.json()).toEqual({
      ...plain,
      products: issuedProducts.map(({ consumerKey: _key, consumerSecret: _secret, ...entry }) => entry),
    });
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/subscriptions/ghost'), 'NOT_FOUND');
    expect(body.detail).toBe("subscription 'ghost' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/subscriptions/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/subscriptions/app' }, { setup: makeCatalogueAndSubscription });
});

describe('PATCH /api/v1/subscriptions/{id}', () => {
  it('issues keys only for a product that joins, and keeps the keys of the others', async () => {
    await makeCatalogue();
    const issued = await subscribe({ products: [{ productId: 'gold' }] });
    const { consumerKey: _key, consumerSecret: _secret, ...gold } = issued.products[0] ?? {};

    const res = await api.call('PATCH', '/api/v1/subscriptions/app', { products: [{ productId: 'gold' }, { productId: 'silver' }] });

    expect(res.statusCode).toBe(200);
    const [keptGold, newSilver] = res.json().products;
    expect(keptGold).toEqual(gold);
    expect(Object.keys(keptGold)).not.toContain('consumerKey');
    expect(newSilver).toMatchObject({
      productId: 'silver',
      status: 'pending',
      consumerKey: expect.stringMatching(/^tg_k_/),
      consumerSecret: expect.stringMatching(/^tg_s_/),
    });
    expect(newSilver.consumerKey.startsWith(newSilver.keyPrefix)).toBe(true);
    for (const secret of secretsOf(issued)) expect(res.body).not.toContain(secret);
  });

  it('removes a product missing from the list sent', async () => {
    await makeCatalogue();
    await subscribe({ products: [{ productId: 'gold' }, { productId: 'silver' }] });

    const res = await api.call('PATCH', '/api/v1/subscriptions/app', { products: [{ productId: 'silver' }] });

    expect(res.statusCode).toBe(200);
    expect(res.json().products.map((entry: { productId: string }) => entry.productId)).toEqual(['silver']);
    expect(res.json().products[0]).not.toHaveProperty('consumerKey');
    expect((await api.services.subscriptions.get('app')).products.map((entry) => entry.productId)).toEqual(['silver']);
  });

  it('changes plain fields without issuing or showing any key', async () => {
    await makeCatalogue();
    const issued = await subscribe();

    const res = await api.call('PATCH', '/api/v1/subscriptions/app', {
      name: 'Mobile App',
      status: 'revoked',
      redirectUri: 'https://app.example/cb',
    });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Mobile App', status: 'revoked', redirectUri: 'https://app.example/cb' });
    expect(res.json().products[0]).not.toHaveProperty('consumerKey');
    expect(res.json().products[0].keyPrefix).toBe(issued.products[0]?.keyPrefix);
  });

  it('answers 400 naming a product that does not exist', async () => {
    await makeCatalogue();
    await subscribe();

    const res = await api.call('PATCH', '/api/v1/subscriptions/app', { products: [{ productId: 'gold' }, { productId: 'ghost' }] });

    expectProblem(res, 'VALIDATION_FAILED', ['products.1.productId']);
    expect((await api.services.subscriptions.get('app')).products).toHaveLength(1);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await makeCatalogue();
    await subscribe();

    expectProblem(await api.call('PATCH', '/api/v1/subscriptions/app', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming clientId, which cannot be changed', async () => {
    await makeCatalogue();
    await subscribe();

    expectProblem(await api.call('PATCH', '/api/v1/subscriptions/app', { clientId: 'bob' }), 'VALIDATION_FAILED', ['clientId']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await makeCatalogue();
    await subscribe();

    expectProblem(await api.call('PATCH', '/api/v1/subscriptions/app', { properties: [] }), 'VALIDATION_FAILED', ['properties']);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/subscriptions/ghost', { name: 'Ghost' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/subscriptions/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/subscriptions/app', payload: { products: [{ productId: 'gold' }, { productId: 'silver' }] } },
    {
      setup: makeCatalogueAndSubscription,
      unchanged: async () => expect((await api.services.subscriptions.get('app')).products).toHaveLength(1),
    },
  );
});

describe('DELETE /api/v1/subscriptions/{id}', () => {
  it('answers 204, the subscription is gone and its products are free to delete', async () => {
    await makeCatalogue();
    await subscribe();

    expect((await api.call('DELETE', '/api/v1/subscriptions/app')).statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/v1/subscriptions/app'), 'NOT_FOUND');
    expect((await api.call('DELETE', '/api/v1/products/gold')).statusCode).toBe(204);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/subscriptions/ghost'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/subscriptions/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/subscriptions/app' },
    {
      setup: makeCatalogueAndSubscription,
      unchanged: () => api.services.subscriptions.get('app'),
    },
  );
});
