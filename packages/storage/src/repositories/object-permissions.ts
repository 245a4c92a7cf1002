import type { ObjectPermissionRepository, ObjectRightValue, ObjectType, StoredObjectEntry } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { deleteObjectPermissions, namingOneOf } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import type { Database, ObjectPermissionTable } from '../sql/schema.js';

function toEntry(row: Selectable<ObjectPermissionTable>): StoredObjectEntry {
  return {
    objectType: row.object_type as ObjectType,
    objectId: row.object_id,
    principal: { type: row.principal_type, id: row.principal_id },
    view: row.view as ObjectRightValue,
    modify: row.modify as ObjectRightValue,
    deploy: row.deploy as ObjectRightValue,
  };
}

/** Per-object permission entries, one `object_permissions` row per object and principal. */
export function objectPermissionRepository(db: Kysely<Database>): ObjectPermissionRepository {
  return {
    async forObject(type, id) {
      const rows = await db
        .selectFrom('object_permissions')
        .selectAll()
        .where('object_type', '=', type)
        .where('object_id', '=', id)
        .orderBy('principal_type')
        .orderBy('principal_id')
        .execute();
      return rows.map(toEntry);
    },
    async forPrincipals(type, principals, id) {
      const naming = namingOneOf(principals);
      if (naming === undefined) return [];
      const rows = await db
        .selectFrom('object_permissions')
        .selectAll()
        .where('object_type', '=', type)
        .$if(id !== undefined, (q) => q.where('object_id', '=', id ?? ''))
        .where(naming)
        .execute();
      return rows.map(toEntry);
    },
    replace: (type, id, entries) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, type, id);
        if (entries.length === 0) return;
        await trx
          .insertInto('object_permissions')
          .values(
            entries.map((entry) => ({
              object_type: type,
              object_id: id,
              principal_type: entry.principal.type,
              principal_id: entry.principal.id,
              view: entry.view,
              modify: entry.modify,
              deploy: entry.deploy ?? 'inherit',
            })),
          )
          .execute();
      }),
  };
}
