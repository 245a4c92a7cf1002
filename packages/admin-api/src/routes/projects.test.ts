import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProductInput, makeProjectInput } from '../testing/factories.js';
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

describe('POST /api/v1/projects', () => {
  it('creates a project with defaults and answers 201 with its Location', async () => {
    const res = await api.call('POST', '/api/v1/projects', makeProjectInput());

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/projects/petstore');
    const project = res.json();
    expect(project).toEqual({
      id: 'petstore',
      name: 'Project petstore',
      version: '1',
      contextPath: '/petstore/v1',
      status: 'active',
      description: '',
      tags: [],
      target: { url: 'http://127.0.0.1:9999', timeoutMs: 30_000 },
      resources: [],
      policies: [
        { id: 'verify-api-key', type: 'verify-api-key', flow: 'proxy-request', enabled: true, continueOnError: false, config: {} },
      ],
      createdAt: expect.any(String),
      updatedAt: project.createdAt,
    });
    expect(await api.services.projects.get('petstore')).toEqual(project);
  });

  it('keeps the resources and policies sent, filling their defaults', async () => {
    const input = makeProjectInput({
      tags: ['pets'],
      target: { url: 'https://backend.example/api', timeoutMs: 5000 },
      resources: [{ id: 'pets', path: '/pets/{petId}', methods: ['GET', 'DELETE'] }],
      policies: [{ id: 'key', type: 'verify-api-key', flow: 'proxy-request', resourceId: 'pets', config: { header: 'x-key' } }],
    });

    const res = await api.call('POST', '/api/v1/projects', input);

    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      tags: ['pets'],
      target: { url: 'https://backend.example/api', timeoutMs: 5000 },
      resources: [{ id: 'pets', path: '/pets/{petId}', methods: ['GET', 'DELETE'], acceptChildPaths: false, forwardBasePath: true }],
      policies: [
        {
          id: 'key',
          type: 'verify-api-key',
          flow: 'proxy-request',
          resourceId: 'pets',
          enabled: true,
          continueOnError: false,
          config: { header: 'x-key' },
        },
      ],
    });
  });

  it('answers 409 CONFLICT naming version when a project of that name and version exists', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'first', name: 'Petstore', version: '2' }));

    const res = await api.call('POST', '/api/v1/projects', makeProjectInput({ id: 'second', name: 'Petstore', version: '2' }));

    expectProblem(res, 'CONFLICT', ['version']);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    await api.services.projects.create(makeProjectInput());

    expectProblem(await api.call('POST', '/api/v1/projects', makeProjectInput({ name: 'Other' })), 'CONFLICT', ['id']);
  });

  it('answers 400 naming contextPath when it is not a path', async () => {
    expectProblem(await api.call('POST', '/api/v1/projects', makeProjectInput({ contextPath: 'petstore' })), 'VALIDATION_FAILED', [
      'contextPath',
    ]);
    expectProblem(await api.call('POST', '/api/v1/projects', makeProjectInput({ contextPath: '/a/../b' })), 'VALIDATION_FAILED', [
      'contextPath',
    ]);
  });

  it('answers 400 naming target.url when it is not an http(s) URL', async () => {
    const res = await api.call('POST', '/api/v1/projects', makeProjectInput({ target: { url: 'ftp://files.example' } }));

    expectProblem(res, 'VALIDATION_FAILED', ['target.url']);
  });

  it('answers 400 naming a missing target', async () => {
    const { target: _target, ...input } = makeProjectInput();

    const body = expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['target']);
    expect(body.fields).toEqual({ target: 'is required' });
  });

  it('answers 400 naming an unknown nested field by its path', async () => {
    const res = await api.call('POST', '/api/v1/projects', { ...makeProjectInput(), target: { url: 'http://x.example', retries: 3 } });

    expectProblem(res, 'VALIDATION_FAILED', ['target.retries']);
  });

  it('answers 400 naming an unknown field', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/projects', { ...makeProjectInput(), bogus: 1 }), 'VALIDATION_FAILED', [
      'bogus',
    ]);
    expect(body.fields).toEqual({ bogus: 'is not a known field' });
  });

  it('answers 400 naming a field of the wrong type', async () => {
    const res = await api.call('POST', '/api/v1/projects', { ...makeProjectInput(), tags: 'pets' });

    expectProblem(res, 'VALIDATION_FAILED', ['tags']);
  });

  it('answers 400 naming a policy whose resourceId names no resource of the project', async () => {
    const input = makeProjectInput({ policies: [{ type: 'verify-api-key', flow: 'proxy-request', resourceId: 'ghost' }] });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.resourceId']);
  });

  it('answers 400 naming a resource that repeats a path and method', async () => {
    const input = makeProjectInput({
      resources: [
        { path: '/pets', methods: ['GET', 'POST'] },
        { path: '/pets', methods: ['POST'] },
      ],
    });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['resources.1.path']);
  });

  it('answers 400 naming a server group override for a group that does not exist', async () => {
    const input = makeProjectInput({
      policies: [{ type: 'verify-api-key', flow: 'proxy-request', serverGroupConfig: { nowhere: { header: 'x-other' } } }],
    });

    expectProblem(await api.call('POST', '/api/v1/projects', input), 'VALIDATION_FAILED', ['policies.0.serverGroupConfig.nowhere']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/projects', 'application/json', '{"name":'), 'VALIDATION_FAILED');
  });

  it('answers 413 PAYLOAD_TOO_LARGE to a body over 1 MiB', async () => {
    const payload = JSON.stringify(makeProjectInput({ description: 'x'.repeat(1024 * 1024) }));

    expectProblem(await api.send('POST', '/api/v1/projects', 'application/json', payload), 'PAYLOAD_TOO_LARGE');
  });

  it('answers 415 UNSUPPORTED_MEDIA_TYPE to a body that is not JSON', async () => {
    expectProblem(await api.send('POST', '/api/v1/projects', 'application/xml', '<project/>'), 'UNSUPPORTED_MEDIA_TYPE');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/projects', payload: makeProjectInput() },
    { checkDetail: true, unchanged: () => expect(api.services.projects.get('petstore')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/projects', () => {
  it('lists projects in id order', async () => {
    for (const id of ['zoo', 'petstore', 'bank']) await api.services.projects.create(makeProjectInput({ id }));

    const res = await api.call('GET', '/api/v1/projects');

    expect(res.statusCode).toBe(200);
    expect(ids(res.json())).toEqual(['bank', 'petstore', 'zoo']);
    expect(res.json().nextCursor).toBeNull();
  });

  it('filters by status', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'old', status: 'deprecated' }));
    await api.services.projects.create(makeProjectInput({ id: 'new' }));

    const res = await api.call('GET', '/api/v1/projects?status=deprecated');

    expect(ids(res.json())).toEqual(['old']);
  });

  it('filters by the server group a project is deployed to', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'live' }));
    await api.services.projects.create(makeProjectInput({ id: 'draft' }));
    await api.services.projects.deploy('live', 'production');
    await api.services.projects.deploy('draft', 'development');

    expect(ids((await api.call('GET', '/api/v1/projects?serverGroupId=production')).json())).toEqual(['live']);
    expect(ids((await api.call('GET', '/api/v1/projects?serverGroupId=development&status=active')).json())).toEqual(['draft']);
    expect(ids((await api.call('GET', '/api/v1/projects?serverGroupId=development&status=retired')).json())).toEqual([]);
  });

  it('walks every project once with limit and cursor, ending with a null nextCursor', async () => {
    for (const id of ['p1', 'p2', 'p3', 'p4', 'p5']) await api.services.projects.create(makeProjectInput({ id }));

    const first = (await api.call('GET', '/api/v1/projects?limit=2')).json();
    const second = (await api.call('GET', `/api/v1/projects?limit=2&cursor=${first.nextCursor}`)).json();
    const third = (await api.call('GET', `/api/v1/projects?limit=2&cursor=${second.nextCursor}`)).json();

    expect([ids(first), ids(second), ids(third)]).toEqual([['p1', 'p2'], ['p3', 'p4'], ['p5']]);
    expect(typeof first.nextCursor).toBe('string');
    expect(third.nextCursor).toBeNull();
  });

  it('answers 400 naming query.limit when limit is over 100', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  it('answers 400 naming query.status when the status is unknown', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects?status=sleeping'), 'VALIDATION_FAILED', ['query.status']);
  });

  it('answers 400 naming query.serverGroupId when it is not an id', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects?serverGroupId=BAD%20ID'), 'VALIDATION_FAILED', ['query.serverGroupId']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/projects' }, { checkDetail: true });
});

describe('GET /api/v1/projects/{id}', () => {
  it('answers 200 with the project', async () => {
    const created = await api.services.projects.create(makeProjectInput());

    const res = await api.call('GET', '/api/v1/projects/petstore');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/projects/ghost'), 'NOT_FOUND');
    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/projects/petstore' },
    { checkDetail: true, setup: () => api.services.projects.create(makeProjectInput()) },
  );
});

describe('PATCH /api/v1/projects/{id}', () => {
  it('changes the fields sent and keeps the others', async () => {
    const created = await api.services.projects.create(makeProjectInput({ description: 'Pets', tags: ['pets'] }));

    const res = await api.call('PATCH', '/api/v1/projects/petstore', { name: 'Pet Store', status: 'deprecated' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...created, name: 'Pet Store', status: 'deprecated', updatedAt: expect.any(String) });
    expect((await api.services.projects.get('petstore')).name).toBe('Pet Store');
  });

  it('replaces the target, filling the default timeout', async () => {
    await api.services.projects.create(makeProjectInput({ target: { url: 'http://old.example', timeoutMs: 100 } }));

    const res = await api.call('PATCH', '/api/v1/projects/petstore', { target: { url: 'https://new.example' } });

    expect(res.json().target).toEqual({ url: 'https://new.example', timeoutMs: 30_000 });
  });

  it('moves the deployments along when the context path changes', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');

    const res = await api.call('PATCH', '/api/v1/projects/petstore', { contextPath: '/pets/v2' });

    expect(res.statusCode).toBe(200);
    const deployments = (await api.call('GET', '/api/v1/projects/petstore/deployments')).json();
    expect(deployments.items).toMatchObject([{ serverGroupId: 'production', contextPath: '/pets/v2' }]);
  });

  it('answers 409 CONFLICT naming contextPath when the new path is used in a group the project is deployed to', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'petstore' }));
    await api.services.projects.create(makeProjectInput({ id: 'zoo' }));
    await api.services.projects.deploy('petstore', 'production');
    await api.services.projects.deploy('zoo', 'production');

    const res = await api.call('PATCH', '/api/v1/projects/zoo', { contextPath: '/petstore/v1' });

    expectProblem(res, 'CONFLICT', ['contextPath']);
    expect((await api.services.projects.get('zoo')).contextPath).toBe('/zoo/v1');
  });

  it('answers 409 CONFLICT naming status when a deployed project is retired', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');

    expectProblem(await api.call('PATCH', '/api/v1/projects/petstore', { status: 'retired' }), 'CONFLICT', ['status']);
    expect((await api.services.projects.get('petstore')).status).toBe('active');
  });

  it('answers 400 naming the body when it sets no field', async () => {
    await api.services.projects.create(makeProjectInput());

    expectProblem(await api.call('PATCH', '/api/v1/projects/petstore', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.projects.create(makeProjectInput());

    expectProblem(await api.call('PATCH', '/api/v1/projects/petstore', { bogus: true }), 'VALIDATION_FAILED', ['bogus']);
  });

  it('answers 400 naming a field of the wrong type', async () => {
    await api.services.projects.create(makeProjectInput());

    expectProblem(await api.call('PATCH', '/api/v1/projects/petstore', { status: 'asleep' }), 'VALIDATION_FAILED', ['status']);
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/projects/ghost', { name: 'Ghost' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/projects/BAD%20ID', { name: 'X' }), 'VALIDATION_FAILED', ['params.id']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    await api.services.projects.create(makeProjectInput());

    expectProblem(await api.send('PATCH', '/api/v1/projects/petstore', 'application/json', '{"name"'), 'VALIDATION_FAILED');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/projects/petstore', payload: { name: 'Hijacked' } },
    {
      checkDetail: true,
      setup: () => api.services.projects.create(makeProjectInput()),
      unchanged: async () => expect((await api.services.projects.get('petstore')).name).toBe('Project petstore'),
    },
  );
});

describe('DELETE /api/v1/projects/{id}', () => {
  it('answers 204 and the project is gone', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('DELETE', '/api/v1/projects/petstore');

    expect(res.statusCode).toBe(204);
    expectProblem(await api.call('GET', '/api/v1/projects/petstore'), 'NOT_FOUND');
  });

  it('answers 409 REFERENCED while the project is deployed', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');

    expectProblem(await api.call('DELETE', '/api/v1/projects/petstore'), 'REFERENCED');
    expect((await api.services.projects.get('petstore')).id).toBe('petstore');
  });

  it('answers 409 REFERENCED while a product contains the project', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.products.create(makeProductInput({ projectIds: ['petstore'] }));

    expectProblem(await api.call('DELETE', '/api/v1/projects/petstore'), 'REFERENCED');
  });

  it('answers 404 NOT_FOUND for an id that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/projects/ghost'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/projects/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/projects/petstore' },
    {
      checkDetail: true,
      setup: () => api.services.projects.create(makeProjectInput()),
      unchanged: () => api.services.projects.get('petstore'),
    },
  );
});
