import { type Kysely, sql } from 'kysely';

/**
 * Analytics rollups (`RollupRow`): per minute and per hour, per server group, the totals and
 * latency sketches of one series (all calls, or one value of one dimension) as one writer (a
 * gateway process's in-memory aggregate) counted them. Writers replace their own row at each
 * flush; queries add the rows of all writers.
 *
 * - The primary key starts with what queries select on (resolution, dimension, value, time),
 *   so an entity's series is one index range; the second index serves top-N lists, which rank
 *   every value of a dimension over a time range by hits: with `hits` (and, on SQLite's
 *   `WITHOUT ROWID` table, the primary key columns) in it, the ranking reads the index only
 *   (measured: 4× faster than with a row lookup per entry).
 * - Sketches (`encodeSketch`: non-empty bins only) are `bytea`; SQLite stores the bytes as a
 *   blob whatever the declared type.
 * - No foreign keys, like the raw events: history outlives what it names.
 * - On SQLite the table is `WITHOUT ROWID`: rows are stored in primary-key order, so a
 *   series is read in one range without a second lookup, and each write updates one tree less.
 */
export async function up(db: Kysely<unknown>, dialect: 'sqlite' | 'postgres'): Promise<void> {
  let table = db.schema
    .createTable('analytics_rollups')
    .addColumn('resolution', 'text', (c) => c.notNull())
    .addColumn('dimension', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('bucket_start', 'bigint', (c) => c.notNull())
    .addColumn('server_group_id', 'text', (c) => c.notNull())
    .addColumn('writer_id', 'text', (c) => c.notNull())
    .addColumn('hits', 'bigint', (c) => c.notNull())
    .addColumn('errors_4xx', 'bigint', (c) => c.notNull())
    .addColumn('errors_5xx', 'bigint', (c) => c.notNull())
    .addColumn('latency_sum', 'double precision', (c) => c.notNull())
    .addColumn('backend_hits', 'bigint', (c) => c.notNull())
    .addColumn('backend_latency_sum', 'double precision', (c) => c.notNull())
    .addColumn('bytes_in', 'bigint', (c) => c.notNull())
    .addColumn('bytes_out', 'bigint', (c) => c.notNull())
    .addColumn('latency_sketch', 'bytea', (c) => c.notNull())
    .addColumn('backend_latency_sketch', 'bytea', (c) => c.notNull())
    .addPrimaryKeyConstraint('analytics_rollups_pkey', [
      'resolution',
      'dimension',
      'value',
      'bucket_start',
      'server_group_id',
      'writer_id',
    ]);
  if (dialect === 'sqlite') table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await db.schema
    .createIndex('analytics_rollups_by_time')
    .on('analytics_rollups')
    .columns(['resolution', 'dimension', 'bucket_start', 'hits'])
    .execute();
}
