import {
  PermissionGrantSchema,
  type PermissionGrantUpdate,
  PermissionGrantUpdateSchema,
  type PrincipalRef,
  PrincipalRefSchema,
  type Services,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { principalOf } from '../auth.js';
import { BEARER, ERROR_RESPONSES } from './common.js';

const TAG = 'Permissions';
const config = { permission: 'MANAGE_PERMISSIONS' } as const;

/**
 * Global permissions: every grant, one principal's own grant, and replacing it. The rules of a
 * change (nobody edits their own user or a group they are in; nobody grants or revokes a
 * permission they do not hold) are `PermissionService.set`'s.
 */
export function registerPermissionRoutes(app: FastifyInstance, services: Services): void {
  const permissions = services.permissions;

  app.get(
    '/permissions',
    {
      config,
      schema: {
        tags: [TAG],
        summary: "Every principal's own global permissions (principals without any are left out)",
        operationId: 'listPermissions',
        security: BEARER,
        response: { 200: Type.Object({ items: Type.Array(PermissionGrantSchema) }), ...ERROR_RESPONSES },
      },
    },
    async () => ({ items: await permissions.list() }),
  );

  app.get(
    '/permissions/:type/:id',
    {
      config,
      schema: {
        tags: [TAG],
        summary: "A user's or a group's own global permissions (not those it inherits from groups)",
        operationId: 'getPermissions',
        security: BEARER,
        params: PrincipalRefSchema,
        response: { 200: PermissionGrantSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => permissions.get(request.params as PrincipalRef),
  );

  app.put(
    '/permissions/:type/:id',
    {
      config,
      schema: {
        tags: [TAG],
        summary: "Replace a user's or a group's global permissions",
        description:
          'Nobody may change their own permissions (their user or a group they are in), nor grant or revoke a permission they do not hold: 403. An unknown user or group: 400 naming `principal`. Takes effect on the next request.',
        operationId: 'setPermissions',
        security: BEARER,
        params: PrincipalRefSchema,
        body: PermissionGrantUpdateSchema,
        response: { 200: PermissionGrantSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) =>
      permissions.set(principalOf(request), request.params as PrincipalRef, (request.body as PermissionGrantUpdate).permissions),
  );
}
