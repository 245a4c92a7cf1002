import { DEFAULT_GRANTS, PERMISSIONS, type Permission } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGroupInput, makeProductInput, makeProjectInput } from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';
import { userSessions } from '../testing/users.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
});

afterEach(async () => {
  await api.close();
});

const { createUser, login, sessionOf, as } = userSessions(() => api);

const grant = (type: 'user' | 'group', id: string, permissions: Permission[]) =>
  api.services.permissions.set({ kind: 'bootstrap' }, { type, id }, permissions);

/**
 * alice manages permissions through the group `ops` and holds VIEW_PROJECTS and VIEW_PRODUCTS too;
 * bob is in no group but everyone (LOGIN only).
 */
async function aliceAndBob(): Promise<{ alice: string; bob: string }> {
  await createUser('alice');
  await createUser('bob');
  await api.services.groups.create(makeGroupInput({ id: 'ops', members: { users: ['alice'] } }));
  await grant('group', 'ops', ['MANAGE_PERMISSIONS', 'VIEW_PROJECTS', 'VIEW_PRODUCTS']);
  return { alice: await sessionOf('alice'), bob: await sessionOf('bob') };
}

describe('GET /api/v1/permissions', () => {
  it('lists the default grants of the built-in groups, by type then id', async () => {
    const res = await api.call('GET', '/api/v1/permissions');

    expect(res.statusCode).toBe(200);
    const expected = [...DEFAULT_GRANTS]
      .sort((a, b) => a.groupId.localeCompare(b.groupId))
      .map(({ groupId, permissions }) => ({
        principal: { type: 'group', id: groupId },
        permissions: PERMISSIONS.filter((p) => permissions.includes(p)),
      }));
    expect(res.json()).toEqual({ items: expected });
  });

  it("lists a user's grant after the groups'", async () => {
    await createUser('bob');
    await grant('user', 'bob', ['VIEW_TRACE', 'VIEW_PROJECTS']);

    const items = (await api.call('GET', '/api/v1/permissions')).json().items;

    expect(items.at(-1)).toEqual({ principal: { type: 'user', id: 'bob' }, permissions: ['VIEW_PROJECTS', 'VIEW_TRACE'] });
  });
});

describe('GET /api/v1/permissions/{type}/{id}', () => {
  it("answers the principal's own grant, not what it inherits", async () => {
    await createUser('bob', ['api-users']);

    const group = await api.call('GET', '/api/v1/permissions/group/everyone');
    const user = await api.call('GET', '/api/v1/permissions/user/bob');

    expect(group.json()).toEqual({ principal: { type: 'group', id: 'everyone' }, permissions: ['LOGIN'] });
    expect(user.json()).toEqual({ principal: { type: 'user', id: 'bob' }, permissions: [] });
  });

  it('answers 400 naming principal for an unknown user or group, and naming type for another kind', async () => {
    expectProblem(await api.call('GET', '/api/v1/permissions/user/nobody'), 'VALIDATION_FAILED', ['principal']);
    expectProblem(await api.call('GET', '/api/v1/permissions/group/nowhere'), 'VALIDATION_FAILED', ['principal']);
    expectProblem(await api.call('GET', '/api/v1/permissions/role/admin'), 'VALIDATION_FAILED', ['params.type']);
  });
});

describe('PUT /api/v1/permissions/{type}/{id}', () => {
  it('replaces the grant, and the change takes effect on the next request of a session', async () => {
    const { alice, bob } = await aliceAndBob();
    expectProblem(await as(bob, 'GET', '/api/v1/policy-types'), 'FORBIDDEN');

    const granted = await as(alice, 'PUT', '/api/v1/permissions/user/bob', { permissions: ['VIEW_PRODUCTS', 'VIEW_PROJECTS'] });

    expect(granted.statusCode).toBe(200);
    expect(granted.json()).toEqual({ principal: { type: 'user', id: 'bob' }, permissions: ['VIEW_PROJECTS', 'VIEW_PRODUCTS'] });
    expect((await as(bob, 'GET', '/api/v1/policy-types')).statusCode).toBe(200);
    expect((await as(bob, 'GET', '/api/v1/auth/me')).json().permissions).toEqual(['LOGIN', 'VIEW_PROJECTS', 'VIEW_PRODUCTS']);
    expect((await api.call('GET', '/api/v1/permissions/user/bob')).json().permissions).toEqual(['VIEW_PROJECTS', 'VIEW_PRODUCTS']);

    const revoked = await as(alice, 'PUT', '/api/v1/permissions/user/bob', { permissions: ['VIEW_PRODUCTS'] });

    expect(revoked.statusCode).toBe(200);
    expectProblem(await as(bob, 'GET', '/api/v1/policy-types'), 'FORBIDDEN');
    expect((await as(bob, 'GET', '/api/v1/products')).statusCode).toBe(200);
  });

  it('grants to a group: its members, nested groups included, hold the permission', async () => {
    const { alice, bob } = await aliceAndBob();
    await api.services.groups.create(makeGroupInput({ id: 'team', name: 'Team', members: { users: ['bob'] } }));
    await api.services.groups.create(makeGroupInput({ id: 'viewers', name: 'Viewers', members: { groups: ['team'] } }));

    expect((await as(alice, 'PUT', '/api/v1/permissions/group/viewers', { permissions: ['VIEW_PROJECTS'] })).statusCode).toBe(200);

    expect((await as(bob, 'GET', '/api/v1/projects')).statusCode).toBe(200);
  });

  it('answers 403 to a change of the caller’s own user, and changes nothing', async () => {
    const { alice } = await aliceAndBob();

    const res = await as(alice, 'PUT', '/api/v1/permissions/user/alice', { permissions: ['VIEW_PROJECTS'] });

    expectProblem(res, 'FORBIDDEN');
    expect((await api.call('GET', '/api/v1/permissions/user/alice')).json().permissions).toEqual([]);
  });

  it('answers 403 to a change of a group the caller is in, directly or not (everyone included)', async () => {
    const { alice } = await aliceAndBob();

    const own = await as(alice, 'PUT', '/api/v1/permissions/group/ops', { permissions: ['MANAGE_PERMISSIONS', 'VIEW_PROJECTS'] });
    const everyone = await as(alice, 'PUT', '/api/v1/permissions/group/everyone', { permissions: ['LOGIN', 'VIEW_PROJECTS'] });

    expectProblem(own, 'FORBIDDEN');
    expectProblem(everyone, 'FORBIDDEN');
    expect((await api.call('GET', '/api/v1/permissions/group/ops')).json().permissions).toEqual([
      'MANAGE_PERMISSIONS',
      'VIEW_PROJECTS',
      'VIEW_PRODUCTS',
    ]);
    expect((await api.call('GET', '/api/v1/permissions/group/everyone')).json().permissions).toEqual(['LOGIN']);
  });

  it('answers 403 to granting or revoking a permission the caller does not hold, naming it', async () => {
    const { alice } = await aliceAndBob();
    await grant('user', 'bob', ['VIEW_TRACE']);

    const granting = await as(alice, 'PUT', '/api/v1/permissions/user/bob', { permissions: ['VIEW_TRACE', 'MODIFY_PRODUCTS'] });
    const revoking = await as(alice, 'PUT', '/api/v1/permissions/user/bob', { permissions: [] });

    expect(expectProblem(granting, 'FORBIDDEN').detail).toMatch(/MODIFY_PRODUCTS$/);
    expect(expectProblem(revoking, 'FORBIDDEN').detail).toMatch(/VIEW_TRACE$/);
    expect((await api.call('GET', '/api/v1/permissions/user/bob')).json().permissions).toEqual(['VIEW_TRACE']);
  });

  it('lets the bootstrap token change any grant', async () => {
    const res = await api.call('PUT', '/api/v1/permissions/group/api-users', { permissions: ['VIEW_PROJECTS'] });

    expect(res.statusCode).toBe(200);
    expect((await api.call('GET', '/api/v1/permissions/group/api-users')).json().permissions).toEqual(['VIEW_PROJECTS']);
  });

  it('answers 400 naming principal for an unknown user or group', async () => {
    const { alice } = await aliceAndBob();

    expectProblem(await as(alice, 'PUT', '/api/v1/permissions/user/nobody', { permissions: [] }), 'VALIDATION_FAILED', ['principal']);
    expectProblem(await api.call('PUT', '/api/v1/permissions/group/nowhere', { permissions: ['LOGIN'] }), 'VALIDATION_FAILED', [
      'principal',
    ]);
  });

  it('answers 400 to an unknown permission, a permission listed twice and a body without permissions', async () => {
    await createUser('bob');

    for (const body of [{ permissions: ['FLY'] }, { permissions: ['LOGIN', 'LOGIN'] }, {}]) {
      expect((await api.call('PUT', '/api/v1/permissions/user/bob', body)).statusCode, JSON.stringify(body)).toBe(400);
    }
    expect((await api.call('GET', '/api/v1/permissions/user/bob')).json().permissions).toEqual([]);
  });
});

describe('LOGIN', () => {
  it('is needed to log in: without it the answer is the 401 of a wrong password', async () => {
    await createUser('bob');
    await createUser('alice', ['administrators']);

    const removed = await api.call('PUT', '/api/v1/permissions/group/everyone', { permissions: [] });
    const refused = await login('bob');
    const wrongPassword = await login('bob', 'not the password');

    expect(removed.statusCode).toBe(200);
    const body = expectProblem(refused, 'UNAUTHENTICATED');
    expect(body.detail).toBe(expectProblem(wrongPassword, 'UNAUTHENTICATED').detail);
    // Administrators hold LOGIN of their own.
    expect((await login('alice')).statusCode).toBe(200);

    await api.call('PUT', '/api/v1/permissions/user/bob', { permissions: ['LOGIN'] });
    expect((await login('bob')).statusCode).toBe(200);
  });

  it('taken away, ends the sessions the user already has', async () => {
    await createUser('bob');
    const bob = await sessionOf('bob');
    expect((await as(bob, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    await api.call('PUT', '/api/v1/permissions/group/everyone', { permissions: [] });

    expectProblem(await as(bob, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
  });
});

describe('the default api-users group', () => {
  it('may read and modify projects but not deploy them, nor create products', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'orders' }));
    await createUser('carol', ['api-users']);
    const carol = await sessionOf('carol');

    expect((await as(carol, 'GET', '/api/v1/projects')).json().items).toHaveLength(1);
    expect((await as(carol, 'PATCH', '/api/v1/projects/orders', { description: 'Changed' })).statusCode).toBe(200);
    expectProblem(await as(carol, 'POST', '/api/v1/products', makeProductInput()), 'FORBIDDEN');
    expectProblem(await as(carol, 'POST', '/api/v1/projects/orders/deployments', { serverGroupId: 'x' }), 'FORBIDDEN');
  });
});
