import { PERMISSIONS, type Permission, type PermissionGrant, type PermissionGrantRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { deleteGrant, namingOneOf } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import type { Database, PermissionGrantTable } from '../sql/schema.js';

const RANK = new Map<string, number>(PERMISSIONS.map((permission, index) => [permission, index]));

/**
 * Folds rows ordered by principal into grants, each one's permissions in `PERMISSIONS` order.
 * A permission this version does not know (written by a newer one) is left out.
 */
function toGrants(rows: Selectable<PermissionGrantTable>[]): PermissionGrant[] {
  const grants: PermissionGrant[] = [];
  let last: PermissionGrant | undefined;
  for (const row of rows) {
    if (!RANK.has(row.permission)) continue;
    if (last === undefined || last.principal.type !== row.principal_type || last.principal.id !== row.principal_id) {
      last = { principal: { type: row.principal_type, id: row.principal_id }, permissions: [] };
      grants.push(last);
    }
    last.permissions.push(row.permission as Permission);
  }
  for (const grant of grants) grant.permissions.sort((a, b) => (RANK.get(a) ?? 0) - (RANK.get(b) ?? 0));
  return grants;
}

/**
 * Global permission grants, one `permission_grants` row per permission held. A principal without
 * rows holds nothing. Principals are not checked to exist: the service does that.
 */
export function permissionGrantRepository(db: Kysely<Database>): PermissionGrantRepository {
  return {
    async list() {
      const rows = await db.selectFrom('permission_grants').selectAll().orderBy('principal_type').orderBy('principal_id').execute();
      return toGrants(rows);
    },
    async forPrincipals(principals) {
      const naming = namingOneOf(principals);
      if (naming === undefined) return [];
      const rows = await db
        .selectFrom('permission_grants')
        .selectAll()
        .where(naming)
        .orderBy('principal_type')
        .orderBy('principal_id')
        .execute();
      return toGrants(rows);
    },
    set: (grant) =>
      atomic(db, async (trx) => {
        const { type, id } = grant.principal;
        await deleteGrant(trx, type, id);
        const permissions = [...new Set(grant.permissions)];
        if (permissions.length === 0) return;
        await trx
          .insertInto('permission_grants')
          .values(permissions.map((permission) => ({ principal_type: type, principal_id: id, permission })))
          .execute();
      }),
  };
}
