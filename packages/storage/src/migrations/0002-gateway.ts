import type { Kysely } from 'kysely';

/**
 * Gateway support: the configuration version nodes poll to know when to rebuild their
 * snapshot, and the registry of nodes with their heartbeats.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('config_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await (db as Kysely<{ config_state: { id: number; version: number } }>)
    .insertInto('config_state')
    .values({ id: 1, version: 1 })
    .execute();

  await db.schema
    .createTable('gateway_nodes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('server_group_id', 'text', (c) => c.notNull().references('server_groups.id').onDelete('cascade'))
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('config_version', 'bigint')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('last_seen_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('gateway_nodes_group_idx').on('gateway_nodes').column('server_group_id').execute();
}
