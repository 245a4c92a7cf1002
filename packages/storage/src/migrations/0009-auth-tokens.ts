import { type Kysely, sql } from 'kysely';

/**
 * Users' bearer tokens: login sessions and personal API tokens, keyed by the SHA-256 digest of
 * the token (the token itself is never stored). Not configuration. Deleting a user deletes its
 * tokens by cascade, which revokes them. Times are epoch ms; `expires_at` null: never.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_tokens')
    .addColumn('digest', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('session', 'api')`))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('username', 'text', (c) => c.notNull().references('users.username').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint')
    .execute();
  // A user's API tokens, oldest first; also the cascade's lookup when a user is deleted.
  await db.schema.createIndex('auth_tokens_by_user').on('auth_tokens').columns(['username', 'kind', 'created_at']).execute();
  // The expired ones, for the periodic purge.
  await db.schema.createIndex('auth_tokens_by_expiry').on('auth_tokens').column('expires_at').execute();
}
