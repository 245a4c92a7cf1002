import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeProjectInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem, itRequiresTheAdminToken } from '../testing/problems.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

const deploymentsOf = async (projectId: string) => api.services.projects.listDeployments(projectId);

describe('POST /api/v1/projects/{id}/deployments', () => {
  it('deploys the project and answers 201 with its Location', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'production' });

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/projects/petstore/deployments/production');
    const deployment = res.json();
    expect(deployment).toEqual({
      projectId: 'petstore',
      serverGroupId: 'production',
      contextPath: '/petstore/v1',
      deployedAt: expect.any(String),
    });
    expect(await deploymentsOf('petstore')).toEqual([deployment]);
  });

  it('answers 200 with the existing deployment when the project is already deployed there', async () => {
    await api.services.projects.create(makeProjectInput());
    const first = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'production' });

    const again = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'production' });

    expect(again.statusCode).toBe(200);
    expect(again.headers.location).toBeUndefined();
    expect(again.json()).toEqual(first.json());
    expect(await deploymentsOf('petstore')).toHaveLength(1);
  });

  it('lets two projects share a context path in different server groups', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'petstore' }));
    await api.services.projects.create(makeProjectInput({ id: 'petstore-beta', contextPath: '/petstore/v1' }));
    await api.services.projects.deploy('petstore', 'production');

    const res = await api.call('POST', '/api/v1/projects/petstore-beta/deployments', { serverGroupId: 'development' });

    expect(res.statusCode).toBe(201);
  });

  it('answers 409 CONFLICT when the project is retired', async () => {
    await api.services.projects.create(makeProjectInput({ status: 'retired' }));

    const res = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'production' });

    const body = expectProblem(res, 'CONFLICT');
    expect(body.detail).toBe("project 'petstore' is retired and cannot be deployed");
    expect(await deploymentsOf('petstore')).toEqual([]);
  });

  it('answers 409 CONFLICT naming contextPath when another project in the group has the same context path', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'petstore' }));
    await api.services.projects.create(makeProjectInput({ id: 'petstore-beta', contextPath: '/petstore/v1' }));
    await api.services.projects.deploy('petstore', 'production');

    const res = await api.call('POST', '/api/v1/projects/petstore-beta/deployments', { serverGroupId: 'production' });

    expectProblem(res, 'CONFLICT', ['contextPath']);
    expect(await deploymentsOf('petstore-beta')).toEqual([]);
  });

  it('answers 400 naming serverGroupId when the group does not exist', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'nowhere' });

    expectProblem(res, 'VALIDATION_FAILED', ['serverGroupId']);
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    const body = expectProblem(await api.call('POST', '/api/v1/projects/ghost/deployments', { serverGroupId: 'production' }), 'NOT_FOUND');
    expect(body.detail).toBe("project 'ghost' does not exist");
  });

  it('answers 400 naming params.id when the project id is malformed', async () => {
    const res = await api.call('POST', '/api/v1/projects/BAD%20ID/deployments', { serverGroupId: 'production' });

    expectProblem(res, 'VALIDATION_FAILED', ['params.id']);
  });

  it('answers 400 naming a missing serverGroupId', async () => {
    await api.services.projects.create(makeProjectInput());

    const body = expectProblem(await api.call('POST', '/api/v1/projects/petstore/deployments', {}), 'VALIDATION_FAILED', ['serverGroupId']);
    expect(body.fields).toEqual({ serverGroupId: 'is required' });
  });

  it('answers 400 naming a serverGroupId of the wrong type', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 7 });

    expectProblem(res, 'VALIDATION_FAILED', ['serverGroupId']);
  });

  it('answers 400 naming an unknown field', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('POST', '/api/v1/projects/petstore/deployments', { serverGroupId: 'production', contextPath: '/other' });

    expectProblem(res, 'VALIDATION_FAILED', ['contextPath']);
  });

  it('answers 400 VALIDATION_FAILED to malformed JSON', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.send('POST', '/api/v1/projects/petstore/deployments', 'application/json', '{"serverGroupId":');

    expectProblem(res, 'VALIDATION_FAILED');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/projects/petstore/deployments', payload: { serverGroupId: 'production' } },
    {
      setup: () => api.services.projects.create(makeProjectInput()),
      unchanged: async () => expect(await deploymentsOf('petstore')).toEqual([]),
    },
  );
});

describe('GET /api/v1/projects/{id}/deployments', () => {
  it('lists the deployments of the project by server group', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');
    await api.services.projects.deploy('petstore', 'development');

    const res = await api.call('GET', '/api/v1/projects/petstore/deployments');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      items: [
        { projectId: 'petstore', serverGroupId: 'development', contextPath: '/petstore/v1', deployedAt: expect.any(String) },
        { projectId: 'petstore', serverGroupId: 'production', contextPath: '/petstore/v1', deployedAt: expect.any(String) },
      ],
    });
  });

  it('answers an empty list for a project deployed nowhere', async () => {
    await api.services.projects.create(makeProjectInput());

    expect((await api.call('GET', '/api/v1/projects/petstore/deployments')).json()).toEqual({ items: [] });
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects/ghost/deployments'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the project id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/projects/BAD%20ID/deployments'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/projects/petstore/deployments' },
    { setup: () => api.services.projects.create(makeProjectInput()) },
  );
});

describe('DELETE /api/v1/projects/{id}/deployments/{serverGroupId}', () => {
  it('answers 204, and 404 NOT_FOUND when repeated', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');

    const res = await api.call('DELETE', '/api/v1/projects/petstore/deployments/production');

    expect(res.statusCode).toBe(204);
    expect(await deploymentsOf('petstore')).toEqual([]);
    const again = expectProblem(await api.call('DELETE', '/api/v1/projects/petstore/deployments/production'), 'NOT_FOUND');
    expect(again.detail).toBe("project 'petstore' is not deployed to server group 'production'");
  });

  it('keeps the deployments to other server groups', async () => {
    await api.services.projects.create(makeProjectInput());
    await api.services.projects.deploy('petstore', 'production');
    await api.services.projects.deploy('petstore', 'development');

    await api.call('DELETE', '/api/v1/projects/petstore/deployments/production');

    expect((await deploymentsOf('petstore')).map((d) => d.serverGroupId)).toEqual(['development']);
  });

  it('frees the context path for another project in the group', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'petstore' }));
    await api.services.projects.create(makeProjectInput({ id: 'petstore-beta', contextPath: '/petstore/v1' }));
    await api.services.projects.deploy('petstore', 'production');

    await api.call('DELETE', '/api/v1/projects/petstore/deployments/production');
    const res = await api.call('POST', '/api/v1/projects/petstore-beta/deployments', { serverGroupId: 'production' });

    expect(res.statusCode).toBe(201);
  });

  it('answers 404 NOT_FOUND when the project does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/projects/ghost/deployments/production'), 'NOT_FOUND');
  });

  it('answers 400 naming params.serverGroupId when the group id is malformed', async () => {
    await api.services.projects.create(makeProjectInput());

    const res = await api.call('DELETE', '/api/v1/projects/petstore/deployments/Not%20A%20Group');

    expectProblem(res, 'VALIDATION_FAILED', ['params.serverGroupId']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/projects/petstore/deployments/production' },
    {
      setup: async () => {
        await api.services.projects.create(makeProjectInput());
        await api.services.projects.deploy('petstore', 'production');
      },
      unchanged: async () => expect(await deploymentsOf('petstore')).toHaveLength(1),
    },
  );
});
