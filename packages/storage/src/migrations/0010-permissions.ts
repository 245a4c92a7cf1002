import { DEFAULT_GRANTS } from '@tollgate/domain';
import { type Kysely, sql } from 'kysely';

/**
 * Global permission grants: one row per permission a principal (a user by username, or a group)
 * holds. One column names both kinds of principal, so it can have no foreign key: deleting a
 * user or a group deletes its grant in the repository, as with its memberships. The built-in
 * groups get their default grants.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('permission_grants')
    .addColumn('principal_type', 'text', (c) => c.notNull().check(sql`principal_type in ('user', 'group')`))
    .addColumn('principal_id', 'text', (c) => c.notNull())
    .addColumn('permission', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('permission_grants_pkey', ['principal_type', 'principal_id', 'permission'])
    .execute();

  await (db as Kysely<{ permission_grants: { principal_type: string; principal_id: string; permission: string } }>)
    .insertInto('permission_grants')
    .values(
      DEFAULT_GRANTS.flatMap((grant) =>
        grant.permissions.map((permission) => ({ principal_type: 'group', principal_id: grant.groupId, permission })),
      ),
    )
    .execute();
}
