import type { IdScope } from '@tollgate/domain';
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database, PermissionGrantTable } from './schema.js';

/** Deletes what a user or a group was granted, globally and on objects (no foreign key does it). */
export async function deleteGrant(
  db: Kysely<Database>,
  principalType: PermissionGrantTable['principal_type'],
  principalId: string,
): Promise<void> {
  await db.deleteFrom('permission_grants').where('principal_type', '=', principalType).where('principal_id', '=', principalId).execute();
  await db.deleteFrom('object_permissions').where('principal_type', '=', principalType).where('principal_id', '=', principalId).execute();
}

/** Deletes an object's per-object permission entries, with the object. */
export async function deleteObjectPermissions(db: Kysely<Database>, objectType: string, objectId: string): Promise<void> {
  await db.deleteFrom('object_permissions').where('object_type', '=', objectType).where('object_id', '=', objectId).execute();
}

/** The condition on a table's `id` column that keeps a list within the caller's scope. */
export function inScope(scope: IdScope): Expression<SqlBool> {
  const ids = 'only' in scope ? scope.only : scope.except;
  if (ids.length === 0) return 'only' in scope ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
  const list = sql.join(ids.map((id) => sql`${id}`));
  return 'only' in scope ? sql<SqlBool>`id in (${list})` : sql<SqlBool>`id not in (${list})`;
}
