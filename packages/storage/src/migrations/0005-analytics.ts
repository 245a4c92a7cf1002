import type { Kysely } from 'kysely';

/**
 * Raw analytics events: one row per call through a gateway node (`AnalyticsEvent`, one column
 * per field). Rollups are derived from this table later.
 *
 * - `request_id` is unique and inserts use `ON CONFLICT DO NOTHING`: a node that retries a
 *   batch after a lost acknowledgement (the first write did commit) records each call once.
 * - No foreign keys: events are history and outlive the projects, products and clients they
 *   name (deleting one must not be refused, nor delete its traffic).
 * - Times are epoch-ms `bigint`, latencies `double precision` (REAL affinity in SQLite), byte
 *   counts `bigint`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('analytics_events')
    .addColumn('received_at', 'bigint', (c) => c.notNull())
    .addColumn('request_id', 'text', (c) => c.notNull())
    .addColumn('server_group_id', 'text', (c) => c.notNull())
    .addColumn('node_id', 'text', (c) => c.notNull())
    .addColumn('project_id', 'text')
    .addColumn('project_version', 'text')
    .addColumn('resource_id', 'text')
    .addColumn('product_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('subscription_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('error_code', 'text')
    .addColumn('latency_ms', 'double precision', (c) => c.notNull())
    .addColumn('backend_latency_ms', 'double precision')
    .addColumn('bytes_in', 'bigint', (c) => c.notNull())
    .addColumn('bytes_out', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('analytics_events_request_id_key', ['request_id'])
    .execute();
  // Only the time index: every index is paid on each of thousands of inserts a second (measured:
  // six more indexes halved an embedded node's throughput); queries by dimension will read rollups.
  await db.schema.createIndex('analytics_events_received_at').on('analytics_events').column('received_at').execute();
}
