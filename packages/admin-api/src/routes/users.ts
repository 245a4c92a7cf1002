import {
  GroupCreateSchema,
  GroupSchema,
  GroupUpdateSchema,
  IdSchema,
  type Services,
  type UserCreate,
  UserCreateSchema,
  type UserFilter,
  UsernameSchema,
  UserSchema,
  type UserUpdate,
  UserUpdateSchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { BEARER, ERROR_RESPONSES, listQuerySchema, pageSchema, splitListQuery } from './common.js';
import { registerCrudRoutes } from './crud.js';

/** `{ username }` path parameter, validated so a malformed name is a 400 naming `params.username`. */
const UsernameParamsSchema = Type.Object({ username: UsernameSchema }, { additionalProperties: false });

const TAG = 'Users';

/**
 * Users and groups: the people who administer Tollgate and the sets they are granted permissions
 * through. Every response is serialized through `UserSchema`, which has no password field, so a
 * password or its hash can never leave the server.
 */
export function registerUserRoutes(app: FastifyInstance, services: Services): void {
  const users = services.users;

  app.post(
    '/users',
    {
      config: { permission: 'MANAGE_USERS_AND_GROUPS' },
      schema: {
        tags: [TAG],
        summary: 'Create a user',
        operationId: 'createUser',
        security: BEARER,
        body: UserCreateSchema,
        response: { 201: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const created = await users.create(request.body as UserCreate);
      reply.status(201).header('location', `/api/v1/users/${created.username}`);
      return created;
    },
  );

  app.get(
    '/users',
    {
      config: { permission: 'MANAGE_USERS_AND_GROUPS' },
      schema: {
        tags: [TAG],
        summary: 'List users',
        operationId: 'listUsers',
        security: BEARER,
        querystring: listQuerySchema({
          groupId: Type.Optional({ ...IdSchema, description: 'Only direct members of this group.' }),
          status: Type.Optional({ ...UserSchema.properties.status, description: 'Only active or only disabled users.' }),
        }),
        response: { 200: pageSchema(UserSchema), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { page, filter } = splitListQuery<UserFilter>(request.query as Record<string, unknown>);
      return users.list(filter, page);
    },
  );

  app.get(
    '/users/:username',
    {
      config: { permission: 'self' },
      schema: {
        tags: [TAG],
        summary: 'Read a user',
        operationId: 'getUser',
        security: BEARER,
        params: UsernameParamsSchema,
        response: { 200: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => users.get((request.params as { username: string }).username),
  );

  app.patch(
    '/users/:username',
    {
      config: { permission: 'MANAGE_USERS_AND_GROUPS' },
      schema: {
        tags: [TAG],
        summary: 'Update a user (the fields sent; groups replace the direct memberships)',
        operationId: 'updateUser',
        security: BEARER,
        params: UsernameParamsSchema,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => users.update((request.params as { username: string }).username, request.body as UserUpdate),
  );

  app.delete(
    '/users/:username',
    {
      config: { permission: 'MANAGE_USERS_AND_GROUPS' },
      schema: {
        tags: [TAG],
        summary: 'Delete a user (and its group memberships)',
        operationId: 'deleteUser',
        security: BEARER,
        params: UsernameParamsSchema,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await users.delete((request.params as { username: string }).username);
      reply.status(204);
    },
  );

  registerCrudRoutes(app, {
    path: '/groups',
    permissions: { view: 'MANAGE_USERS_AND_GROUPS', modify: 'MANAGE_USERS_AND_GROUPS' },
    tag: 'Groups',
    noun: 'group',
    entity: GroupSchema,
    create: GroupCreateSchema,
    update: GroupUpdateSchema,
    filters: {},
    service: services.groups,
  });
}
