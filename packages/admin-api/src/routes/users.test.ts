import type { LightMyRequestResponse } from 'fastify';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeGroupInput, makeUserInput, TEST_PASSWORD } from '../testing/factories.js';
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

const NEW_PASSWORD = 'a different passphrase';

/** The usernames of a list page, in the order the page gives them. */
const usernames = (page: { items: Array<{ username: string }> }): string[] => page.items.map((user) => user.username);

/** The direct members of a group as the API reports them. */
async function membersOf(id: string): Promise<{ users: string[]; groups: string[] }> {
  const res = await api.call('GET', `/api/v1/groups/${id}`);
  expect(res.statusCode).toBe(200);
  return res.json().members;
}

/**
 * Asserts the raw JSON text of a response holds neither a password nor the stored hash of `username`,
 * nor any field named like one: checked on the text, so a nested or renamed field is caught too.
 */
async function expectNoSecrets(res: LightMyRequestResponse, username: string, ...passwords: string[]): Promise<void> {
  const hash = await api.test.store.users.passwordHashOf(username);
  expect(hash).toEqual(expect.any(String));
  expect(res.body).not.toContain(hash);
  for (const password of passwords) expect(res.body).not.toContain(password);
  expect(res.body).not.toMatch(/password|hash/i);
}

describe('POST /api/v1/users', () => {
  it('creates an active user and answers 201 with its Location, without the password or its hash', async () => {
    const res = await api.call('POST', '/api/v1/users', makeUserInput({ groups: ['administrators'] }));

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/users/alice');
    const user = res.json();
    expect(user).toEqual({
      username: 'alice',
      displayName: 'Alice',
      email: 'alice@example.com',
      status: 'active',
      groups: ['administrators'],
      createdAt: expect.any(String),
      updatedAt: user.createdAt,
    });
    await expectNoSecrets(res, 'alice', TEST_PASSWORD);
    expect(await api.services.users.get('alice')).toEqual(user);
  });

  it('puts a user created without groups in no group directly', async () => {
    const res = await api.call('POST', '/api/v1/users', makeUserInput());

    expect(res.statusCode).toBe(201);
    expect(res.json().groups).toEqual([]);
  });

  it('stores the password so that it authenticates, and a wrong one does not', async () => {
    await api.call('POST', '/api/v1/users', makeUserInput());

    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toMatchObject({ username: 'alice' });
    expect(await api.services.users.authenticate('alice', `${TEST_PASSWORD}!`)).toBeUndefined();
    expect(await api.services.users.authenticate('bob', TEST_PASSWORD)).toBeUndefined();
  });

  it('stores the password only as a hash', async () => {
    await api.call('POST', '/api/v1/users', makeUserInput());

    const hash = await api.test.store.users.passwordHashOf('alice');
    expect(hash).toEqual(expect.any(String));
    expect(hash).not.toContain(TEST_PASSWORD);
  });

  it('adds the user to the members of its groups', async () => {
    await api.call('POST', '/api/v1/users', makeUserInput({ groups: ['administrators', 'api-users'] }));

    expect((await membersOf('administrators')).users).toEqual(['alice']);
    expect((await membersOf('api-users')).users).toEqual(['alice']);
  });

  it.each([
    { name: 'a password of 9 characters', over: { password: '123456789' }, field: 'password' },
    { name: 'a password of 201 characters', over: { password: 'x'.repeat(201) }, field: 'password' },
    { name: 'a username with upper-case letters and a space', over: { username: 'Alice Smith' }, field: 'username' },
    { name: 'a username of 65 characters', over: { username: 'a'.repeat(65) }, field: 'username' },
    { name: 'an e-mail without a domain', over: { email: 'alice' }, field: 'email' },
    { name: 'an empty display name', over: { displayName: '' }, field: 'displayName' },
    { name: 'a group listed twice', over: { groups: ['administrators', 'administrators'] }, field: 'groups' },
  ])('answers 400 naming the field for $name', async ({ over, field }) => {
    const res = await api.call('POST', '/api/v1/users', makeUserInput({ email: 'alice@example.com', ...over }));

    expectProblem(res, 'VALIDATION_FAILED', [field]);
    expect(res.body).not.toContain(TEST_PASSWORD);
    await expect(api.services.users.get(over.username ?? 'alice')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 400 naming a missing password', async () => {
    const { password: _password, ...input } = makeUserInput();

    const body = expectProblem(await api.call('POST', '/api/v1/users', input), 'VALIDATION_FAILED', ['password']);
    expect(body.fields).toEqual({ password: 'is required' });
  });

  it('answers 400 naming groups.N for a group that does not exist, and creates nothing', async () => {
    const res = await api.call('POST', '/api/v1/users', makeUserInput({ groups: ['administrators', 'nowhere'] }));

    const body = expectProblem(res, 'VALIDATION_FAILED', ['groups.1']);
    expect(body.fields).toEqual({ 'groups.1': "group 'nowhere' does not exist" });
    await expect(api.services.users.get('alice')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await membersOf('administrators')).users).toEqual([]);
  });

  it('answers 400 naming groups.0 for everyone, which holds every user implicitly', async () => {
    const res = await api.call('POST', '/api/v1/users', makeUserInput({ groups: ['everyone'] }));

    expectProblem(res, 'VALIDATION_FAILED', ['groups.0']);
    await expect(api.services.users.get('alice')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 400 naming an unknown field', async () => {
    const res = await api.call('POST', '/api/v1/users', { ...makeUserInput(), status: 'active', admin: true });

    const body = expectProblem(res, 'VALIDATION_FAILED', ['status', 'admin']);
    expect(body.fields).toEqual({ status: 'is not a known field', admin: 'is not a known field' });
  });

  it('answers 409 CONFLICT naming username when it is taken, and keeps the first user and password', async () => {
    await api.services.users.create(makeUserInput());

    const res = await api.call('POST', '/api/v1/users', makeUserInput({ email: 'other@example.com', password: NEW_PASSWORD }));

    const body = expectProblem(res, 'CONFLICT', ['username']);
    expect(body.fields).toEqual({ username: 'is already used' });
    expect(res.body).not.toContain(NEW_PASSWORD);
    expect((await api.services.users.get('alice')).email).toBe('alice@example.com');
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeDefined();
    expect(await api.services.users.authenticate('alice', NEW_PASSWORD)).toBeUndefined();
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/users', payload: makeUserInput() },
    { checkDetail: true, unchanged: () => expect(api.services.users.get('alice')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/users', () => {
  it('lists no user on a fresh store', async () => {
    const res = await api.call('GET', '/api/v1/users');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [], nextCursor: null });
  });

  it('lists users in username order without passwords or hashes', async () => {
    await api.services.users.create(makeUserInput({ username: 'carol' }));
    await api.services.users.create(makeUserInput({ username: 'alice' }));

    const res = await api.call('GET', '/api/v1/users');

    expect(res.statusCode).toBe(200);
    expect(usernames(res.json())).toEqual(['alice', 'carol']);
    expect(res.json().items[0]).toEqual(await api.services.users.get('alice'));
    await expectNoSecrets(res, 'alice', TEST_PASSWORD);
    await expectNoSecrets(res, 'carol', TEST_PASSWORD);
  });

  it('walks every user once with limit and cursor, ending with a null nextCursor', async () => {
    for (const username of ['dave', 'alice', 'carol', 'bob', 'erin']) await api.services.users.create(makeUserInput({ username }));

    const pages: Array<{ items: Array<{ username: string }>; nextCursor: string | null }> = [];
    let cursor: string | null = null;
    do {
      const query = new URLSearchParams({ limit: '2', ...(cursor === null ? {} : { cursor }) });
      const res = await api.call('GET', `/api/v1/users?${query}`);
      expect(res.statusCode).toBe(200);
      pages.push(res.json());
      cursor = pages.at(-1)?.nextCursor ?? null;
    } while (cursor !== null && pages.length < 10);

    expect(pages.map(usernames)).toEqual([['alice', 'bob'], ['carol', 'dave'], ['erin']]);
  });

  it('filters by direct membership of a group', async () => {
    await api.services.users.create(makeUserInput({ username: 'alice', groups: ['administrators'] }));
    await api.services.users.create(makeUserInput({ username: 'bob', groups: ['api-users'] }));
    await api.services.users.create(makeUserInput({ username: 'carol', groups: ['administrators', 'api-users'] }));

    const res = await api.call('GET', '/api/v1/users?groupId=administrators');

    expect(res.statusCode).toBe(200);
    expect(usernames(res.json())).toEqual(['alice', 'carol']);
  });

  it('filters by status', async () => {
    await api.services.users.create(makeUserInput({ username: 'alice' }));
    await api.services.users.create(makeUserInput({ username: 'bob' }));
    await api.services.users.update('bob', { status: 'disabled' });

    expect(usernames((await api.call('GET', '/api/v1/users?status=disabled')).json())).toEqual(['bob']);
    expect(usernames((await api.call('GET', '/api/v1/users?status=active')).json())).toEqual(['alice']);
  });

  it('answers 400 naming the query parameter for an unknown status, a malformed group id or an unknown parameter', async () => {
    expectProblem(await api.call('GET', '/api/v1/users?status=locked'), 'VALIDATION_FAILED', ['query.status']);
    expectProblem(await api.call('GET', '/api/v1/users?groupId=Not%20A%20Slug'), 'VALIDATION_FAILED', ['query.groupId']);
    expectProblem(await api.call('GET', '/api/v1/users?password=x'), 'VALIDATION_FAILED', ['query.password']);
    expectProblem(await api.call('GET', '/api/v1/users?limit=101'), 'VALIDATION_FAILED', ['query.limit']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/users' }, { checkDetail: true });
});

describe('GET /api/v1/users/{username}', () => {
  it('answers 200 with the user, without the password or its hash', async () => {
    const created = await api.services.users.create(makeUserInput({ groups: ['api-users'] }));

    const res = await api.call('GET', '/api/v1/users/alice');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual(created);
    await expectNoSecrets(res, 'alice', TEST_PASSWORD);
  });

  it('reports the groups that list the user as a member', async () => {
    await api.services.users.create(makeUserInput());
    await api.services.groups.create(makeGroupInput({ members: { users: ['alice'] } }));

    expect((await api.call('GET', '/api/v1/users/alice')).json().groups).toEqual(['ops']);
  });

  it('answers 404 NOT_FOUND for a user that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/users/nobody'), 'NOT_FOUND');
    expect(body.detail).toBe("user 'nobody' does not exist");
  });

  it('answers 400 naming params.username when the username is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/users/Alice'), 'VALIDATION_FAILED', ['params.username']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'GET', url: '/api/v1/users/alice' },
    { checkDetail: true, setup: () => api.services.users.create(makeUserInput()) },
  );
});

describe('PATCH /api/v1/users/{username}', () => {
  it('changes the fields sent and keeps the others', async () => {
    const created = await api.services.users.create(makeUserInput({ groups: ['api-users'] }));

    const res = await api.call('PATCH', '/api/v1/users/alice', { displayName: 'Alice Liddell', email: 'liddell@example.com' });

    expect(res.statusCode).toBe(200);
    const user = res.json();
    expect(user).toEqual({
      ...created,
      displayName: 'Alice Liddell',
      email: 'liddell@example.com',
      updatedAt: expect.any(String),
    });
    expect(user.updatedAt >= created.updatedAt).toBe(true);
    expect(await api.services.users.get('alice')).toEqual(user);
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeDefined();
  });

  it('replaces the direct memberships with the groups sent, in the groups too', async () => {
    await api.services.groups.create(makeGroupInput());
    await api.services.users.create(makeUserInput({ groups: ['administrators', 'ops'] }));

    const res = await api.call('PATCH', '/api/v1/users/alice', { groups: ['api-users'] });

    expect(res.statusCode).toBe(200);
    expect(res.json().groups).toEqual(['api-users']);
    expect((await api.services.users.get('alice')).groups).toEqual(['api-users']);
    expect((await membersOf('administrators')).users).toEqual([]);
    expect((await membersOf('ops')).users).toEqual([]);
    expect((await membersOf('api-users')).users).toEqual(['alice']);
  });

  it('removes every direct membership for an empty list', async () => {
    await api.services.users.create(makeUserInput({ groups: ['administrators'] }));

    const res = await api.call('PATCH', '/api/v1/users/alice', { groups: [] });

    expect(res.json().groups).toEqual([]);
    expect((await membersOf('administrators')).users).toEqual([]);
  });

  it('sets a new password: it authenticates, the old one no longer does, and neither is answered', async () => {
    await api.services.users.create(makeUserInput());
    const oldHash = await api.test.store.users.passwordHashOf('alice');

    const res = await api.call('PATCH', '/api/v1/users/alice', { password: NEW_PASSWORD });

    expect(res.statusCode).toBe(200);
    await expectNoSecrets(res, 'alice', TEST_PASSWORD, NEW_PASSWORD);
    expect(await api.test.store.users.passwordHashOf('alice')).not.toBe(oldHash);
    expect(await api.services.users.authenticate('alice', NEW_PASSWORD)).toMatchObject({ username: 'alice' });
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeUndefined();
  });

  it('disables a user, who then does not authenticate, and enables it again', async () => {
    await api.services.users.create(makeUserInput());

    const disabled = await api.call('PATCH', '/api/v1/users/alice', { status: 'disabled' });

    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().status).toBe('disabled');
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeUndefined();

    await api.call('PATCH', '/api/v1/users/alice', { status: 'active' });
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toMatchObject({ username: 'alice' });
  });

  it.each([
    { name: 'a short password', patch: { password: 'short' }, field: 'password' },
    { name: 'a malformed e-mail', patch: { email: 'alice@' }, field: 'email' },
    { name: 'an unknown status', patch: { status: 'locked' }, field: 'status' },
    { name: 'a username, which cannot change', patch: { username: 'alicia' }, field: 'username' },
    { name: 'an unknown field', patch: { admin: true }, field: 'admin' },
    { name: 'no field at all', patch: {}, field: 'body' },
  ])('answers 400 naming the field for $name, and changes nothing', async ({ patch, field }) => {
    const created = await api.services.users.create(makeUserInput());

    expectProblem(await api.call('PATCH', '/api/v1/users/alice', patch), 'VALIDATION_FAILED', [field]);
    expect(await api.services.users.get('alice')).toEqual(created);
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeDefined();
  });

  it('answers 400 naming groups.N for an unknown group or everyone, and keeps the memberships and password', async () => {
    await api.services.users.create(makeUserInput({ groups: ['administrators'] }));

    const res = await api.call('PATCH', '/api/v1/users/alice', { groups: ['everyone', 'api-users', 'nowhere'], password: NEW_PASSWORD });

    expectProblem(res, 'VALIDATION_FAILED', ['groups.0', 'groups.2']);
    expect((await api.services.users.get('alice')).groups).toEqual(['administrators']);
    expect((await membersOf('api-users')).users).toEqual([]);
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeDefined();
    expect(await api.services.users.authenticate('alice', NEW_PASSWORD)).toBeUndefined();
  });

  it('answers 404 NOT_FOUND for a user that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/users/nobody', { displayName: 'X' }), 'NOT_FOUND');
  });

  it('answers 400 naming params.username when the username is malformed', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/users/-alice', { displayName: 'X' }), 'VALIDATION_FAILED', ['params.username']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/users/alice', payload: { password: NEW_PASSWORD, groups: ['administrators'] } },
    {
      checkDetail: true,
      setup: () => api.services.users.create(makeUserInput()),
      unchanged: async () => {
        expect((await api.services.users.get('alice')).groups).toEqual([]);
        expect(await api.services.users.authenticate('alice', NEW_PASSWORD)).toBeUndefined();
      },
    },
  );
});

describe('DELETE /api/v1/users/{username}', () => {
  it('answers 204, then the user is gone and does not authenticate', async () => {
    await api.services.users.create(makeUserInput());

    const res = await api.call('DELETE', '/api/v1/users/alice');

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await api.call('GET', '/api/v1/users/alice'), 'NOT_FOUND');
    expectProblem(await api.call('DELETE', '/api/v1/users/alice'), 'NOT_FOUND');
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeUndefined();
  });

  it('removes the user from the members of its groups', async () => {
    await api.services.users.create(makeUserInput({ username: 'alice', groups: ['administrators'] }));
    await api.services.users.create(makeUserInput({ username: 'bob', groups: ['administrators'] }));
    await api.services.groups.create(makeGroupInput({ members: { users: ['alice'] } }));

    expect((await api.call('DELETE', '/api/v1/users/alice')).statusCode).toBe(204);

    expect((await membersOf('administrators')).users).toEqual(['bob']);
    expect((await membersOf('ops')).users).toEqual([]);
  });

  it('lets a new user take a deleted username, with its own password and no old memberships', async () => {
    await api.services.users.create(makeUserInput({ groups: ['administrators'] }));
    await api.call('DELETE', '/api/v1/users/alice');

    const res = await api.call('POST', '/api/v1/users', makeUserInput({ password: NEW_PASSWORD }));

    expect(res.statusCode).toBe(201);
    expect(res.json().groups).toEqual([]);
    expect((await membersOf('administrators')).users).toEqual([]);
    expect(await api.services.users.authenticate('alice', TEST_PASSWORD)).toBeUndefined();
    expect(await api.services.users.authenticate('alice', NEW_PASSWORD)).toBeDefined();
  });

  it('answers 404 NOT_FOUND for a user that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/users/nobody'), 'NOT_FOUND');
  });

  it('answers 400 naming params.username when the username is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/users/a%2Fb'), 'VALIDATION_FAILED', ['params.username']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/users/alice' },
    { checkDetail: true, setup: () => api.services.users.create(makeUserInput()), unchanged: () => api.services.users.get('alice') },
  );
});

describe('POST /api/v1/groups', () => {
  it('creates a group with its members and answers 201 with its Location', async () => {
    await api.services.users.create(makeUserInput());

    const res = await api.call('POST', '/api/v1/groups', makeGroupInput({ members: { users: ['alice'], groups: ['api-users'] } }));

    expect(res.statusCode).toBe(201);
    expect(res.headers.location).toBe('/api/v1/groups/ops');
    const group = res.json();
    expect(group).toEqual({
      id: 'ops',
      name: 'Operations',
      description: '',
      members: { users: ['alice'], groups: ['api-users'] },
      builtIn: false,
      createdAt: expect.any(String),
      updatedAt: group.createdAt,
    });
    expect(await api.services.groups.get('ops')).toEqual(group);
    expect((await api.services.users.get('alice')).groups).toEqual(['ops']);
  });

  it('creates a group without members, with a generated id when none is sent', async () => {
    const res = await api.call('POST', '/api/v1/groups', { name: 'Auditors' });

    expect(res.statusCode).toBe(201);
    const group = res.json();
    expect(group.members).toEqual({ users: [], groups: [] });
    expect(group.id).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
    expect(res.headers.location).toBe(`/api/v1/groups/${group.id}`);
  });

  it('answers 400 naming members.users.N for a user that does not exist, and creates nothing', async () => {
    await api.services.users.create(makeUserInput());

    const res = await api.call('POST', '/api/v1/groups', makeGroupInput({ members: { users: ['alice', 'nobody'] } }));

    const body = expectProblem(res, 'VALIDATION_FAILED', ['members.users.1']);
    expect(body.fields).toEqual({ 'members.users.1': "user 'nobody' does not exist" });
    await expect(api.services.groups.get('ops')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 400 naming members.groups.N for a group that does not exist', async () => {
    const res = await api.call('POST', '/api/v1/groups', makeGroupInput({ members: { groups: ['nowhere'] } }));

    expectProblem(res, 'VALIDATION_FAILED', ['members.groups.0']);
    await expect(api.services.groups.get('ops')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('answers 400 naming members.groups.0 for a group that would contain itself', async () => {
    expectProblem(await api.call('POST', '/api/v1/groups', makeGroupInput({ members: { groups: ['ops'] } })), 'VALIDATION_FAILED', [
      'members.groups.0',
    ]);
  });

  it.each([
    { name: 'builtIn, which is not an input', input: { ...makeGroupInput(), builtIn: true }, field: 'builtIn' },
    {
      name: 'a member field that does not exist',
      input: makeGroupInput({ members: { admins: ['alice'] } as never }),
      field: 'members.admins',
    },
    { name: 'a malformed username', input: makeGroupInput({ members: { users: ['Alice'] } }), field: 'members.users.0' },
    { name: 'a malformed id', input: makeGroupInput({ id: 'Ops Team' }), field: 'id' },
    { name: 'no name', input: { id: 'ops' }, field: 'name' },
  ])('answers 400 naming the field for $name', async ({ input, field }) => {
    expectProblem(await api.call('POST', '/api/v1/groups', input), 'VALIDATION_FAILED', [field]);
  });

  it('answers 409 CONFLICT naming id when the id is taken', async () => {
    expectProblem(await api.call('POST', '/api/v1/groups', makeGroupInput({ id: 'administrators' })), 'CONFLICT', ['id']);
    expect((await api.services.groups.get('administrators')).name).toBe('Administrators');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'POST', url: '/api/v1/groups', payload: makeGroupInput() },
    { checkDetail: true, unchanged: () => expect(api.services.groups.get('ops')).rejects.toMatchObject({ code: 'NOT_FOUND' }) },
  );
});

describe('GET /api/v1/groups', () => {
  it('lists the three built-in groups on a fresh store', async () => {
    const res = await api.call('GET', '/api/v1/groups');

    expect(res.statusCode).toBe(200);
    const page = res.json();
    expect(ids(page)).toEqual(['administrators', 'api-users', 'everyone']);
    expect(page.items.map((group: { builtIn: boolean }) => group.builtIn)).toEqual([true, true, true]);
    expect(page.items.map((group: { name: string }) => group.name)).toEqual(['Administrators', 'API Users', 'Everyone']);
    expect(page.nextCursor).toBeNull();
  });

  it('walks every group once with limit and cursor, created ones not built in', async () => {
    await api.services.groups.create(makeGroupInput({ id: 'ops' }));
    await api.services.groups.create(makeGroupInput({ id: 'auditors', name: 'Auditors' }));

    const first = (await api.call('GET', '/api/v1/groups?limit=3')).json();
    const second = (await api.call('GET', `/api/v1/groups?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).json();

    expect(ids(first)).toEqual(['administrators', 'api-users', 'auditors']);
    expect(ids(second)).toEqual(['everyone', 'ops']);
    expect(second.nextCursor).toBeNull();
    expect(second.items[1].builtIn).toBe(false);
  });

  it('answers 400 naming an unknown query parameter', async () => {
    expectProblem(await api.call('GET', '/api/v1/groups?builtIn=true'), 'VALIDATION_FAILED', ['query.builtIn']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/groups' }, { checkDetail: true });
});

describe('GET /api/v1/groups/{id}', () => {
  it('answers 200 with the group and its members', async () => {
    await api.services.users.create(makeUserInput({ groups: ['administrators'] }));

    const res = await api.call('GET', '/api/v1/groups/administrators');

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'administrators', builtIn: true, members: { users: ['alice'], groups: [] } });
  });

  it('answers 404 NOT_FOUND for a group that does not exist', async () => {
    const body = expectProblem(await api.call('GET', '/api/v1/groups/nowhere'), 'NOT_FOUND');
    expect(body.detail).toBe("group 'nowhere' does not exist");
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('GET', '/api/v1/groups/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(() => api, { method: 'GET', url: '/api/v1/groups/administrators' }, { checkDetail: true });
});

describe('PATCH /api/v1/groups/{id}', () => {
  it('changes the name and description and keeps the members', async () => {
    await api.services.users.create(makeUserInput());
    const created = await api.services.groups.create(makeGroupInput({ members: { users: ['alice'] } }));

    const res = await api.call('PATCH', '/api/v1/groups/ops', { name: 'Operators', description: 'On call.' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ ...created, name: 'Operators', description: 'On call.', updatedAt: expect.any(String) });
    expect(await api.services.groups.get('ops')).toEqual(res.json());
  });

  it('replaces the member lists sent and keeps the one not sent', async () => {
    await api.services.users.create(makeUserInput({ username: 'alice' }));
    await api.services.users.create(makeUserInput({ username: 'bob' }));
    await api.services.groups.create(makeGroupInput({ members: { users: ['alice'], groups: ['api-users'] } }));

    const res = await api.call('PATCH', '/api/v1/groups/ops', { members: { users: ['bob'] } });

    expect(res.statusCode).toBe(200);
    expect(res.json().members).toEqual({ users: ['bob'], groups: ['api-users'] });
    expect((await api.services.users.get('alice')).groups).toEqual([]);
    expect((await api.services.users.get('bob')).groups).toEqual(['ops']);
  });

  it('answers 400 naming members.groups.0 for a cycle: A holds B, then B is given A', async () => {
    await api.services.groups.create(makeGroupInput({ id: 'b-team', name: 'B' }));
    await api.services.groups.create(makeGroupInput({ id: 'a-team', name: 'A', members: { groups: ['b-team'] } }));

    const res = await api.call('PATCH', '/api/v1/groups/b-team', { members: { groups: ['a-team'] } });

    expectProblem(res, 'VALIDATION_FAILED', ['members.groups.0']);
    expect((await api.services.groups.get('b-team')).members.groups).toEqual([]);
  });

  it('answers 400 naming members.groups.0 for a longer cycle: A holds B holds C, then C is given A', async () => {
    await api.services.groups.create(makeGroupInput({ id: 'c-team', name: 'C' }));
    await api.services.groups.create(makeGroupInput({ id: 'b-team', name: 'B', members: { groups: ['c-team'] } }));
    await api.services.groups.create(makeGroupInput({ id: 'a-team', name: 'A', members: { groups: ['b-team'] } }));

    expectProblem(await api.call('PATCH', '/api/v1/groups/c-team', { members: { groups: ['a-team'] } }), 'VALIDATION_FAILED', [
      'members.groups.0',
    ]);
  });

  it('answers 400 naming members.groups.0 for a group given itself', async () => {
    await api.services.groups.create(makeGroupInput());

    expectProblem(await api.call('PATCH', '/api/v1/groups/ops', { members: { groups: ['ops'] } }), 'VALIDATION_FAILED', [
      'members.groups.0',
    ]);
  });

  it('answers 400 naming members.users.0 / members.groups.0 for members that do not exist', async () => {
    await api.services.groups.create(makeGroupInput());

    const res = await api.call('PATCH', '/api/v1/groups/ops', { members: { users: ['nobody'], groups: ['nowhere'] } });

    expectProblem(res, 'VALIDATION_FAILED', ['members.users.0', 'members.groups.0']);
  });

  it("answers 400 naming members when everyone's members are set, and leaves them as they were", async () => {
    await api.services.users.create(makeUserInput());
    const before = await api.services.groups.get('everyone');

    const res = await api.call('PATCH', '/api/v1/groups/everyone', { members: { users: ['alice'] } });

    expectProblem(res, 'VALIDATION_FAILED', ['members']);
    expect(await api.services.groups.get('everyone')).toEqual(before);
  });

  it('renames a built-in group', async () => {
    const res = await api.call('PATCH', '/api/v1/groups/administrators', { name: 'Admins' });

    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: 'administrators', name: 'Admins', builtIn: true });
  });

  it('answers 400 naming builtIn, which cannot be set', async () => {
    await api.services.groups.create(makeGroupInput());

    expectProblem(await api.call('PATCH', '/api/v1/groups/ops', { builtIn: true }), 'VALIDATION_FAILED', ['builtIn']);
    expect((await api.services.groups.get('ops')).builtIn).toBe(false);
  });

  it('answers 400 naming the body when it sets no field', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/groups/administrators', {}), 'VALIDATION_FAILED', ['body']);
  });

  it('answers 404 NOT_FOUND for a group that does not exist', async () => {
    expectProblem(await api.call('PATCH', '/api/v1/groups/nowhere', { name: 'X' }), 'NOT_FOUND');
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'PATCH', url: '/api/v1/groups/administrators', payload: { name: 'Hijacked' } },
    { checkDetail: true, unchanged: async () => expect((await api.services.groups.get('administrators')).name).toBe('Administrators') },
  );
});

describe('DELETE /api/v1/groups/{id}', () => {
  it('answers 204, then the group is gone and no longer listed in its users or parent groups', async () => {
    await api.services.users.create(makeUserInput());
    await api.services.groups.create(makeGroupInput({ members: { users: ['alice'] } }));
    await api.services.groups.update('administrators', { members: { groups: ['ops'] } });

    const res = await api.call('DELETE', '/api/v1/groups/ops');

    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expectProblem(await api.call('GET', '/api/v1/groups/ops'), 'NOT_FOUND');
    expect((await api.services.users.get('alice')).groups).toEqual([]);
    expect((await membersOf('administrators')).groups).toEqual([]);
  });

  it.each(['everyone', 'administrators', 'api-users'])('answers 409 CONFLICT for the built-in group %s, and keeps it', async (id) => {
    expectProblem(await api.call('DELETE', `/api/v1/groups/${id}`), 'CONFLICT');
    expect((await api.services.groups.get(id)).builtIn).toBe(true);
  });

  it('answers 404 NOT_FOUND for a group that does not exist', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/groups/nowhere'), 'NOT_FOUND');
  });

  it('answers 400 naming params.id when the id is malformed', async () => {
    expectProblem(await api.call('DELETE', '/api/v1/groups/BAD%20ID'), 'VALIDATION_FAILED', ['params.id']);
  });

  itRequiresTheAdminToken(
    () => api,
    { method: 'DELETE', url: '/api/v1/groups/ops' },
    { checkDetail: true, setup: () => api.services.groups.create(makeGroupInput()), unchanged: () => api.services.groups.get('ops') },
  );
});
