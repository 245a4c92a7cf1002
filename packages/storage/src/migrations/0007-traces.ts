import type { Kysely } from 'kysely';

/**
 * Tracing: one session per project at most (`trace_sessions`, configuration: deleting the
 * project deletes it), and the traced calls nodes recorded (`traces`, history: kept after the
 * session and the project, deleted with the raw analytics events by retention). A trace's id is
 * the call's request id; its document is the `Trace` JSON, with the columns a list shows and
 * filters on beside it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('trace_sessions')
    .addColumn('project_id', 'text', (c) => c.primaryKey().references('projects.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('server_group_id', 'text')
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('expires_at', 'bigint', (c) => c.notNull())
    .addColumn('max_calls', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('traces')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text', (c) => c.notNull())
    .addColumn('server_group_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('path', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('duration_ms', 'double precision', (c) => c.notNull())
    .addColumn('document', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('traces_by_project').on('traces').columns(['project_id', 'received_at', 'id']).execute();
  await db.schema.createIndex('traces_by_session').on('traces').column('session_id').execute();
}
