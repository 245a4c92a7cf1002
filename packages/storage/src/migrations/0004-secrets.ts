import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';

/**
 * Platform secrets generated once, at the first start: today the HMAC key that signs OAuth
 * access tokens (every gateway node of every group verifies tokens with it, offline).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('platform_secrets')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ platform_secrets: { name: string; value: string } }>)
    .insertInto('platform_secrets')
    .values({ name: 'access-token-hmac', value: randomBytes(32).toString('base64url') })
    .execute();
}
