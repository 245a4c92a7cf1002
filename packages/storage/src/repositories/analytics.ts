import type { AnalyticsEvent, AnalyticsSink } from '@tollgate/domain';
import type { Insertable, Kysely, Selectable } from 'kysely';
import type { AnalyticsEventTable, Database } from '../sql/schema.js';

/**
 * Rows per INSERT statement. Each row binds 18 parameters, so 500 rows bind 9,000: well under
 * SQLite's 32,766 (SQLITE_MAX_VARIABLE_NUMBER of the SQLite bundled with better-sqlite3) and
 * PostgreSQL's 65,535 (the wire protocol's 16-bit parameter count).
 */
export const ANALYTICS_ROWS_PER_INSERT = 500;

function toRow(event: AnalyticsEvent): Insertable<AnalyticsEventTable> {
  return {
    received_at: event.receivedAt,
    request_id: event.requestId,
    server_group_id: event.serverGroupId,
    node_id: event.nodeId,
    project_id: event.projectId,
    project_version: event.projectVersion,
    resource_id: event.resourceId,
    product_id: event.productId,
    client_id: event.clientId,
    subscription_id: event.subscriptionId,
    organization_id: event.organizationId,
    method: event.method,
    status: event.status,
    error_code: event.errorCode,
    latency_ms: event.latencyMs,
    backend_latency_ms: event.backendLatencyMs,
    bytes_in: event.bytesIn,
    bytes_out: event.bytesOut,
  };
}

function fromRow(row: Selectable<AnalyticsEventTable>): AnalyticsEvent {
  return {
    receivedAt: Number(row.received_at),
    requestId: row.request_id,
    serverGroupId: row.server_group_id,
    nodeId: row.node_id,
    projectId: row.project_id,
    projectVersion: row.project_version,
    resourceId: row.resource_id,
    productId: row.product_id,
    clientId: row.client_id,
    subscriptionId: row.subscription_id,
    organizationId: row.organization_id,
    method: row.method,
    status: Number(row.status),
    errorCode: row.error_code,
    latencyMs: Number(row.latency_ms),
    backendLatencyMs: row.backend_latency_ms === null ? null : Number(row.backend_latency_ms),
    bytesIn: Number(row.bytes_in),
    bytesOut: Number(row.bytes_out),
  };
}

/**
 * Raw analytics events in SQL. `db` must be the root connection, not a transaction: each batch
 * opens its own. Events are not configuration: recording them bumps no version.
 */
export function analyticsSink(db: Kysely<Database>): AnalyticsSink {
  return {
    async record(events) {
      if (events.length === 0) return;
      await db.transaction().execute(async (trx) => {
        for (let start = 0; start < events.length; start += ANALYTICS_ROWS_PER_INSERT) {
          const rows = events.slice(start, start + ANALYTICS_ROWS_PER_INSERT).map(toRow);
          // Idempotent: a retried batch (or a request id repeated inside one) is stored once.
          await trx
            .insertInto('analytics_events')
            .values(rows)
            .onConflict((conflict) => conflict.column('request_id').doNothing())
            .execute();
        }
      });
    },
  };
}

/**
 * The events received in `[from, to)` (epoch ms), oldest first (ties by request id). Not part
 * of the port: for tests, until the rollups bring real queries.
 */
export async function analyticsEventsBetween(db: Kysely<Database>, from: number, to: number): Promise<AnalyticsEvent[]> {
  const rows = await db
    .selectFrom('analytics_events')
    .selectAll()
    .where('received_at', '>=', from)
    .where('received_at', '<', to)
    .orderBy('received_at')
    .orderBy('request_id')
    .execute();
  return rows.map(fromRow);
}
