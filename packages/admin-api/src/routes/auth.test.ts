import { PERMISSIONS, type Permission } from '@tollgate/domain';
import { nodeCredentialIssuer } from '@tollgate/storage';
import Fastify, { type InjectOptions, type LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { decoratePrincipal, installAuthentication, OBJECT_EXTENSION, PERMISSION_EXTENSION } from '../auth.js';
import {
  makeClientInput,
  makeGroupInput,
  makeOrganizationInput,
  makeProductInput,
  makeProjectInput,
  makeSubscriptionInput,
  TEST_PASSWORD,
} from '../testing/factories.js';
import { type ApiHarness, startApi, TEST_TOKEN } from '../testing/harness.js';
import { expectProblem } from '../testing/problems.js';
import { userSessions } from '../testing/users.js';

const START = Date.parse('2025-03-01T09:00:00.000Z');
const HOUR = 3_600_000;

let api: ApiHarness;
/** The time every clock of the API reads; tests move it forward. */
let now: number;

beforeEach(async () => {
  now = START;
  api = await startApi(undefined, { clock: { now: () => new Date(now) } });
});

afterEach(async () => {
  await api.close();
});

const { createUser, login, sessionOf, as } = userSessions(() => api);

/** The body of a problem without its request id: what two answers must share to be indistinguishable. */
const withoutRequestId = (res: LightMyRequestResponse) => {
  const { requestId: _, ...rest } = res.json();
  return { status: res.statusCode, contentType: res.headers['content-type'], body: rest };
};

describe('POST /api/v1/auth/login', () => {
  it('answers a session token valid for 8 hours, without a token, not to be cached', async () => {
    await createUser('alice');

    const res = await login('alice');

    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ token: expect.stringMatching(/^tg_session_/), expiresAt: new Date(START + 8 * HOUR).toISOString() });
  });

  it('gives a token that works on GET /auth/me: the user, its groups with nested ones, the administrator flag and its permissions', async () => {
    await createUser('alice');
    await api.services.groups.create(makeGroupInput({ id: 'ops', members: { users: ['alice'] } }));
    await api.services.groups.update('administrators', { members: { groups: ['ops'] } });
    const token = await sessionOf('alice');

    const res = await as(token, 'GET', '/api/v1/auth/me');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: 'alice',
      displayName: 'Alice',
      groups: ['everyone', 'administrators', 'ops'],
      administrator: true,
      permissions: [...PERMISSIONS],
      via: 'session',
    });
  });

  it("reports a user outside Administrators as no administrator, with its groups' permissions", async () => {
    await createUser('bob', ['api-users']);

    const res = await as(await sessionOf('bob'), 'GET', '/api/v1/auth/me');

    expect(res.json()).toEqual({
      username: 'bob',
      displayName: 'Alice',
      groups: ['everyone', 'api-users'],
      administrator: false,
      permissions: [
        'LOGIN',
        'VIEW_PROJECTS',
        'MODIFY_PROJECTS',
        'VIEW_SERVER_GROUPS',
        'VIEW_PRODUCTS',
        'VIEW_CLIENTS',
        'VIEW_SUBSCRIPTIONS',
        'VIEW_ORGANIZATIONS',
        'VIEW_ANALYTICS',
        'VIEW_TRACE',
      ],
      via: 'session',
    });
  });

  it('answers identical 401 bodies to a wrong password, an unknown user and a disabled user', async () => {
    await createUser('alice');
    await createUser('carol');
    await api.services.users.update('carol', { status: 'disabled' });

    const wrongPassword = await login('alice', 'not the password');
    const unknownUser = await login('nobody');
    const disabled = await login('carol');

    const body = expectProblem(wrongPassword, 'UNAUTHENTICATED');
    expect(body.detail).toBe('the username or the password is not valid');
    expect(withoutRequestId(unknownUser)).toEqual(withoutRequestId(wrongPassword));
    expect(withoutRequestId(disabled)).toEqual(withoutRequestId(wrongPassword));
    expect(unknownUser.json().requestId).not.toBe(wrongPassword.json().requestId);
  });

  it('answers 400 VALIDATION_FAILED to a body without a password', async () => {
    const res = await api.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'alice' } });

    expectProblem(res, 'VALIDATION_FAILED', ['password']);
  });

  it('ignores a bearer token: login needs none and a wrong one does not matter', async () => {
    await createUser('alice');

    const res = await api.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { authorization: 'Bearer nonsense' },
      payload: { username: 'alice', password: TEST_PASSWORD },
    });

    expect(res.statusCode).toBe(200);
  });
});

describe('sessions', () => {
  it('stop working when their user is disabled, and work again when it is enabled', async () => {
    await createUser('alice', ['administrators']);
    const token = await sessionOf('alice');

    await api.services.users.update('alice', { status: 'disabled' });
    const disabled = await as(token, 'GET', '/api/v1/auth/me');
    await api.services.users.update('alice', { status: 'active' });

    const body = expectProblem(disabled, 'UNAUTHENTICATED');
    expect(body.detail).toBe('the bearer token is not valid');
    expect(disabled.headers['www-authenticate']).toBe('Bearer realm="tollgate"');
    expect((await as(token, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('stop working when their user is deleted', async () => {
    await createUser('alice');
    const token = await sessionOf('alice');

    await api.services.users.delete('alice');

    expectProblem(await as(token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
  });

  it('expire 8 hours after login', async () => {
    await createUser('alice');
    const token = await sessionOf('alice');

    now = START + 8 * HOUR - 1;
    const before = await as(token, 'GET', '/api/v1/auth/me');
    now = START + 8 * HOUR;
    const after = await as(token, 'GET', '/api/v1/auth/me');

    expect(before.statusCode).toBe(200);
    const body = expectProblem(after, 'UNAUTHENTICATED');
    expect(body.detail).toBe('the bearer token is not valid');
  });

  it('are independent: a second login gives another token', async () => {
    await createUser('alice');

    const first = await sessionOf('alice');
    const second = await sessionOf('alice');
    await as(first, 'POST', '/api/v1/auth/logout');

    expect(second).not.toBe(first);
    expect((await as(second, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });
});

describe('POST /api/v1/auth/logout', () => {
  it('ends the session it was called with: its token answers 401 afterwards', async () => {
    await createUser('alice', ['administrators']);
    const token = await sessionOf('alice');

    const res = await as(token, 'POST', '/api/v1/auth/logout');

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await as(token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
    expectProblem(await as(token, 'GET', '/api/v1/projects'), 'UNAUTHENTICATED');
  });

  it('revokes the API token it was called with', async () => {
    await createUser('alice');
    const session = await sessionOf('alice');
    const issued = (await as(session, 'POST', '/api/v1/users/alice/tokens', { name: 'CI' })).json();

    expect((await as(issued.token, 'POST', '/api/v1/auth/logout')).statusCode).toBe(204);

    expectProblem(await as(issued.token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
    expect((await as(session, 'GET', '/api/v1/users/alice/tokens')).json()).toEqual({ items: [] });
  });

  it('answers 204 to the bootstrap token and changes nothing: the token still works', async () => {
    const res = await api.call('POST', '/api/v1/auth/logout');

    expect(res.statusCode).toBe(204);
    expect((await api.call('GET', '/api/v1/auth/me')).statusCode).toBe(200);
  });

  it('answers 401 without a token', async () => {
    expectProblem(await api.app.inject({ method: 'POST', url: '/api/v1/auth/logout' }), 'UNAUTHENTICATED');
  });
});

describe('GET /api/v1/auth/me', () => {
  it('describes the bootstrap token as an administrator without a username, holding every permission', async () => {
    const res = await api.call('GET', '/api/v1/auth/me');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      username: null,
      displayName: 'Bootstrap admin token',
      groups: ['everyone', 'administrators'],
      administrator: true,
      permissions: [...PERMISSIONS],
      via: 'bootstrap-token',
    });
  });

  it('answers 401 to an unknown token of the session form', async () => {
    const res = await as('tg_session_unknown', 'GET', '/api/v1/auth/me');

    const body = expectProblem(res, 'UNAUTHENTICATED');
    expect(body.detail).toBe('the bearer token is not valid');
  });
});

describe('personal API tokens: /api/v1/users/{username}/tokens', () => {
  it('shows a created token once; the list shows its prefix only, never the token', async () => {
    await createUser('alice');
    const session = await sessionOf('alice');

    const created = await as(session, 'POST', '/api/v1/users/alice/tokens', { name: 'CI' });
    const list = await as(session, 'GET', '/api/v1/users/alice/tokens');

    expect(created.statusCode).toBe(201);
    expect(created.headers['cache-control']).toBe('no-store');
    const issued = created.json();
    expect(issued).toEqual({
      id: expect.any(String),
      name: 'CI',
      prefix: expect.stringMatching(/^tg_pat_/),
      token: expect.stringMatching(/^tg_pat_/),
      createdAt: new Date(START).toISOString(),
      expiresAt: null,
    });
    expect(issued.token.startsWith(issued.prefix)).toBe(true);
    expect(issued.token.length).toBeGreaterThan(issued.prefix.length + 20);
    expect(list.statusCode).toBe(200);
    const { token: _, ...listed } = issued;
    expect(list.json()).toEqual({ items: [listed] });
    expect(list.body).not.toContain(issued.token);
    const stored = await api.test.store.authTokens.find(nodeCredentialIssuer.digest(issued.token));
    expect(stored).toMatchObject({ kind: 'api', username: 'alice', name: 'CI' });
    expect(JSON.stringify(stored)).not.toContain(issued.token);
  });

  it('accepts a token as a bearer credential until it is revoked', async () => {
    await createUser('alice', ['administrators']);
    const session = await sessionOf('alice');
    const issued = (await as(session, 'POST', '/api/v1/users/alice/tokens', { name: 'CI' })).json();

    const me = await as(issued.token, 'GET', '/api/v1/auth/me');
    const projects = await as(issued.token, 'GET', '/api/v1/projects');
    const revoked = await as(session, 'DELETE', `/api/v1/users/alice/tokens/${issued.id}`);

    expect(me.json()).toMatchObject({ username: 'alice', administrator: true, via: 'api-token' });
    expect(projects.statusCode).toBe(200);
    expect(revoked.statusCode).toBe(204);
    expectProblem(await as(issued.token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
    expect((await as(session, 'GET', '/api/v1/users/alice/tokens')).json()).toEqual({ items: [] });
    expectProblem(await as(session, 'DELETE', `/api/v1/users/alice/tokens/${issued.id}`), 'NOT_FOUND');
  });

  it('lets a token expire after expiresInDays', async () => {
    await createUser('alice');
    const issued = (await api.call('POST', '/api/v1/users/alice/tokens', { name: 'CI', expiresInDays: 1 })).json();

    expect(issued.expiresAt).toBe(new Date(START + 24 * HOUR).toISOString());
    now = START + 24 * HOUR - 1;
    expect((await as(issued.token, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    now = START + 24 * HOUR;
    expectProblem(await as(issued.token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
  });

  it("stops a user's tokens working when the user is disabled", async () => {
    await createUser('alice');
    const issued = (await api.call('POST', '/api/v1/users/alice/tokens', { name: 'CI' })).json();

    await api.services.users.update('alice', { status: 'disabled' });

    expectProblem(await as(issued.token, 'GET', '/api/v1/auth/me'), 'UNAUTHENTICATED');
  });

  it('answers 404 for an unknown user and 400 naming the fields of a bad body', async () => {
    expectProblem(await api.call('POST', '/api/v1/users/nobody/tokens', { name: 'CI' }), 'NOT_FOUND');
    expectProblem(await api.call('GET', '/api/v1/users/nobody/tokens'), 'NOT_FOUND');
    await createUser('alice');
    expectProblem(await api.call('POST', '/api/v1/users/alice/tokens', { name: 'CI', expiresInDays: 0 }), 'VALIDATION_FAILED', [
      'expiresInDays',
    ]);
  });
});

/** Sets a principal's own permissions as the bootstrap token would. */
const grant = (type: 'user' | 'group', id: string, permissions: Permission[]) =>
  api.services.permissions.set({ kind: 'bootstrap' }, { type, id }, permissions);

describe('global permissions on routes', () => {
  it('answers 403 FORBIDDEN naming the missing permission, and changes nothing', async () => {
    await api.services.projects.create(makeProjectInput({ id: 'orders' }));
    await createUser('bob', ['api-users']);
    const bob = await sessionOf('bob');

    const list = await as(bob, 'GET', '/api/v1/projects');
    const patch = await as(bob, 'PATCH', '/api/v1/projects/orders', { description: 'Orders, by Bob' });
    const create = await as(bob, 'POST', '/api/v1/products', makeProductInput());

    expect(list.statusCode).toBe(200);
    expect(patch.statusCode).toBe(200);
    expect(patch.json().description).toBe('Orders, by Bob');
    const body = expectProblem(create, 'FORBIDDEN');
    expect(body.detail).toBe('POST /api/v1/products needs the permission MODIFY_PRODUCTS');
    expect((await api.call('GET', '/api/v1/products')).json().items).toEqual([]);
  });

  it('refuses before validating: a user without the permission learns nothing from a malformed body', async () => {
    await createUser('bob');

    expectProblem(await as(await sessionOf('bob'), 'POST', '/api/v1/projects', { nonsense: true }), 'FORBIDDEN');
  });

  it("lets any user call GET /auth/me and manage its own tokens; another user's need MANAGE_USERS_AND_GROUPS", async () => {
    await createUser('alice');
    await createUser('bob');
    const bob = await sessionOf('bob');
    const alices = (await api.call('POST', '/api/v1/users/alice/tokens', { name: 'Alice CI' })).json();

    expect((await as(bob, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);
    expect((await as(bob, 'GET', '/api/v1/users/bob')).json().username).toBe('bob');
    const created = await as(bob, 'POST', '/api/v1/users/bob/tokens', { name: 'Bob CI' });
    expect(created.statusCode).toBe(201);
    expect((await as(bob, 'GET', '/api/v1/users/bob/tokens')).json().items).toHaveLength(1);
    expect((await as(bob, 'DELETE', `/api/v1/users/bob/tokens/${created.json().id}`)).statusCode).toBe(204);

    const others = [
      await as(bob, 'GET', '/api/v1/users/alice'),
      await as(bob, 'POST', '/api/v1/users/alice/tokens', { name: 'Stolen' }),
      await as(bob, 'GET', '/api/v1/users/alice/tokens'),
      await as(bob, 'DELETE', `/api/v1/users/alice/tokens/${alices.id}`),
    ];
    for (const res of others) {
      const body = expectProblem(res, 'FORBIDDEN');
      expect(body.detail).toMatch(/ for another user needs the permission MANAGE_USERS_AND_GROUPS$/);
    }
    expect((await api.call('GET', '/api/v1/users/alice/tokens')).json().items).toHaveLength(1);
    expect((await as(alices.token, 'GET', '/api/v1/auth/me')).statusCode).toBe(200);

    await grant('user', 'bob', ['MANAGE_USERS_AND_GROUPS']);
    expect((await as(bob, 'GET', '/api/v1/users/alice')).statusCode).toBe(200);
    expect((await as(bob, 'GET', '/api/v1/users/alice/tokens')).json().items).toHaveLength(1);
  });

  it("lets an administrator, directly or through a nested group, call every route and manage another user's tokens", async () => {
    await createUser('alice', ['administrators']);
    await createUser('bob');
    await api.services.groups.create(makeGroupInput({ id: 'ops' }));
    await api.services.groups.update('administrators', { members: { groups: ['ops'] } });
    await createUser('carol', ['ops']);
    const alice = await sessionOf('alice');
    const carol = await sessionOf('carol');

    expect((await as(alice, 'GET', '/api/v1/projects')).statusCode).toBe(200);
    expect((await as(carol, 'POST', '/api/v1/projects', makeProjectInput())).statusCode).toBe(201);
    expect((await as(alice, 'POST', '/api/v1/users/bob/tokens', { name: 'For Bob' })).statusCode).toBe(201);
    expect((await as(carol, 'GET', '/api/v1/users/bob/tokens')).json().items).toHaveLength(1);
  });

  it('answers 404, not 403, to a user without permissions for an unknown URL', async () => {
    await createUser('bob');

    expectProblem(await as(await sessionOf('bob'), 'GET', '/api/v1/widgets'), 'NOT_FOUND');
  });

  it('refuses a route that declares no permission to every user, administrators included; the bootstrap token passes', async () => {
    await createUser('alice', ['administrators']);
    const alice = await sessionOf('alice');
    const app = Fastify();
    decoratePrincipal(app);
    installAuthentication(app, { adminToken: TEST_TOKEN, services: api.services });
    app.get('/undeclared', async () => 'open');
    await app.ready();

    const refused = await app.inject({ method: 'GET', url: '/undeclared', headers: { authorization: `Bearer ${alice}` } });
    const bootstrap = await app.inject({ method: 'GET', url: '/undeclared', headers: { authorization: `Bearer ${TEST_TOKEN}` } });

    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'FORBIDDEN',
      detail: 'GET /undeclared declares no permission: only the bootstrap token may call it',
    });
    expect(bootstrap.statusCode).toBe(200);
    await app.close();
  });

  it('refuses to register a route with an unknown permission', async () => {
    const app = Fastify();
    decoratePrincipal(app);
    installAuthentication(app, { adminToken: TEST_TOKEN, services: api.services });

    await expect(
      (async () => {
        app.get('/x', { config: { permission: 'EVERYTHING' as never } }, async () => 'open');
        await app.ready();
      })(),
    ).rejects.toThrow(/unknown permission "EVERYTHING"/);
    await app.close();
  });
});

describe('the permission of every route', () => {
  const PUBLIC = new Set(['get /api/v1/health', 'post /api/v1/auth/login']);

  interface Route {
    method: string;
    path: string;
    key: string;
    /** The operation's `x-permission`: the route's `config.permission`. */
    permission: string | undefined;
    /** The operation's `x-permission-object`: `list` for a list filtered to what the caller may view. */
    object: string | undefined;
  }

  /** Every operation of the OpenAPI document, logout last (it ends the session it is called with). */
  async function routes(): Promise<Route[]> {
    const doc = (await api.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, Record<string, Record<string, unknown>>>;
    };
    const all = Object.entries(doc.paths).flatMap(([path, item]) =>
      Object.entries(item)
        .filter(([method]) => ['get', 'post', 'put', 'patch', 'delete'].includes(method))
        .map(([method, operation]) => ({
          method,
          path,
          key: `${method} ${path}`,
          permission: operation[PERMISSION_EXTENSION] as string | undefined,
          object: operation[OBJECT_EXTENSION] as string | undefined,
        })),
    );
    return all.sort((a, b) => Number(a.key === 'post /api/v1/auth/logout') - Number(b.key === 'post /api/v1/auth/logout'));
  }

  /** Routes that declare a `Permission` (not `self` or `authenticated`). */
  const isPermission = (value: string | undefined): value is Permission => (PERMISSIONS as readonly string[]).includes(value ?? '');

  /** The URL of a path template, every parameter `x` but the username. */
  const urlOf = (path: string, username: string) => path.replace('{username}', username).replaceAll(/\{\w+\}/g, 'x');

  const send = (token: string | undefined, method: string, url: string) =>
    api.app.inject({
      method: method.toUpperCase() as InjectOptions['method'],
      url,
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
      ...(['post', 'patch', 'put'].includes(method) ? { payload: {} } : {}),
    });

  /** The session of a new user holding `permissions` (and LOGIN, through everyone) through a fresh group of its own. */
  async function userWith(username: string, permissions: Permission[]): Promise<string> {
    await createUser(username);
    const group = `${username}-group`;
    await api.services.groups.create(makeGroupInput({ id: group, name: group, members: { users: [username] } }));
    await grant('group', group, permissions);
    return sessionOf(username);
  }

  const userName = (prefix: string, permission: Permission) => `${prefix}-${permission.toLowerCase()}`;

  /** One object of every kind with per-object permissions, so that their lists have something to hide. */
  async function createOneOfEach(): Promise<void> {
    const services = api.services;
    await services.projects.create(makeProjectInput({ id: 'p' }));
    await services.products.create(makeProductInput({ id: 'gold', projectIds: ['p'] }));
    await services.organizations.create(makeOrganizationInput({ id: 'acme' }));
    await services.clients.create(makeClientInput({ id: 'c' }));
    await services.subscriptions.create(makeSubscriptionInput({ id: 's', clientId: 'c' }));
  }

  it('declares a permission on every route but health and login, and shows it in the OpenAPI document', async () => {
    const list = await routes();
    expect(list.length).toBeGreaterThan(50);

    const undeclared = list.filter(({ key, permission }) => !PUBLIC.has(key) && permission === undefined).map(({ key }) => key);

    expect(undeclared).toEqual([]);
    for (const { key, permission } of list) {
      if (PUBLIC.has(key)) expect(permission, key).toBeUndefined();
      else expect(isPermission(permission) || permission === 'self' || permission === 'authenticated', key).toBe(true);
    }
  });

  it('requires a token on every route but health and login', async () => {
    for (const { method, path, key } of await routes()) {
      if (PUBLIC.has(key)) continue;
      expect((await send(undefined, method, urlOf(path, 'nobody'))).statusCode, key).toBe(401);
    }
  });

  it("refuses every route to a user holding every permission but the route's", async () => {
    const list = await routes();
    const sessions = new Map<Permission, string>();
    for (const permission of new Set(list.map((route) => route.permission).filter(isPermission))) {
      sessions.set(
        permission,
        await userWith(
          userName('without', permission),
          PERMISSIONS.filter((p) => p !== permission),
        ),
      );
    }
    const withoutManageUsers = sessions.get('MANAGE_USERS_AND_GROUPS') as string;
    await createUser('alice');
    await createOneOfEach();

    for (const { method, path, key, permission, object } of list) {
      if (isPermission(permission) && object === 'list') {
        // A list answers, with nothing the caller may not view in it.
        const res = await send(sessions.get(permission), method, urlOf(path, 'nobody'));
        expect(res.statusCode, key).toBe(200);
        expect(res.json().items, key).toEqual([]);
      } else if (isPermission(permission)) {
        const res = await send(sessions.get(permission), method, urlOf(path, 'nobody'));
        const body = expectProblem(res, 'FORBIDDEN');
        expect(body.detail, key).toMatch(
          new RegExp(object === undefined ? ` needs the permission ${permission}$` : ` needs ${permission}, or `),
        );
      } else if (permission === 'self') {
        // Another user's: MANAGE_USERS_AND_GROUPS is what is missing.
        expectProblem(await send(withoutManageUsers, method, urlOf(path, 'alice')), 'FORBIDDEN');
      }
    }
  });

  it("lets a user holding only LOGIN and the route's permission call every route", async () => {
    const list = await routes();
    const sessions = new Map<Permission, string>();
    for (const permission of new Set(list.map((route) => route.permission).filter(isPermission))) {
      sessions.set(permission, await userWith(userName('only', permission), [permission]));
    }
    const manageUsers = sessions.get('MANAGE_USERS_AND_GROUPS') as string;
    const loginOnly = await userWith('login-only', []);

    for (const { method, path, key, permission } of list) {
      if (PUBLIC.has(key)) continue;
      const answers = isPermission(permission)
        ? [await send(sessions.get(permission), method, urlOf(path, 'nobody'))]
        : permission === 'self'
          ? [await send(loginOnly, method, urlOf(path, 'login-only')), await send(manageUsers, method, urlOf(path, 'nobody'))]
          : [await send(loginOnly, method, urlOf(path, 'nobody'))];
      for (const res of answers) {
        expect([401, 403], `${key} (${res.body})`).not.toContain(res.statusCode);
        expect(res.statusCode, `${key} (${res.body})`).toBeLessThan(500);
      }
    }
  });
});

describe('brute-force throttling of logins', () => {
  it('answers 429 with Retry-After after 10 failed logins for one username, even with the right password, until the minute ends', async () => {
    await createUser('alice');
    await createUser('bob');
    for (let i = 0; i < 10; i++) expectProblem(await login('alice', `wrong password ${i}`, '10.0.0.1'), 'UNAUTHENTICATED');

    const blocked = await login('alice', TEST_PASSWORD, '10.0.0.1');
    const body = expectProblem(blocked, 'RATE_LIMITED');
    expect(blocked.headers['retry-after']).toBe('60');
    expect(body.detail).toBe('too many failed logins; try again in 60 s');

    // Another address does not help alice; another user from another address is not affected.
    now = START + 45_000;
    const elsewhere = await login('alice', TEST_PASSWORD, '10.0.0.9');
    expectProblem(elsewhere, 'RATE_LIMITED');
    expect(elsewhere.headers['retry-after']).toBe('15');
    expect((await login('bob', TEST_PASSWORD, '10.0.0.2')).statusCode).toBe(200);

    now = START + 60_000;
    expect((await login('alice', TEST_PASSWORD, '10.0.0.1')).statusCode).toBe(200);
  });

  it('answers 429 after 10 failed logins from one address, whatever the usernames, and not from another address', async () => {
    await createUser('bob');
    for (let i = 0; i < 10; i++) expectProblem(await login(`guess${i}`, TEST_PASSWORD, '10.0.0.3'), 'UNAUTHENTICATED');

    expectProblem(await login('bob', TEST_PASSWORD, '10.0.0.3'), 'RATE_LIMITED');
    expect((await login('bob', TEST_PASSWORD, '10.0.0.4')).statusCode).toBe(200);
  });

  it("does not reset an address's failures on a successful login", async () => {
    await createUser('bob');
    for (let i = 0; i < 9; i++) expectProblem(await login(`guess${i}`, TEST_PASSWORD, '10.0.0.5'), 'UNAUTHENTICATED');
    expect((await login('bob', TEST_PASSWORD, '10.0.0.5')).statusCode).toBe(200);
    expectProblem(await login('guess9', TEST_PASSWORD, '10.0.0.5'), 'UNAUTHENTICATED');

    expectProblem(await login('bob', TEST_PASSWORD, '10.0.0.5'), 'RATE_LIMITED');
  });

  it('counts concurrent guesses: of 15 at once, 10 are checked and 5 refused', async () => {
    await createUser('alice');

    const answers = await Promise.all(Array.from({ length: 15 }, (_, i) => login('alice', `wrong password ${i}`, '10.0.0.6')));

    expect(answers.map((res) => res.statusCode).sort()).toEqual([...Array(10).fill(401), ...Array(5).fill(429)]);
  });
});
