import { GLOBAL_PERMISSION_OF, type ObjectPermissions, ObjectPermissionsSchema, type ObjectType, type Services } from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { principalOf } from '../auth.js';
import { BEARER, ERROR_RESPONSES, IdParamsSchema } from './common.js';

/** The collections whose items have a Permissions tab, with their OpenAPI tag. */
const COLLECTIONS: ReadonlyArray<{ path: string; type: ObjectType; tag: string }> = [
  { path: '/projects', type: 'project', tag: 'Projects' },
  { path: '/products', type: 'product', tag: 'Products' },
  { path: '/clients', type: 'client', tag: 'Clients' },
  { path: '/subscriptions', type: 'subscription', tag: 'Subscriptions' },
  { path: '/organizations', type: 'organization', tag: 'Organizations' },
];

const capitalized = (word: string) => word[0]?.toUpperCase() + word.slice(1);

const RULE =
  'For each right the first level that says allow or deny decides: (1) the entry of the user itself; (2) the entries of its groups other than everyone, where a deny in any wins over an allow in another; (3) the entry of the group everyone; (4) the global permission.';

/**
 * `GET` and `PUT {collection}/{id}/permissions`: one object's per-object permission entries.
 * Reading needs view on the object; replacing needs MANAGE_PERMISSIONS, and the rules of
 * `ObjectPermissionService.set` (no own entries, only rights the caller has on the object).
 */
export function registerObjectPermissionRoutes(app: FastifyInstance, services: Services): void {
  const objectPermissions = services.objectPermissions;
  for (const { path, type, tag } of COLLECTIONS) {
    const view = GLOBAL_PERMISSION_OF[type].view;
    if (view === undefined) throw new Error(`no view permission for ${type}`);
    app.get(
      `${path}/:id/permissions`,
      {
        config: { permission: view, object: 'id' },
        schema: {
          tags: [tag],
          summary: `Who may view${type === 'project' ? ', modify and deploy' : ' and modify'} this ${type}, beyond or short of their global permissions`,
          description: RULE,
          operationId: `get${capitalized(type)}Permissions`,
          security: BEARER,
          params: IdParamsSchema,
          response: { 200: ObjectPermissionsSchema, ...ERROR_RESPONSES },
        },
      },
      async (request) => objectPermissions.get(type, (request.params as { id: string }).id),
    );
    app.put(
      `${path}/:id/permissions`,
      {
        config: { permission: 'MANAGE_PERMISSIONS' },
        schema: {
          tags: [tag],
          summary: `Replace the per-object permissions of a ${type}`,
          description: `${RULE} Refused with 403: changing an entry of the caller's own user or of a group it is in, or a right the caller does not have on this ${type}. 400 naming \`entries.N.principal\` for an unknown or repeated principal${type === 'project' ? '' : ', `entries.N.deploy` (projects only)'}. Entries saying inherit to everything are dropped.`,
          operationId: `set${capitalized(type)}Permissions`,
          security: BEARER,
          params: IdParamsSchema,
          body: ObjectPermissionsSchema,
          response: { 200: ObjectPermissionsSchema, ...ERROR_RESPONSES },
        },
      },
      async (request) =>
        objectPermissions.set(principalOf(request), type, (request.params as { id: string }).id, request.body as ObjectPermissions),
    );
  }
}
