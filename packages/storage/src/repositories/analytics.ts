import type { AnalyticsEvent, AnalyticsStore, RollupFilter, RollupRow, SeriesDimension } from '@tollgate/domain';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { atomic } from '../sql/links.js';
import type { AnalyticsEventTable, AnalyticsRollupTable, Database } from '../sql/schema.js';

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

/** Rows per rollup INSERT: 16 parameters each, 8,000 per statement. */
const ROLLUPS_PER_INSERT = 500;

/** Rows fetched per round trip when a query streams (PostgreSQL cursor; SQLite iterates). */
const STREAM_CHUNK = 1_000;

function toRollupRow(row: RollupRow): Insertable<AnalyticsRollupTable> {
  return {
    resolution: row.resolution,
    dimension: row.dimension,
    value: row.value,
    bucket_start: row.bucketStart,
    server_group_id: row.serverGroupId,
    writer_id: row.writerId,
    hits: row.hits,
    errors_4xx: row.errors4xx,
    errors_5xx: row.errors5xx,
    latency_sum: row.latencySum,
    backend_hits: row.backendHits,
    backend_latency_sum: row.backendLatencySum,
    bytes_in: row.bytesIn,
    bytes_out: row.bytesOut,
    latency_sketch: row.latencySketch,
    backend_latency_sketch: row.backendLatencySketch,
  };
}

function fromRollupRow(row: Selectable<AnalyticsRollupTable>): RollupRow {
  return {
    resolution: row.resolution,
    dimension: row.dimension as SeriesDimension,
    value: row.value,
    bucketStart: Number(row.bucket_start),
    serverGroupId: row.server_group_id,
    writerId: row.writer_id,
    hits: Number(row.hits),
    errors4xx: Number(row.errors_4xx),
    errors5xx: Number(row.errors_5xx),
    latencySum: Number(row.latency_sum),
    backendHits: Number(row.backend_hits),
    backendLatencySum: Number(row.backend_latency_sum),
    bytesIn: Number(row.bytes_in),
    bytesOut: Number(row.bytes_out),
    latencySketch: row.latency_sketch,
    backendLatencySketch: row.backend_latency_sketch,
  };
}

/**
 * The rows of a batch, the last one of each key (series and writer) only: a row a batch carries
 * twice is replaced by the later one, as it would be by a later batch. Without this, PostgreSQL
 * refuses the whole batch (an upsert may not touch one row twice in one statement) where SQLite
 * applies both rows in turn.
 */
function latestRollups(rollups: readonly RollupRow[]): RollupRow[] {
  const latest = new Map<string, RollupRow>();
  for (const row of rollups) {
    latest.set(JSON.stringify([row.resolution, row.dimension, row.value, row.bucketStart, row.serverGroupId, row.writerId]), row);
  }
  return [...latest.values()];
}

/** The column each equality filter of `EventFilter` selects on. */
const EVENT_COLUMNS = {
  serverGroupId: 'server_group_id',
  projectId: 'project_id',
  resourceId: 'resource_id',
  productId: 'product_id',
  clientId: 'client_id',
  subscriptionId: 'subscription_id',
  organizationId: 'organization_id',
  nodeId: 'node_id',
} as const;

/** The rollup rows a filter selects, before the columns are chosen. */
function rollupsOf(db: Kysely<Database>, filter: RollupFilter) {
  let query = db
    .selectFrom('analytics_rollups')
    .where('resolution', '=', filter.resolution)
    .where('dimension', '=', filter.dimension)
    .where('bucket_start', '>=', filter.from)
    .where('bucket_start', '<', filter.to);
  if (filter.serverGroupId !== undefined) query = query.where('server_group_id', '=', filter.serverGroupId);
  if (filter.values !== undefined) query = query.where('value', '>=', filter.values.min).where('value', '<=', filter.values.max);
  if (filter.valueIn !== undefined) query = query.where('value', 'in', filter.valueIn.length === 0 ? [''] : [...filter.valueIn]);
  return query;
}

/**
 * Analytics in SQL: raw events and rollups written by gateway nodes, read by the query API.
 * Each batch is written in one transaction: its own, or the caller's when `db` is one. Events
 * are not configuration: recording them bumps no version.
 */
export function analyticsStore(db: Kysely<Database>): AnalyticsStore {
  return {
    async write({ events, rollups }) {
      if (events.length === 0 && rollups.length === 0) return;
      await atomic(db, async (trx) => {
        for (let start = 0; start < events.length; start += ANALYTICS_ROWS_PER_INSERT) {
          const rows = events.slice(start, start + ANALYTICS_ROWS_PER_INSERT).map(toRow);
          // Idempotent: a retried batch (or a request id repeated inside one) is stored once.
          await trx
            .insertInto('analytics_events')
            .values(rows)
            .onConflict((conflict) => conflict.column('request_id').doNothing())
            .execute();
        }
        const latest = latestRollups(rollups);
        for (let start = 0; start < latest.length; start += ROLLUPS_PER_INSERT) {
          const rows = latest.slice(start, start + ROLLUPS_PER_INSERT).map(toRollupRow);
          // A writer's row holds its running totals: the newer row replaces the older one.
          await trx
            .insertInto('analytics_rollups')
            .values(rows)
            .onConflict((conflict) =>
              conflict.columns(['resolution', 'dimension', 'value', 'bucket_start', 'server_group_id', 'writer_id']).doUpdateSet((eb) => ({
                hits: eb.ref('excluded.hits'),
                errors_4xx: eb.ref('excluded.errors_4xx'),
                errors_5xx: eb.ref('excluded.errors_5xx'),
                latency_sum: eb.ref('excluded.latency_sum'),
                backend_hits: eb.ref('excluded.backend_hits'),
                backend_latency_sum: eb.ref('excluded.backend_latency_sum'),
                bytes_in: eb.ref('excluded.bytes_in'),
                bytes_out: eb.ref('excluded.bytes_out'),
                latency_sketch: eb.ref('excluded.latency_sketch'),
                backend_latency_sketch: eb.ref('excluded.backend_latency_sketch'),
              })),
            )
            .execute();
        }
      });
    },

    async *rollups(filter) {
      for await (const row of rollupsOf(db, filter).selectAll().stream(STREAM_CHUNK)) yield fromRollupRow(row);
    },

    async topValues(filter, limit) {
      const rows = await rollupsOf(db, filter)
        .select('value')
        .select((eb) => eb.fn.sum('hits').as('hits'))
        .groupBy('value')
        .orderBy('hits', 'desc')
        .orderBy('value')
        .limit(limit)
        .execute();
      return rows.map((row) => row.value);
    },

    async *events(filter) {
      let query = db
        .selectFrom('analytics_events')
        .selectAll()
        .where('received_at', '>=', filter.from)
        .where('received_at', '<', filter.to);
      for (const [field, column] of Object.entries(EVENT_COLUMNS) as [
        keyof typeof EVENT_COLUMNS,
        (typeof EVENT_COLUMNS)[keyof typeof EVENT_COLUMNS],
      ][]) {
        const value = filter[field];
        if (value !== undefined) query = query.where(column, '=', value);
      }
      if (filter.status !== undefined) query = query.where('status', '>=', filter.status.min).where('status', '<=', filter.status.max);
      for await (const row of query.stream(STREAM_CHUNK)) yield fromRow(row);
    },

    async prune(cutoffs) {
      return atomic(db, async (trx) => {
        const raw = await trx.deleteFrom('analytics_events').where('received_at', '<', cutoffs.raw).executeTakeFirst();
        const rollups = (resolution: 'minute' | 'hour', before: number) =>
          trx.deleteFrom('analytics_rollups').where('resolution', '=', resolution).where('bucket_start', '<', before).executeTakeFirst();
        const minute = await rollups('minute', cutoffs.minute);
        const hour = await rollups('hour', cutoffs.hour);
        // Traced calls are raw history too: they go with the raw events.
        const traces = await trx.deleteFrom('traces').where('received_at', '<', cutoffs.raw).executeTakeFirst();
        return {
          raw: Number(raw.numDeletedRows),
          minute: Number(minute.numDeletedRows),
          hour: Number(hour.numDeletedRows),
          traces: Number(traces.numDeletedRows),
        };
      });
    },
  };
}
