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

/** Products gold and silver, a root organization offering both and a sub-organization offering gold. */
async function makeTree() {
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.products.create(makeProductInput({ id: 'silver', name: 'Silver' }));
  await api.services.organizations.create(makeOrganizationInput({ id: 'acme', productIds: ['gold', 'silver'] }));
  await api.services.organizations.create(
    makeOrganizationInput({ id: 'acme-labs', name: 'Acme Labs', parentId: 'acme', productIds: ['gold'] }),
  );
}

describe('POST /api/v1/organizations', () => {
  it('creates a root organization with defaults and answers 201 with its Location', async () => {
    const res = await api.call('POST', '/api/v1/organizations', makeOrganizationInput());

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/organizations/acme');
    const organization = res.json();
    expect(organization).toEqual({
      id: 'acme',
      name: 'Acme',
      administrators: [],
      parentId: null,
      productIds: [],
      createdAt: expect.any(String),
      updatedAt: organization.createdAt,
    });
    expect(await api.services.organizations.get('acme')).toEqual(organization);
  });

  it('creates a sub-organization offering products of its parent', async () => {
    await api.services.products.create(makeProductInput());
    await api.services.organizations.create(makeOrganizationInput({ productIds: ['gold'] }));
    const input = makeOrganizationInput({ id: 'acme-labs', parentId: 'acme', productIds: ['gold'], administrators: ['boss@acme.example'] });

    const res = await api.call('POST', '/api/v1/organizations', input);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ id: 'acme-labs', parentId: 'acme', productIds: ['gold'], administrators: ['boss@acme.example'] });
  });

  it('answers 400 naming a product the parent does not offer', async () => {
    await api.services.products.create(makeProductInput());
    await api.services.organizations.create(makeOrganizationInput());

    const res = await api.call(
      'POST',
      '/api/v1/organizations',
      makeOrganizationInput({ id: 'acme-labs', parentId: 'acme', productIds: ['gold'] }),
    );

    const body = expectProblem(res, 'VALIDATION_FAILED', ['productIds.0']);
    expect(body.fields['productIds.0']).toBe("product 'gold' is not offered by the parent organization 'acme'");
  });

  it('answers 400 naming parentId when the parent does not exist', async () => {
    const res = await api.call('POST', '/api/v1/organizations', makeOrganizationInput({ id: 'acme-labs', parentId: 'ghost' }));

    expectProblem(res, 'VALIDATION_FAILED', ['parentId']);
  });

  it('answers 400 naming a product that does not exist', async () => {
    expectProblem(await api.call('POST', '/api/v1/organizations', makeOrganizationInput({ productIds: ['ghost'] })), 'VALIDATION_FAILED', [
      'productIds.0',
    ]);
  });

  it('answers 400 naming an administrator that is not an e-mail', async () => {
    const res = await api.call(
      'POST',
      '/api/v1/organizations',
      makeOrganizationInput({ administrators: ['ok@acme.example', 'not an email'] }),
    );

    expectProblem(res, 'VALIDATION_FAILED', ['administrators.1']);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    await api.services.organizations.create(makeOrganizationInput());

    expectProblem(await api.call('POST', '/api/v1/organizations', makeOrganizationInput()), 'CONFLICT', ['id']);
  });

  it('answers 400 naming an unknown field', async () => {
    const res = await api.call('POST', '/api/v1/organizations', { ...makeOrganizationInput(), owner: 'boss' });

    expectProblem(res, 'VALIDATION_FAILED', ['owner']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    const res = await api.call('POST', '/api/v1/organizations', { ...makeOrganizationInput(), productIds: 'gold' });

    expectProblem(res, 'VALIDATION_FAILED', ['productIds']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/organizations', 'application/json', '{"name":"Acme"]'), 'VALIDATION_FAILED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify(makeOrganizationInput({ name: 'x'.repeat(1024 * 1024) }));

    expectProblem(await api.send('POST', '/api/v1/organizations', 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/organizations', 'application/xml', '<organization/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/organizations', payload: makeOrganizationInput() },
    { unchanged: () => expect(api.services.organizations.get('acme')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/organizations', () => {
  it('filters by parent and by offered product', async () => {
    await makeTree();
    await api.services.organizations.create(makeOrganizationInput({ id: 'acme-ops', name: 'Acme Ops', parentId: 'acme' }));
    await api.services.organizations.create(makeOrganizationInput({ id: 'globex', name: 'Globex', productIds: ['silver'] }));

    const list = async (query: string) => ids((await api.call('GET', `/api/v1/organizations?${query}`)).json());

    expect(await list('')).toEqual(['acme', 'acme-labs', 'acme-ops', 'globex']);
    expect(await list('parentId=acme')).toEqual(['acme-labs', 'acme-ops']);
    expect(await list('productId=gold')).toEqual(['acme', 'acme-labs']);
    expect(await list('productId=silver')).toEqual(['acme', 'globex']);
    expect(await list('parentId=acme&productId=gold')).toEqual(['acme-labs']);
  });

  it('walks every organization once with limit and cursor, ending with a null nextCursor', async () => {
    for (const id of ['o1', 'o2', 'o3', 'o4']) await api.services.organizations.create(makeOrganizationInput({ id }));

    const first = (await api.call('GET', '/api/v1/organizations?limit=3')).json();
    const second = (await api.call('GET', `/api/v1/organizations?limit=3&cursor=${first.nextCursor}`)).json();

    expect([ids(first), ids(second)]).toEqual([['o1', 'o2', 'o3'], ['o4']]);
    expect(second.nextCursor).toBeNull();
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/organizations?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.parentId when it is not an id', async () => {
    expectProblem(await api.call('GET', '/api/v1/organizations?parentId=Acme%20Inc'), 'VALIDATION_FAILED', ['query.parentId']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/organizations' });
});

describe('GET /api/v1/organizations/{id}', () => {
  it('answers 200 with the organization', async () => {
    await makeTree();

    const res = await api.call('GET', '/api/v1/organizations/acme-labs');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(await api.services.organizations.get('acme-labs'));
    expect(res.json()).toMatchObject({ parentId: 'acme', productIds: ['gold'] });
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/organizations/initech'), 'NOT_FOUND');
    expect(body.detail).toBe("organization 'initech' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/organizations/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/organizations/acme' },
    { setup: () => api.services.organizations.create(makeOrganizationInput()) },
  );
});

describe('PATCH /api/v1/organizations/{id}', () => {
  it('changes the fields sent and keeps the others', async () => {
    await makeTree();
    const before = await api.services.organizations.get('acme');

    const res = await api.call('PATCH', '/api/v1/organizations/acme', { name: 'Acme Corp', administrators: ['ceo@acme.example'] });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...before, name: 'Acme Corp', administrators: ['ceo@acme.example'], updatedAt: expect.any(String) });
  });

  it('accepts the parentId it already has', async () => {
    await makeTree();

    const res = await api.call('PATCH', '/api/v1/organizations/acme-labs', { parentId: 'acme', name: 'Labs' });

    expect(res.statusCode).toBe(200);
  });

  it('answers 400 naming parentId when it would change', async () => {
    await makeTree();

    const res = await api.call('PATCH', '/api/v1/organizations/acme-labs', { parentId: null });

    expectProblem(res, 'VALIDATION_FAILED', ['parentId']);
    expect((await api.services.organizations.get('acme-labs')).parentId).toBe('acme');
  });

  it('answers 409 REFERENCED when a product it drops is still offered by a sub-organization', async () => {
    await makeTree();

    expectProblem(await api.call('PATCH', '/api/v1/organizations/acme', { productIds: ['silver'] }), 'REFERENCED');
    expect((await api.services.organizations.get('acme')).productIds).toEqual(['gold', 'silver']);
  });

  it('answers 409 REFERENCED when a product it drops is held by a subscription of its clients', async () => {
    await makeTree();
    await api.services.clients.create(makeClientInput({ organizationId: 'acme' }));
    await api.services.subscriptions.create(makeSubscriptionInput({ products: [{ productId: 'silver' }] }));

    expectProblem(await api.call('PATCH', '/api/v1/organizations/acme', { productIds: ['gold'] }), 'REFERENCED');
  });

  it('drops a product nothing below it uses', async () => {
    await makeTree();

    const res = await api.call('PATCH', '/api/v1/organizations/acme', { productIds: ['gold'] });

    expect(res.statusCode).toBe(200);
    expect(res.json().productIds).toEqual(['gold']);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await api.services.organizations.create(makeOrganizationInput());

    expectProblem(await api.call('PATCH', '/api/v1/organizations/acme', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.organizations.create(makeOrganizationInput());

    expectProblem(await api.call('PATCH', '/api/v1/organizations/acme', { bogus: 1 }), 'VALIDATION_FAILED', ['bogus']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await api.services.organizations.create(makeOrganizationInput());

    expectProblem(await api.call('PATCH', '/api/v1/organizations/acme', { administrators: 'boss@acme.example' }), 'VALIDATION_FAILED', [
      'administrators',
    ]);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/organizations/initech', { name: 'Initech' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/organizations/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/organizations/acme', payload: { name: 'Hijacked' } },
    {
      setup: () => api.services.organizations.create(makeOrganizationInput()),
      unchanged: async () => expect((await api.services.organizations.get('acme')).name).toBe('Acme'),
    },
  );
});

describe('DELETE /api/v1/organizations/{id}', () => {
  it('answers 204 and the organization is gone', async () => {
    await makeTree();

    expect((await api.call('DELETE', '/api/v1/organizations/acme-labs')).statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/v1/organizations/acme-labs'), 'NOT_FOUND');
  });

  it('answers 409 REFERENCED while it has sub-organizations', async () => {
    await makeTree();

    expectProblem(await api.call('DELETE', '/api/v1/organizations/acme'), 'REFERENCED');
    expect((await api.services.organizations.get('acme')).id).toBe('acme');
  });

  it('answers 409 REFERENCED while it has clients', async () => {
    await api.services.organizations.create(makeOrganizationInput());
    await api.services.clients.create(makeClientInput({ organizationId: 'acme' }));

    expectProblem(await api.call('DELETE', '/api/v1/organizations/acme'), 'REFERENCED');
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/organizations/initech'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/organizations/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/organizations/acme' },
    { setup: () => api.services.organizations.create(makeOrganizationInput()), unchanged: () => api.services.organizations.get('acme') },
  );
});
