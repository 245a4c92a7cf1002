import { DEFAULT_GROUPS } from '@tollgate/domain';
import { type Kysely, sql } from 'kysely';

/**
 * Users and groups. A group's members are rows of `group_members`, users and groups alike
 * (`member_type`), in `position` order. One column names both kinds of member, so it can have no
 * foreign key: deleting a user or a group deletes its memberships in the repository. Deleting a
 * group deletes its own member rows by cascade. `built_in` is 0 or 1 (SQLite has no boolean).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('users')
    .addColumn('username', 'text', (c) => c.primaryKey())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('built_in', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('member_type', 'text', (c) => c.notNull().check(sql`member_type in ('user', 'group')`))
    .addColumn('member_id', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('group_members_pkey', ['group_id', 'member_type', 'member_id'])
    .execute();
  // A user's groups, and the memberships to delete with a user or a group.
  await db.schema.createIndex('group_members_member_idx').on('group_members').columns(['member_type', 'member_id']).execute();

  // The built-in groups exist from the first start, without members.
  const now = Date.now();
  await (
    db as Kysely<{
      groups: { id: string; name: string; description: string; built_in: number; created_at: number; updated_at: number };
    }>
  )
    .insertInto('groups')
    .values(DEFAULT_GROUPS.map((group) => ({ ...group, built_in: 1, created_at: now, updated_at: now })))
    .execute();
}
