import type { ObjectPermissionEntry, Permission, PrincipalRef } from '@tollgate/domain';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  makeClientInput,
  makeGroupInput,
  makeOrganizationInput,
  makeProductInput,
  makeProjectInput,
  makeServerGroupInput,
  makeSubscriptionInput,
} from '../testing/factories.js';
import { type ApiHarness, startApi } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';
import { userSessions } from '../testing/users.js';

let api: ApiHarness;

beforeEach(async () => {
  api = await startApi();
  await api.services.projects.create(makeProjectInput({ id: 'p' }));
  await api.services.products.create(makeProductInput({ id: 'a', name: 'A' }));
  await api.services.products.create(makeProductInput({ id: 'b', name: 'B' }));
});

afterEach(async () => {
  await api.close();
});

const { createUser, sessionOf, as } = userSessions(() => api);

const grant = (type: 'user' | 'group', id: string, permissions: Permission[]) =>
  api.services.permissions.set({ kind: 'bootstrap' }, { type, id }, permissions);

const user = (id: string): PrincipalRef => ({ type: 'user', id });
const group = (id: string): PrincipalRef => ({ type: 'group', id });
type Word = ObjectPermissionEntry['view'];
const entry = (principal: PrincipalRef, view: Word, modify: Word = 'inherit'): ObjectPermissionEntry => ({ principal, view, modify });

/** Sets an object's entries as the bootstrap token (which may set anything). */
async function setEntries(collection: string, id: string, entries: ObjectPermissionEntry[]): Promise<void> {
  const res = await api.call('PUT', `/api/v1/${collection}/${id}/permissions`, { entries });
  expect(res.statusCode, res.body).toBe(200);
}

const ids = async (token: string, url: string) => {
  const res = await as(token, 'GET', url);
  expect(res.statusCode, res.body).toBe(200);
  return (res.json().items as Array<{ id: string }>).map((item) => item.id);
};

describe('GET and PUT /api/v1/{collection}/{id}/permissions', () => {
  it('answers no entries for a new object, then the entries saved, by principal type then id, deploy only on projects', async () => {
    await createUser('bob');
    await api.services.groups.create(makeGroupInput({ id: 'team' }));
    expect((await api.call('GET', '/api/v1/products/a/permissions')).json()).toEqual({ entries: [] });

    const saved = await api.call('PUT', '/api/v1/products/a/permissions', {
      entries: [entry(user('bob'), 'allow', 'deny'), entry(group('team'), 'deny')],
    });
    await setEntries('projects', 'p', [
      { principal: user('bob'), view: 'allow', modify: 'inherit', deploy: 'allow' },
      entry(group('team'), 'allow'),
    ]);

    const expected = { entries: [entry(group('team'), 'deny'), entry(user('bob'), 'allow', 'deny')] };
    expect(saved.json()).toEqual(expected);
    expect((await api.call('GET', '/api/v1/products/a/permissions')).json()).toEqual(expected);
    expect((await api.call('GET', '/api/v1/projects/p/permissions')).json()).toEqual({
      entries: [
        { principal: group('team'), view: 'allow', modify: 'inherit', deploy: 'inherit' },
        { principal: user('bob'), view: 'allow', modify: 'inherit', deploy: 'allow' },
      ],
    });
    expect((await api.call('GET', '/api/v1/products/b/permissions')).json()).toEqual({ entries: [] });
  });

  it('drops entries that say inherit to everything, and replaces the whole list', async () => {
    await createUser('bob');
    await createUser('carol');
    await setEntries('products', 'a', [entry(user('bob'), 'allow'), entry(user('carol'), 'allow')]);

    const res = await api.call('PUT', '/api/v1/products/a/permissions', { entries: [entry(user('bob'), 'inherit')] });

    expect(res.json()).toEqual({ entries: [] });
  });

  it('works on every kind of object with a Permissions tab', async () => {
    await createUser('bob');
    await api.services.organizations.create(makeOrganizationInput({ id: 'acme' }));
    await api.services.clients.create(makeClientInput({ id: 'c' }));
    await api.services.subscriptions.create(makeSubscriptionInput({ id: 's', clientId: 'c', products: [{ productId: 'a' }] }));

    for (const [collection, id] of [
      ['organizations', 'acme'],
      ['clients', 'c'],
      ['subscriptions', 's'],
    ]) {
      await setEntries(collection as string, id as string, [entry(user('bob'), 'allow')]);
      expect((await api.call('GET', `/api/v1/${collection}/${id}/permissions`)).json(), collection).toEqual({
        entries: [entry(user('bob'), 'allow')],
      });
    }
  });

  it('answers 400 naming the entry for deploy outside projects, a repeated principal and an unknown principal', async () => {
    await createUser('bob');
    const put = (entries: unknown[]) => api.call('PUT', '/api/v1/products/a/permissions', { entries });

    expectProblem(await put([{ ...entry(user('bob'), 'allow'), deploy: 'allow' }]), 'VALIDATION_FAILED', ['entries.0.deploy']);
    expectProblem(await put([entry(user('bob'), 'allow'), entry(user('bob'), 'deny')]), 'VALIDATION_FAILED', ['entries.1.principal']);
    expectProblem(await put([entry(user('bob'), 'allow'), entry(group('nowhere'), 'deny')]), 'VALIDATION_FAILED', ['entries.1.principal']);
    expectProblem(await put([{ principal: user('bob'), view: 'yes', modify: 'inherit' }]), 'VALIDATION_FAILED', ['entries.0.view']);
    expect((await api.call('GET', '/api/v1/products/a/permissions')).json()).toEqual({ entries: [] });
  });

  it('answers 404 for an object that does not exist', async () => {
    expectProblem(await api.call('GET', '/api/v1/products/none/permissions'), 'NOT_FOUND');
    expectProblem(await api.call('PUT', '/api/v1/products/none/permissions', { entries: [] }), 'NOT_FOUND');
  });

  it('forgets the entries of a deleted object and of a deleted user', async () => {
    await createUser('bob');
    await createUser('carol');
    await setEntries('products', 'b', [entry(user('bob'), 'allow')]);
    await setEntries('products', 'a', [entry(user('bob'), 'allow'), entry(user('carol'), 'allow')]);

    await api.services.products.delete('b');
    await api.services.products.create(makeProductInput({ id: 'b', name: 'B again' }));
    await api.services.users.delete('carol');

    expect((await api.call('GET', '/api/v1/products/b/permissions')).json()).toEqual({ entries: [] });
    expect((await api.call('GET', '/api/v1/products/a/permissions')).json()).toEqual({ entries: [entry(user('bob'), 'allow')] });
  });
});

describe('a user with View on product A only', () => {
  /** bob: LOGIN only globally (everyone), view on product a. */
  async function bobOnA(): Promise<string> {
    await createUser('bob');
    await setEntries('products', 'a', [entry(user('bob'), 'allow')]);
    return sessionOf('bob');
  }

  it('sees A in the list and reads it, and nothing of B: 403, the same as for a product that does not exist', async () => {
    const bob = await bobOnA();

    expect(await ids(bob, '/api/v1/products')).toEqual(['a']);
    expect((await as(bob, 'GET', '/api/v1/products/a')).json().name).toBe('A');
    const b = expectProblem(await as(bob, 'GET', '/api/v1/products/b'), 'FORBIDDEN');
    const none = expectProblem(await as(bob, 'GET', '/api/v1/products/none'), 'FORBIDDEN');
    expect(b.detail).toBe("GET /api/v1/products/:id needs VIEW_PRODUCTS, or view on product 'b'");
    expect(none.detail).toBe("GET /api/v1/products/:id needs VIEW_PRODUCTS, or view on product 'none'");
    expectProblem(await as(bob, 'GET', '/api/v1/products/b/permissions'), 'FORBIDDEN');
  });

  it('changes neither A nor B, nor deletes them: view does not imply modify', async () => {
    const bob = await bobOnA();

    expectProblem(await as(bob, 'PATCH', '/api/v1/products/a', { name: 'A2' }), 'FORBIDDEN');
    expectProblem(await as(bob, 'PATCH', '/api/v1/products/b', { name: 'B2' }), 'FORBIDDEN');
    expectProblem(await as(bob, 'DELETE', '/api/v1/products/b'), 'FORBIDDEN');
    expectProblem(await as(bob, 'POST', '/api/v1/products', makeProductInput({ id: 'c' })), 'FORBIDDEN');
    expect((await api.services.products.get('a')).name).toBe('A');
    expect((await api.services.products.get('b')).name).toBe('B');
  });

  it('modifies A once given modify on A, and still not B', async () => {
    const bob = await bobOnA();
    await setEntries('products', 'a', [entry(user('bob'), 'allow', 'allow')]);

    expect((await as(bob, 'PATCH', '/api/v1/products/a', { name: 'A2' })).statusCode).toBe(200);
    expectProblem(await as(bob, 'PATCH', '/api/v1/products/b', { name: 'B2' }), 'FORBIDDEN');
    expect((await api.services.products.get('a')).name).toBe('A2');
  });
});

describe('the rule', () => {
  it('lets an object deny remove a global permission, in the list and on the object', async () => {
    await createUser('bob', ['api-users']);
    await setEntries('products', 'b', [entry(group('api-users'), 'deny')]);
    const bob = await sessionOf('bob');

    expect(await ids(bob, '/api/v1/products')).toEqual(['a']);
    expectProblem(await as(bob, 'GET', '/api/v1/products/b'), 'FORBIDDEN');
    expect((await as(bob, 'GET', '/api/v1/products/a')).statusCode).toBe(200);
  });

  it("lets the user's own entry win over its group's, and a named group's over everyone's", async () => {
    await api.services.groups.create(makeGroupInput({ id: 'team' }));
    await createUser('bob', ['api-users']);
    await createUser('carol', ['team']);
    await createUser('dave', ['api-users']);
    await setEntries('products', 'b', [entry(group('everyone'), 'deny'), entry(group('team'), 'allow'), entry(user('bob'), 'allow')]);

    expect(await ids(await sessionOf('bob'), '/api/v1/products')).toEqual(['a', 'b']);
    expect(await ids(await sessionOf('carol'), '/api/v1/products')).toEqual(['b']);
    expect(await ids(await sessionOf('dave'), '/api/v1/products')).toEqual(['a']);
  });

  it('lets a deny in one named group win over an allow in another', async () => {
    await api.services.groups.create(makeGroupInput({ id: 'team' }));
    await api.services.groups.create(makeGroupInput({ id: 'contractors' }));
    await createUser('bob', ['team', 'contractors']);
    await setEntries('products', 'a', [entry(group('team'), 'allow'), entry(group('contractors'), 'deny')]);

    expectProblem(await as(await sessionOf('bob'), 'GET', '/api/v1/products/a'), 'FORBIDDEN');
  });

  it('decides deploy on the project: an object allow deploys without the global DEPLOY_PROJECTS', async () => {
    await api.services.serverGroups.create(makeServerGroupInput({ id: 'staging', name: 'Staging' }));
    await createUser('bob', ['api-users']);
    await createUser('carol', ['api-users']);
    await setEntries('projects', 'p', [{ principal: user('bob'), view: 'inherit', modify: 'inherit', deploy: 'allow' }]);

    const bob = await as(await sessionOf('bob'), 'POST', '/api/v1/projects/p/deployments', { serverGroupId: 'staging' });
    const carol = await as(await sessionOf('carol'), 'POST', '/api/v1/projects/p/deployments', { serverGroupId: 'staging' });

    expect(bob.statusCode, bob.body).toBe(201);
    expectProblem(carol, 'FORBIDDEN');
  });

  it('filters lists of every kind and the sub-routes of one object', async () => {
    await createUser('bob');
    await api.services.projects.create(makeProjectInput({ id: 'q', contextPath: '/q' }));
    await api.services.clients.create(makeClientInput({ id: 'c1' }));
    await api.services.clients.create(makeClientInput({ id: 'c2' }));
    await setEntries('projects', 'q', [entry(user('bob'), 'allow')]);
    await setEntries('clients', 'c2', [entry(user('bob'), 'allow')]);
    const bob = await sessionOf('bob');

    expect(await ids(bob, '/api/v1/projects')).toEqual(['q']);
    expect(await ids(bob, '/api/v1/clients')).toEqual(['c2']);
    expect(await ids(bob, '/api/v1/organizations')).toEqual([]);
    expect((await as(bob, 'GET', '/api/v1/projects/q/deployments')).statusCode).toBe(200);
    expectProblem(await as(bob, 'GET', '/api/v1/projects/p/deployments'), 'FORBIDDEN');
  });
});

describe('changing per-object permissions', () => {
  /** alice: MANAGE_PERMISSIONS and VIEW_PRODUCTS (not MODIFY_PRODUCTS) through the group ops. */
  async function alice(): Promise<string> {
    await createUser('alice');
    await createUser('bob');
    await api.services.groups.create(makeGroupInput({ id: 'ops', members: { users: ['alice'] } }));
    await grant('group', 'ops', ['MANAGE_PERMISSIONS', 'VIEW_PRODUCTS']);
    return sessionOf('alice');
  }

  it('needs MANAGE_PERMISSIONS', async () => {
    await createUser('bob', ['api-users']);

    const res = await as(await sessionOf('bob'), 'PUT', '/api/v1/products/a/permissions', { entries: [] });

    expectProblem(res, 'FORBIDDEN');
  });

  it('lets the caller grant and deny the rights it has on the object, and no other', async () => {
    const token = await alice();

    const view = await as(token, 'PUT', '/api/v1/products/a/permissions', { entries: [entry(user('bob'), 'allow')] });
    const modify = await as(token, 'PUT', '/api/v1/products/a/permissions', { entries: [entry(user('bob'), 'allow', 'allow')] });

    expect(view.statusCode, view.body).toBe(200);
    expect(expectProblem(modify, 'FORBIDDEN').detail).toMatch(/rights it does not have on this product: modify$/);
    expect((await api.call('GET', '/api/v1/products/a/permissions')).json()).toEqual({ entries: [entry(user('bob'), 'allow')] });
  });

  it('refuses a change of an entry for the caller itself or a group it is in, and keeps them when others change', async () => {
    const token = await alice();
    await setEntries('products', 'a', [entry(group('ops'), 'allow')]);

    expectProblem(await as(token, 'PUT', '/api/v1/products/a/permissions', { entries: [entry(user('alice'), 'allow')] }), 'FORBIDDEN');
    expectProblem(await as(token, 'PUT', '/api/v1/products/a/permissions', { entries: [] }), 'FORBIDDEN');
    const others = await as(token, 'PUT', '/api/v1/products/a/permissions', {
      entries: [entry(group('ops'), 'allow'), entry(user('bob'), 'allow')],
    });

    expect(others.statusCode, others.body).toBe(200);
  });
});
