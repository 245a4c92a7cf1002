import type { GatewayNodeReport } from '@tollgate/domain';
import type { InjectOptions } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProductInput, makeProjectInput, makeServerGroupInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

/** Bodies the JSON parser refuses: malformed, too large, another media type. */
function itRejectsUnparsableBodies(method: InjectOptions['method'], url: string) {
  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    const body = expectProblem(await api.send(method, url, 'application/json', '{"name": "Staging",'), 'VALIDATION_FAILED');
    expect(body.detail).toBe('the body is not valid JSON');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify({ name: 'Staging', description: 'x'.repeat(1024 * 1024) });
    expectProblem(await api.send(method, url, 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send(method, url, 'application/xml', '<group name="Staging"/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });
}

describe('POST /api/v1/server-groups', () => {
  it('creates a server group and answers 201 with its Location', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', makeServerGroupInput());

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/server-groups/staging');
    const group = res.json();
    expect(group).toEqual({
      id: 'staging',
      name: 'Staging',
      description: 'Gateway nodes for staging.',
      createdAt: expect.any(String),
      updatedAt: group.createdAt,
    });
    expect(new Date(group.createdAt).toISOString()).toBe(group.createdAt);
    expect(await api.services.serverGroups.get('staging')).toEqual(group);
  });

  it('generates a slug id and an empty description when they are not sent', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', { name: 'Edge' });

    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group.id).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
    expect(group.description).toBe('');
    expect(res.headers.location).toBe(`/api/v1/server-groups/${group.id}`);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', makeServerGroupInput({ id: 'production' }));

    const body = expectProblem(res, 'CONFLICT', ['id']);
    expect(body.fields).toEqual({ id: 'is already used' });
  });

  it('answers 400 naming an unknown field', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', { ...makeServerGroupInput(), bogus: true });

    const body = expectProblem(res, 'VALIDATION_FAILED', ['bogus']);
    expect(body.fields).toEqual({ bogus: 'is not a known field' });
  });

  it('answers 400 naming a field of the wrong type', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', makeServerGroupInput({ name: 42 as unknown as string }));

    expectProblem(res, 'VALIDATION_FAILED', ['name']);
  });

  it('answers 400 naming a missing required field', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', { id: 'staging' });

    const body = expectProblem(res, 'VALIDATION_FAILED', ['name']);
    expect(body.fields).toEqual({ name: 'is required' });
  });

  it('answers 400 naming an id that is not a slug', async () => {
    const res = await api.call('POST', '/api/v1/server-groups', makeServerGroupInput({ id: 'Staging Area' }));

    expectProblem(res, 'VALIDATION_FAILED', ['id']);
  });

  it('answers 400 to a body that tries to set __proto__', async () => {
    const res = await api.send('POST', '/api/v1/server-groups', 'application/json', '{"name":"Staging","__proto__":{"admin":true}}');

    expectProblem(res, 'VALIDATION_FAILED');
  });

  it('answers 400 naming the body when there is none', async () => {
    const res = await api.call('POST', '/api/v1/server-groups');

    expectProblem(res, 'VALIDATION_FAILED', ['body']);
  });

  itRejectsUnparsableBodies('POST', '/api/v1/server-groups');

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/server-groups', payload: makeServerGroupInput() },
    { checkDetail: true, unchanged: () => expect(api.services.serverGroups.get('staging')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/server-groups', () => {
  it('lists the default groups and the created ones in id order', async () => {
    await api.services.serverGroups.create(makeServerGroupInput({ id: 'staging' }));
    await api.services.serverGroups.create(makeServerGroupInput({ id: 'canary', name: 'Canary' }));

    const res = await api.call('GET', '/api/v1/server-groups');

    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(page.items.map((group: { id: string }) => group.id)).toEqual(['canary', 'development', 'production', 'staging']);
    expect(page.nextCursor).toBeNull();
  });

  it('walks every group once with limit and cursor, ending with a null nextCursor', async () => {
    for (const id of ['a-group', 'b-group', 'c-group']) await api.services.serverGroups.create(makeServerGroupInput({ id }));

    const pages: Array<{ items: Array<{ id: string }>; nextCursor: string | null }> = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '2', ...(cursor === null ? {} : { cursor }) });
      const res = await api.call('GET', `/api/v1/server-groups?${query}`);
      expect(res.statusCode).toBe(200);
      pages.push(res.json());
      cursor = pages.at(-1)?.nextCursor ?? null;
    } while (cursor !== null && pages.length < 10);

    expect(pages.map((page) => page.items.map((group) => group.id))).toEqual([
      ['a-group', 'b-group'],
      ['c-group', 'development'],
      ['production'],
    ]);
    expect(pages.at(-1)?.nextCursor).toBeNull();
  });

  it('accepts limit=100', async () => {
    const res = await api.call('GET', '/api/v1/server-groups?limit=100');

    expect(res.statusCode).toBe(200);
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/server-groups?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.limit when limit is 0 or not a number', async () => {
    expectProblem(await api.call('GET', '/api/v1/server-groups?limit=0'), 'VALIDATION_FAILED', ['query.limit']);
    expectProblem(await api.call('GET', '/api/v1/server-groups?limit=ten'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/server-groups?bogus=1'), 'VALIDATION_FAILED', ['query.bogus']);
    expect(body.fields).toEqual({ 'query.bogus': 'is not a known field' });
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/server-groups' }, { checkDetail: true });
});

describe('GET /api/v1/server-groups/{id}', () => {
  it('answers 200 with the server group', async () => {
    const created = await api.services.serverGroups.create(makeServerGroupInput());

    const res = await api.call('GET', '/api/v1/server-groups/staging');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/server-groups/nowhere'), 'NOT_FOUND');
    expect(body.detail).toBe("server group 'nowhere' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/server-groups/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/server-groups/production' }, { checkDetail: true });
});

describe('PATCH /api/v1/server-groups/{id}', () => {
  it('changes the fields sent and keeps the others', async () => {
    const created = await api.services.serverGroups.create(makeServerGroupInput());

    const res = await api.call('PATCH', '/api/v1/server-groups/staging', { name: 'Pre-production' });

    expect(res.statusCode).toBe(200);
    const group = res.json();
    expect(group).toMatchObject({ id: 'staging', name: 'Pre-production', description: created.description, createdAt: created.createdAt });
    expect(group.updatedAt >= created.updatedAt).toBe(true);
    expect(await api.services.serverGroups.get('staging')).toEqual(group);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await api.services.serverGroups.create(makeServerGroupInput());

    expectProblem(await api.call('PATCH', '/api/v1/server-groups/staging', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming id, which cannot be changed', async () => {
    await api.services.serverGroups.create(makeServerGroupInput());

    const res = await api.call('PATCH', '/api/v1/server-groups/staging', { id: 'renamed' });

    expectProblem(res, 'VALIDATION_FAILED', ['id']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.serverGroups.create(makeServerGroupInput());

    expectProblem(await api.call('PATCH', '/api/v1/server-groups/staging', { bogus: 1 }), 'VALIDATION_FAILED', ['bogus']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await api.services.serverGroups.create(makeServerGroupInput());

    expectProblem(await api.call('PATCH', '/api/v1/server-groups/staging', { description: ['x'] }), 'VALIDATION_FAILED', ['description']);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/server-groups/nowhere', { name: 'X' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/server-groups/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  itRejectsUnparsableBodies('PATCH', '/api/v1/server-groups/production');

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/server-groups/production', payload: { name: 'Hijacked' } },
    { checkDetail: true, unchanged: async () => expect((await api.services.serverGroups.get('production')).name).toBe('Production') },
  );
});

describe('GET /api/v1/server-groups/{id}/nodes', () => {
  const makeNodeReport = (over: Partial<GatewayNodeReport> = {}): GatewayNodeReport => ({
    id: 'gw-1:8080',
    serverGroupId: 'production',
    address: 'http://gw-1:8080',
    configVersion: 3,
    startedAt: '2020-01-01T00:00:00.000Z',
    ...over,
  });

  it("lists the group's nodes in id order, online while they report and offline once they stop", async () => {
    const now = new Date().toISOString();
    await api.test.store.nodes.heartbeat(makeNodeReport({ id: 'gw-2:8080', address: 'http://gw-2:8080' }), now);
    await api.test.store.nodes.heartbeat(makeNodeReport({ id: 'gw-1:8080', configVersion: null }), '2020-01-01T00:00:05.000Z');
    await api.test.store.nodes.heartbeat(makeNodeReport({ id: 'gw-dev:8080', serverGroupId: 'development' }), now);

    const res = await api.call('GET', '/api/v1/server-groups/production/nodes');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        {
          id: 'gw-1:8080',
          serverGroupId: 'production',
          address: 'http://gw-1:8080',
          configVersion: null,
          startedAt: '2020-01-01T00:00:00.000Z',
          lastSeenAt: '2020-01-01T00:00:05.000Z',
          status: 'offline',
        },
        {
          id: 'gw-2:8080',
          serverGroupId: 'production',
          address: 'http://gw-2:8080',
          configVersion: 3,
          startedAt: '2020-01-01T00:00:00.000Z',
          lastSeenAt: now,
          status: 'online',
        },
      ],
    });
  });

  it('answers an empty list for a group without nodes', async () => {
    expect((await api.call('GET', '/api/v1/server-groups/development/nodes')).json()).toEqual({ items: [] });
  });

  it('answers 404 NOT_FOUND for a group that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/server-groups/nowhere/nodes'), 'NOT_FOUND');
    expect(body.detail).toBe("server group 'nowhere' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/server-groups/BAD%20ID/nodes'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/server-groups/production/nodes' }, { checkDetail: true });
});

describe('DELETE /api/v1/server-groups/{id}', () => {
  it('answers 204 and the group is gone', async () => {
    await api.services.serverGroups.create(makeServerGroupInput());

    const res = await api.call('DELETE', '/api/v1/server-groups/staging');

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await api.call('GET', '/api/v1/server-groups/staging'), 'NOT_FOUND');
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/server-groups/nowhere'), 'NOT_FOUND');
  });

  it('answers 409 REFERENCED while a product is offered in the group', async () => {
    await api.services.products.create(makeProductInput({ serverGroupIds: ['production'] }));

    expectProblem(await api.call('DELETE', '/api/v1/server-groups/production'), 'REFERENCED');
    expect((await api.services.serverGroups.get('production')).id).toBe('production');
  });

  it('answers 409 REFERENCED while a project is deployed to the group', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');

    expectProblem(await api.call('DELETE', '/api/v1/server-groups/production'), 'REFERENCED');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/server-groups/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/server-groups/production' },
    { checkDetail: true, unchanged: () => api.services.serverGroups.get('production') },
  );
});
