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

/** Client alice of organization acme, subscribed to product gold through subscription app. */
async function makeSubscribedClient() {
  await api.services.products.create(makeProductInput({ id: 'gold' }));
  await api.services.organizations.create(makeOrganizationInput({ id: 'acme', productIds: ['gold'] }));
  await api.services.clients.create(makeClientInput({ organizationId: 'acme' }));
  await api.services.subscriptions.create(makeSubscriptionInput());
}

describe('POST /api/v1/clients', () => {
  it('creates a client with defaults and answers 201 with its Location', async () => {
    const res = await api.call('POST', '/api/v1/clients', makeClientInput());

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/clients/alice');
    const client = res.json();
    expect(client).toEqual({
      id: 'alice',
      email: 'alice@example.com',
      name: 'Alice',
      status: 'active',
      organizationId: null,
      attributes: {},
      createdAt: expect.any(String),
      updatedAt: client.createdAt,
    });
    expect(await api.services.clients.get('alice')).toEqual(client);
  });

  it('keeps the organization, status and attributes sent', async () => {
    await api.services.organizations.create(makeOrganizationInput());
    const input = makeClientInput({ organizationId: 'acme', status: 'inactive', attributes: { tier: 'gold' } });

    const res = await api.call('POST', '/api/v1/clients', input);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject(input);
  });

  it('answers 409 CONFLICT naming email when another client uses it, whatever its case', async () => {
    await api.services.clients.create(makeClientInput({ id: 'alice', email: 'alice@example.com' }));

    const res = await api.call('POST', '/api/v1/clients', makeClientInput({ id: 'alice2', email: 'ALICE@Example.com' }));

    const body = expectProblem(res, 'CONFLICT', ['email']);
    expect(body.fields).toEqual({ email: 'is already used by another client' });
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.call('POST', '/api/v1/clients', makeClientInput({ email: 'other@example.com' })), 'CONFLICT', ['id']);
  });

  it('answers 400 naming organizationId when the organization does not exist', async () => {
    expectProblem(await api.call('POST', '/api/v1/clients', makeClientInput({ organizationId: 'ghost' })), 'VALIDATION_FAILED', [
      'organizationId',
    ]);
  });

  it('answers 400 naming email when it is not an e-mail address', async () => {
    expectProblem(await api.call('POST', '/api/v1/clients', makeClientInput({ email: 'alice at example' })), 'VALIDATION_FAILED', [
      'email',
    ]);
  });

  it('answers 400 naming status when it is unknown', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/clients', { ...makeClientInput(), status: 'banned' }), 'VALIDATION_FAILED', [
      'status',
    ]);
    expect(body.fields.status).toBe('must be one of: active, inactive');
  });

  it('answers 400 naming every missing required field', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/clients', { id: 'alice' }), 'VALIDATION_FAILED', ['email', 'name']);
    expect(body.fields).toEqual({ email: 'is required', name: 'is required' });
  });

  it('answers 400 naming an unknown field', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/clients', { ...makeClientInput(), bogus: 'x' }), 'VALIDATION_FAILED', [
      'bogus',
    ]);
    expect(body.fields).toEqual({ bogus: 'is not a known field' });
  });

  it('answers 400 naming a field of the wrong type', async () => {
    const res = await api.call('POST', '/api/v1/clients', { ...makeClientInput(), attributes: { tier: 1 } });

    expectProblem(res, 'VALIDATION_FAILED', ['attributes.tier']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    const body = expectProblem(await api.send('POST', '/api/v1/clients', 'application/json', '{"email": alice}'), 'VALIDATION_FAILED');
    expect(body.detail).toBe('the body is not valid JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify(makeClientInput({ attributes: { blob: 'x'.repeat(1024 * 1024) } }));

    expectProblem(await api.send('POST', '/api/v1/clients', 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/clients', 'application/xml', '<client/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/clients', payload: makeClientInput() },
    { unchanged: () => expect(api.services.clients.get('alice')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/clients', () => {
  it('filters by organization and status', async () => {
    await api.services.organizations.create(makeOrganizationInput());
    await api.services.clients.create(makeClientInput({ id: 'alice', organizationId: 'acme' }));
    await api.services.clients.create(makeClientInput({ id: 'bob', organizationId: 'acme', status: 'inactive' }));
    await api.services.clients.create(makeClientInput({ id: 'carol', status: 'inactive' }));

    const list = async (query: string) => ids((await api.call('GET', `/api/v1/clients?${query}`)).json());

    expect(await list('')).toEqual(['alice', 'bob', 'carol']);
    expect(await list('organizationId=acme')).toEqual(['alice', 'bob']);
    expect(await list('status=inactive')).toEqual(['bob', 'carol']);
    expect(await list('organizationId=acme&status=active')).toEqual(['alice']);
  });

  it('walks every client once with limit and cursor, ending with a null nextCursor', async () => {
    for (const id of ['c1', 'c2', 'c3', 'c4', 'c5']) await api.services.clients.create(makeClientInput({ id }));

    const seen: string[][] = [];
    let url = '/api/v1/clients?limit=2';
    for (;;) {
      const page = (await api.call('GET', url)).json();
      seen.push(ids(page));
      if (page.nextCursor === null || seen.length > 5) break;
      url = `/api/v1/clients?limit=2&cursor=${encodeURIComponent(page.nextCursor)}`;
    }

    expect(seen).toEqual([['c1', 'c2'], ['c3', 'c4'], ['c5']]);
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/clients?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.status when the status is unknown', async () => {
    expectProblem(await api.call('GET', '/api/v1/clients?status=banned'), 'VALIDATION_FAILED', ['query.status']);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    expectProblem(await api.call('GET', '/api/v1/clients?email=alice@example.com'), 'VALIDATION_FAILED', ['query.email']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/clients' });
});

describe('GET /api/v1/clients/{id}', () => {
  it('answers 200 with the client', async () => {
    const created = await api.services.clients.create(makeClientInput({ attributes: { tier: 'gold' } }));

    const res = await api.call('GET', '/api/v1/clients/alice');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/clients/mallory'), 'NOT_FOUND');
    expect(body.detail).toBe("client 'mallory' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/clients/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/clients/alice' },
    { setup: () => api.services.clients.create(makeClientInput()) },
  );
});

describe('PATCH /api/v1/clients/{id}', () => {
  it('changes the fields sent and keeps the others', async () => {
    const created = await api.services.clients.create(makeClientInput({ attributes: { tier: 'gold' } }));

    const res = await api.call('PATCH', '/api/v1/clients/alice', { status: 'inactive', name: 'Alice Liddell' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...created, status: 'inactive', name: 'Alice Liddell', updatedAt: expect.any(String) });
    expect((await api.services.clients.get('alice')).status).toBe('inactive');
  });

  it('lets a client change the case of its own e-mail', async () => {
    await api.services.clients.create(makeClientInput());

    const res = await api.call('PATCH', '/api/v1/clients/alice', { email: 'Alice@Example.com' });

    expect(res.statusCode).toBe(200);
    expect(res.json().email).toBe('Alice@Example.com');
  });

  it('moves a client to an organization offering every product it subscribes to', async () => {
    await makeSubscribedClient();
    await api.services.organizations.create(makeOrganizationInput({ id: 'globex', name: 'Globex', productIds: ['gold'] }));

    const res = await api.call('PATCH', '/api/v1/clients/alice', { organizationId: 'globex' });

    expect(res.statusCode).toBe(200);
    expect(res.json().organizationId).toBe('globex');
  });

  it('answers 409 CONFLICT naming organizationId when the new organization does not offer a subscribed product', async () => {
    await makeSubscribedClient();
    await api.services.organizations.create(makeOrganizationInput({ id: 'globex', name: 'Globex' }));

    expectProblem(await api.call('PATCH', '/api/v1/clients/alice', { organizationId: 'globex' }), 'CONFLICT', ['organizationId']);
    expect((await api.services.clients.get('alice')).organizationId).toBe('acme');
  });

  it('answers 409 CONFLICT naming email when another client uses it', async () => {
    await api.services.clients.create(makeClientInput({ id: 'alice' }));
    await api.services.clients.create(makeClientInput({ id: 'bob' }));

    expectProblem(await api.call('PATCH', '/api/v1/clients/bob', { email: 'alice@example.com' }), 'CONFLICT', ['email']);
  });

  it('answers 400 naming organizationId when the organization does not exist', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.call('PATCH', '/api/v1/clients/alice', { organizationId: 'ghost' }), 'VALIDATION_FAILED', ['organizationId']);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.call('PATCH', '/api/v1/clients/alice', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.call('PATCH', '/api/v1/clients/alice', { password: 'x' }), 'VALIDATION_FAILED', ['password']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.call('PATCH', '/api/v1/clients/alice', { email: 42 }), 'VALIDATION_FAILED', ['email']);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/clients/mallory', { name: 'Mallory' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/clients/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    await api.services.clients.create(makeClientInput());

    expectProblem(await api.send('PATCH', '/api/v1/clients/alice', 'application/xml', '<client/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/clients/alice', payload: { status: 'inactive' } },
    {
      setup: () => api.services.clients.create(makeClientInput()),
      unchanged: async () => expect((await api.services.clients.get('alice')).status).toBe('active'),
    },
  );
});

describe('DELETE /api/v1/clients/{id}', () => {
  it('answers 204 and the client is gone', async () => {
    await api.services.clients.create(makeClientInput());

    expect((await api.call('DELETE', '/api/v1/clients/alice')).statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/v1/clients/alice'), 'NOT_FOUND');
  });

  it('answers 409 REFERENCED while the client has subscriptions', async () => {
    await makeSubscribedClient();

    expectProblem(await api.call('DELETE', '/api/v1/clients/alice'), 'REFERENCED');
    expect((await api.services.clients.get('alice')).id).toBe('alice');
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/clients/mallory'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/clients/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/clients/alice' },
    { setup: () => api.services.clients.create(makeClientInput()), unchanged: () => api.services.clients.get('alice') },
  );
});
