import { type Kysely, sql } from 'kysely';

/**
 * Per-object permission entries: one row per object and principal, with its word (`allow`,
 * `deny`, `inherit`) on view, modify and deploy (deploy is `inherit` except on projects). Like
 * `permission_grants`, the object and principal columns name several tables, so there are no
 * foreign keys: the repositories delete an object's entries with the object, and a principal's
 * with the principal.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const right = (name: string) => sql`${sql.ref(name)} in ('allow', 'deny', 'inherit')`;
  await db.schema
    .createTable('object_permissions')
    .addColumn('object_type', 'text', (c) => c.notNull())
    .addColumn('object_id', 'text', (c) => c.notNull())
    .addColumn('principal_type', 'text', (c) => c.notNull().check(sql`principal_type in ('user', 'group')`))
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull().check(right('view')))
    .addColumn('modify', 'text', (c) => c.notNull().check(right('modify')))
    .addColumn('deploy', 'text', (c) => c.notNull().check(right('deploy')))
    .addPrimaryKeyConstraint('object_permissions_pkey', ['object_type', 'object_id', 'principal_type', 'principal_id'])
    .execute();
  // A user's entries on one type of object: what every permission check and every list reads.
  await db.schema
    .createIndex('object_permissions_by_principal')
    .on('object_permissions')
    .columns(['principal_type', 'principal_id', 'object_type', 'object_id'])
    .execute();
}
