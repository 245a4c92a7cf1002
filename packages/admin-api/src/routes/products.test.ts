import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeClientInput, makeOrganizationInput, makeProductInput, makeProjectInput, makeSubscriptionInput } from '../testing/factories.js';
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

describe('POST /api/v1/products', () => {
  it('creates a product with defaults and answers 201 with its Location', async () => {
    const res = await api.call('POST', '/api/v1/products', makeProductInput());

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/products/gold');
    const product = res.json();
    expect(product).toEqual({
      id: 'gold',
      name: 'Gold',
      description: '',
      serverGroupIds: [],
      access: 'public',
      keyApproval: 'automatic',
      scopes: [],
      quota: null,
      projectIds: [],
      createdAt: expect.any(String),
      updatedAt: product.createdAt,
    });
    expect(await api.services.products.get('gold')).toEqual(product);
  });

  it('keeps the server groups, projects, quota and settings sent', async () => {
    await api.services.projects.create(makeProjectInput());
    const input = makeProductInput({
      serverGroupIds: ['production', 'development'],
      projectIds: ['petstore'],
      access: 'private',
      keyApproval: 'manual',
      scopes: ['pets:read'],
      quota: { limit: 1000, unit: 'day' },
    });

    const res = await api.call('POST', '/api/v1/products', input);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject(input);
  });

  it('answers 400 naming a server group that does not exist by its index', async () => {
    const res = await api.call('POST', '/api/v1/products', makeProductInput({ serverGroupIds: ['production', 'nowhere'] }));

    const body = expectProblem(res, 'VALIDATION_FAILED', ['serverGroupIds.1']);
    expect(body.fields).toEqual({ 'serverGroupIds.1': "server group 'nowhere' does not exist" });
  });

  it('answers 400 naming a project that does not exist by its index', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('POST', '/api/v1/products', makeProductInput({ projectIds: ['ghost', 'petstore'] }));

    expectProblem(res, 'VALIDATION_FAILED', ['projectIds.0']);
  });

  it('answers 400 naming a project that is not active', async () => {
    await api.services.projects.create(makeProjectInput({ status: 'deprecated' }));

    const res = await api.call('POST', '/api/v1/products', makeProductInput({ projectIds: ['petstore'] }));

    const body = expectProblem(res, 'VALIDATION_FAILED', ['projectIds.0']);
    expect(body.fields).toEqual({ 'projectIds.0': "project 'petstore' is deprecated and cannot be added to a product" });
  });

  it('answers 400 naming quota.unit when the unit is unknown', async () => {
    const res = await api.call('POST', '/api/v1/products', { ...makeProductInput(), quota: { limit: 10, unit: 'week' } });

    const body = expectProblem(res, 'VALIDATION_FAILED', ['quota.unit']);
    expect(body.fields['quota.unit']).toBe('must be one of: minute, hour, day, month');
  });

  it('answers 400 naming access when it is neither public nor private', async () => {
    expectProblem(await api.call('POST', '/api/v1/products', { ...makeProductInput(), access: 'secret' }), 'VALIDATION_FAILED', ['access']);
  });

  it('answers 400 naming a list that repeats an id', async () => {
    const res = await api.call('POST', '/api/v1/products', makeProductInput({ serverGroupIds: ['production', 'production'] }));

    expectProblem(res, 'VALIDATION_FAILED', ['serverGroupIds']);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    await api.services.products.create(makeProductInput());

    expectProblem(await api.call('POST', '/api/v1/products', makeProductInput()), 'CONFLICT', ['id']);
  });

  it('answers 400 naming an unknown field', async () => {
    expectProblem(await api.call('POST', '/api/v1/products', { ...makeProductInput(), price: 5 }), 'VALIDATION_FAILED', ['price']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    expectProblem(await api.call('POST', '/api/v1/products', { ...makeProductInput(), scopes: 'read' }), 'VALIDATION_FAILED', ['scopes']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/products', 'application/json', "{'name':'Gold'}"), 'VALIDATION_FAILED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify(makeProductInput({ description: 'x'.repeat(1024 * 1024) }));

    expectProblem(await api.send('POST', '/api/v1/products', 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/products', 'application/x-www-form-urlencoded', 'name=Gold'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/products', payload: makeProductInput() },
    { unchanged: () => expect(api.services.products.get('gold')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/products', () => {
  it('filters by server group, organization and access', async () => {
    await api.services.products.create(makeProductInput({ id: 'gold', serverGroupIds: ['production'] }));
    await api.services.products.create(makeProductInput({ id: 'silver', serverGroupIds: ['development'], access: 'private' }));
    await api.services.products.create(makeProductInput({ id: 'bronze', serverGroupIds: ['production', 'development'] }));
    await api.services.organizations.create(makeOrganizationInput({ productIds: ['silver', 'gold'] }));

    const list = async (query: string) => ids((await api.call('GET', `/api/v1/products?${query}`)).json());

    expect(await list('')).toEqual(['bronze', 'gold', 'silver']);
    expect(await list('serverGroupId=production')).toEqual(['bronze', 'gold']);
    expect(await list('organizationId=acme')).toEqual(['gold', 'silver']);
    expect(await list('access=private')).toEqual(['silver']);
    expect(await list('serverGroupId=development&access=public')).toEqual(['bronze']);
  });

  it('walks every product once with limit and cursor, ending with a null nextCursor', async () => {
    for (const id of ['p1', 'p2', 'p3']) await api.services.products.create(makeProductInput({ id }));

    const first = (await api.call('GET', '/api/v1/products?limit=2')).json();
    const second = (await api.call('GET', `/api/v1/products?limit=2&cursor=${first.nextCursor}`)).json();

    expect([ids(first), ids(second)]).toEqual([['p1', 'p2'], ['p3']]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/products?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.access when it is neither public nor private', async () => {
    expectProblem(await api.call('GET', '/api/v1/products?access=hidden'), 'VALIDATION_FAILED', ['query.access']);
  });

  it('answers 400 naming query.organizationId when it is not an id', async () => {
    expectProblem(await api.call('GET', '/api/v1/products?organizationId=Acme%20Inc'), 'VALIDATION_FAILED', ['query.organizationId']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/products' });
});

describe('GET /api/v1/products/{id}', () => {
  it('answers 200 with the product', async () => {
    const created = await api.services.products.create(makeProductInput({ serverGroupIds: ['production'] }));

    const res = await api.call('GET', '/api/v1/products/gold');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/products/platinum'), 'NOT_FOUND');
    expect(body.detail).toBe("product 'platinum' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/products/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/products/gold' },
    { setup: () => api.services.products.create(makeProductInput()) },
  );
});

describe('PATCH /api/v1/products/{id}', () => {
  it('changes the fields sent and keeps the others', async () => {
    const created = await api.services.products.create(makeProductInput({ serverGroupIds: ['production'] }));

    const res = await api.call('PATCH', '/api/v1/products/gold', { keyApproval: 'manual', quota: { limit: 5, unit: 'minute' } });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...created, keyApproval: 'manual', quota: { limit: 5, unit: 'minute' }, updatedAt: expect.any(String) });
    expect((await api.services.products.get('gold')).keyApproval).toBe('manual');
  });

  it('clears the quota when it is sent as null', async () => {
    await api.services.products.create(makeProductInput({ quota: { limit: 5, unit: 'hour' } }));

    const res = await api.call('PATCH', '/api/v1/products/gold', { quota: null });

    expect(res.json().quota).toBeNull();
  });

  it('keeps a project that became deprecated after it joined the product', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.products.create(makeProductInput({ projectIds: ['petstore'] }));
    await api.services.projects.update('petstore', { status: 'deprecated' });

    const res = await api.call('PATCH', '/api/v1/products/gold', { name: 'Gold Plus', projectIds: ['petstore'] });

    expect(res.statusCode).toBe(200);
    expect(res.json().projectIds).toEqual(['petstore']);
  });

  it('answers 400 naming a deprecated project that would join the product', async () => {
    await api.services.projects.create(makeProjectInput({ status: 'deprecated' }));
    await api.services.products.create(makeProductInput());

    expectProblem(await api.call('PATCH', '/api/v1/products/gold', { projectIds: ['petstore'] }), 'VALIDATION_FAILED', ['projectIds.0']);
  });

  it('answers 400 naming a server group that does not exist', async () => {
    await api.services.products.create(makeProductInput());

    const res = await api.call('PATCH', '/api/v1/products/gold', { serverGroupIds: ['nowhere'] });

    expectProblem(res, 'VALIDATION_FAILED', ['serverGroupIds.0']);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await api.services.products.create(makeProductInput());

    expectProblem(await api.call('PATCH', '/api/v1/products/gold', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.products.create(makeProductInput());

    expectProblem(await api.call('PATCH', '/api/v1/products/gold', { id: 'platinum' }), 'VALIDATION_FAILED', ['id']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await api.services.products.create(makeProductInput());

    expectProblem(await api.call('PATCH', '/api/v1/products/gold', { quota: { limit: '5', unit: 'day' } }), 'VALIDATION_FAILED', [
      'quota.limit',
    ]);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/products/platinum', { name: 'Platinum' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/products/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/products/gold', payload: { access: 'private' } },
    {
      setup: () => api.services.products.create(makeProductInput()),
      unchanged: async () => expect((await api.services.products.get('gold')).access).toBe('public'),
    },
  );
});

describe('DELETE /api/v1/products/{id}', () => {
  it('answers 204 and the product is gone', async () => {
    await api.services.products.create(makeProductInput({ serverGroupIds: ['production'] }));

    expect((await api.call('DELETE', '/api/v1/products/gold')).statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/v1/products/gold'), 'NOT_FOUND');
  });

  it('answers 409 REFERENCED while a subscription holds the product', async () => {
    await api.services.products.create(makeProductInput());
    await api.services.clients.create(makeClientInput());
    await api.services.subscriptions.create(makeSubscriptionInput());

    expectProblem(await api.call('DELETE', '/api/v1/products/gold'), 'REFERENCED');
    expect((await api.services.products.get('gold')).id).toBe('gold');
  });

  it('answers 409 REFERENCED while an organization offers the product', async () => {
    await api.services.products.create(makeProductInput());
    await api.services.organizations.create(makeOrganizationInput({ productIds: ['gold'] }));

    expectProblem(await api.call('DELETE', '/api/v1/products/gold'), 'REFERENCED');
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/products/platinum'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/products/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/products/gold' },
    { setup: () => api.services.products.create(makeProductInput()), unchanged: () => api.services.products.get('gold') },
  );
});
