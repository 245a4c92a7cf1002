import type { IdScope, PrincipalRef } from '@tollgate/domain';
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

/**
 * The condition on a table's `principal_type` and `principal_id` columns that keeps the rows
 * naming one of `principals`; undefined when there are none (no row can match).
 */
export function namingOneOf(principals: readonly PrincipalRef[]): Expression<SqlBool> | undefined {
  const of = (type: PrincipalRef['type']) => [...new Set(principals.filter((p) => p.type === type).map((p) => p.id))];
  const parts = (['user', 'group'] as const)
    .map((type) => ({ type, ids: of(type) }))
    .filter(({ ids }) => ids.length > 0)
    .map(({ type, ids }) => sql`(principal_type = ${type} and principal_id in (${sql.join(ids.map((id) => sql`${id}`))}))`);
  return parts.length === 0 ? undefined : sql<SqlBool>`(${sql.join(parts, sql` or `)})`;
}
