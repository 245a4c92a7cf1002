import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent, RollupRow } from '../ports/analytics.js';
import { SERIES_AT, type SeriesDimension } from './dimensions.js';
import { RollupBuilder } from './rollup-builder.js';
import { decodeSketch, quantileOf } from './sketch.js';

const at = (iso: string) => Date.parse(iso);
const HOUR_10 = at('2026-12-04T10:00:00Z');
const MINUTE_05 = at('2026-12-04T10:05:00Z');
const MINUTE_07 = at('2026-12-04T10:07:00Z');
const GRACE = 120_000;

let requests = 0;
function call(overrides: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    receivedAt: MINUTE_05 + 30_000,
    requestId: `req-${++requests}`,
    serverGroupId: 'g1',
    nodeId: 'node-a',
    projectId: 'proj-1',
    projectVersion: '1',
    resourceId: 'res-1',
    productId: 'prod-1',
    clientId: 'alice',
    subscriptionId: 'sub-alice',
    organizationId: 'org-1',
    method: 'GET',
    status: 200,
    errorCode: null,
    latencyMs: 10,
    backendLatencyMs: 8,
    bytesIn: 10,
    bytesOut: 100,
    ...overrides,
  };
}

const bob = (overrides: Partial<AnalyticsEvent> = {}) =>
  call({ clientId: 'bob', subscriptionId: 'sub-bob', productId: 'prod-2', status: 404, ...overrides });

/** The rows of one series dimension at one resolution, by value (each value at most once per bucket). */
function hitsBy(rows: readonly RollupRow[], resolution: 'minute' | 'hour', dimension: SeriesDimension): Record<string, number> {
  const result: Record<string, number> = {};
  for (const row of rows.filter((r) => r.resolution === resolution && r.dimension === dimension)) {
    const key = `${row.value}`;
    expect(key in result, `${resolution} ${dimension} '${key}' twice`).toBe(false);
    result[key] = row.hits;
  }
  return result;
}

function rowOf(rows: readonly RollupRow[], resolution: 'minute' | 'hour', dimension: SeriesDimension, value = ''): RollupRow {
  const found = rows.filter((r) => r.resolution === resolution && r.dimension === dimension && r.value === value);
  expect(found, `${resolution} ${dimension} '${value}'`).toHaveLength(1);
  return found[0] as RollupRow;
}

function builderWith(events: readonly AnalyticsEvent[], writerId = 'w'): RollupBuilder {
  const builder = new RollupBuilder(writerId, GRACE);
  for (const event of events) builder.add(event);
  return builder;
}

describe('RollupBuilder', () => {
  it('yields one row per resolution and series, with the hits of each value', () => {
    const builder = builderWith([call(), call(), call({ status: 200 }), bob()]);
    const { rows } = builder.flush();

    const keys = rows.map((r) => `${r.resolution}|${r.bucketStart}|${r.serverGroupId}|${r.dimension}|${r.value}`);
    expect(new Set(keys).size).toBe(rows.length);

    expect(hitsBy(rows, 'hour', 'client')).toEqual({ alice: 3, bob: 1 });
    expect(hitsBy(rows, 'hour', 'subscription')).toEqual({ 'sub-alice': 3, 'sub-bob': 1 });
    expect(hitsBy(rows, 'hour', 'organization')).toEqual({ 'org-1': 4 });
    for (const dimension of ['client', 'subscription', 'organization'] as const) expect(hitsBy(rows, 'minute', dimension)).toEqual({});

    for (const resolution of ['minute', 'hour'] as const) {
      expect(hitsBy(rows, resolution, 'all')).toEqual({ '': 4 });
      expect(hitsBy(rows, resolution, 'project')).toEqual({ 'proj-1': 4 });
      expect(hitsBy(rows, resolution, 'resource')).toEqual({ 'res-1': 4 });
      expect(hitsBy(rows, resolution, 'product')).toEqual({ 'prod-1': 3, 'prod-2': 1 });
      expect(hitsBy(rows, resolution, 'status')).toEqual({ '200': 3, '404': 1 });
      expect(hitsBy(rows, resolution, 'node')).toEqual({ 'node-a': 4 });
    }
    // minute: all, project, resource, 2 products, 2 statuses, node; hour: those plus 2 clients, 2 subscriptions, 1 organization.
    expect(rows.filter((r) => r.resolution === 'minute')).toHaveLength(8);
    expect(rows.filter((r) => r.resolution === 'hour')).toHaveLength(13);
    expect(rows).toHaveLength(21);
    expect(builder.size).toBe(21);

    for (const row of rows) {
      expect(row.serverGroupId).toBe('g1');
      expect(row.bucketStart).toBe(row.resolution === 'minute' ? MINUTE_05 : HOUR_10);
      expect(SERIES_AT[row.resolution]).toContain(row.dimension);
    }
  });

  it('counts errors, latencies and bytes into the rows', () => {
    const { rows } = builderWith([
      call({ latencyMs: 10, backendLatencyMs: 8, bytesIn: 1, bytesOut: 2 }),
      call({ status: 503, latencyMs: 30, backendLatencyMs: 25, bytesIn: 3, bytesOut: 4 }),
      bob({ latencyMs: 2, backendLatencyMs: null, bytesIn: 5, bytesOut: 6 }),
    ]).flush();
    expect(rowOf(rows, 'minute', 'all')).toMatchObject({
      hits: 3,
      errors4xx: 1,
      errors5xx: 1,
      latencySum: 42,
      backendHits: 2,
      backendLatencySum: 33,
      bytesIn: 9,
      bytesOut: 12,
    });
    expect(rowOf(rows, 'hour', 'client', 'bob')).toMatchObject({ hits: 1, errors4xx: 1, backendHits: 0, backendLatencySum: 0 });
  });

  it('keeps separate series per server group', () => {
    const { rows } = builderWith([call(), call({ serverGroupId: 'g2' }), call({ serverGroupId: 'g2' })]).flush();
    const all = rows.filter((r) => r.resolution === 'hour' && r.dimension === 'all');
    expect(Object.fromEntries(all.map((r) => [r.serverGroupId, r.hits]))).toEqual({ g1: 1, g2: 2 });
  });

  it("stores null dimension values as ''", () => {
    const noKey = call({
      projectId: null,
      resourceId: null,
      productId: null,
      clientId: null,
      subscriptionId: null,
      organizationId: null,
      status: 404,
    });
    const { rows } = builderWith([noKey, noKey, call()]).flush();
    for (const resolution of ['minute', 'hour'] as const) {
      for (const dimension of ['project', 'resource', 'product'] as const) {
        expect(Object.values(hitsBy(rows, resolution, dimension)).length).toBe(2);
        expect(hitsBy(rows, resolution, dimension)['']).toBe(2);
      }
    }
    expect(hitsBy(rows, 'hour', 'client')).toEqual({ '': 2, alice: 1 });
    expect(hitsBy(rows, 'hour', 'subscription')).toEqual({ '': 2, 'sub-alice': 1 });
    expect(hitsBy(rows, 'hour', 'organization')).toEqual({ '': 2, 'org-1': 1 });
    expect(hitsBy(rows, 'minute', 'status')).toEqual({ '404': 2, '200': 1 });
    for (const row of rows) expect(row.value).not.toBeNull();
  });

  it('reports running totals under the same writer id', () => {
    const builder = builderWith([call(), call(), call(), bob()]);
    const first = builder.flush();
    builder.written(first, MINUTE_05 + 45_000);
    builder.add(call());
    builder.add(call({ receivedAt: MINUTE_05 + 59_999 }));
    const second = builder.flush();

    expect(rowOf(second.rows, 'hour', 'client', 'alice').hits).toBe(5);
    expect(rowOf(second.rows, 'minute', 'all').hits).toBe(6);
    expect(rowOf(second.rows, 'hour', 'all').hits).toBe(6);
    for (const [resolution, dimension, value] of [
      ['hour', 'client', 'alice'],
      ['minute', 'all', ''],
      ['hour', 'all', ''],
      ['minute', 'status', '200'],
    ] as const) {
      expect(rowOf(second.rows, resolution, dimension, value).writerId).toBe(rowOf(first.rows, resolution, dimension, value).writerId);
    }
  });

  it('gives each series its own writer id, derived from the builder’s', () => {
    const { rows } = builderWith([call(), bob()], 'node-xyz').flush();
    expect(new Set(rows.map((r) => r.writerId)).size).toBe(rows.length);
    for (const row of rows) expect(row.writerId.startsWith('node-xyz')).toBe(true);
    const other = builderWith([call(), bob()], 'node-abc').flush().rows;
    const ours = new Set(rows.map((r) => r.writerId));
    for (const row of other) expect(ours.has(row.writerId)).toBe(false);
  });

  it('leaves unchanged series out of the next flush', () => {
    const builder = builderWith([call(), call(), bob()]);
    builder.written(builder.flush(), MINUTE_05 + 40_000);
    expect(builder.flush().rows).toEqual([]);

    builder.written(builder.flush(), MINUTE_05 + 41_000);
    builder.add(call());
    const { rows } = builder.flush();
    expect(hitsBy(rows, 'hour', 'client')).toEqual({ alice: 3 });
    expect(hitsBy(rows, 'minute', 'status')).toEqual({ '200': 3 });
    expect(hitsBy(rows, 'minute', 'product')).toEqual({ 'prod-1': 3 });
    expect(rows.some((r) => r.value === 'bob' || r.value === 'sub-bob' || r.value === 'prod-2' || r.value === '404')).toBe(false);
    // all, project, resource, product, status, node at both resolutions; client, subscription, organization per hour.
    expect(rows).toHaveLength(15);
  });

  it('gives calls in two minutes of one hour two minute rows and one hour row', () => {
    const { rows } = builderWith([call(), call({ receivedAt: MINUTE_07 + 1_000 }), call({ receivedAt: MINUTE_07 + 59_999 })]).flush();
    const minutes = rows.filter((r) => r.resolution === 'minute' && r.dimension === 'all');
    expect(Object.fromEntries(minutes.map((r) => [new Date(r.bucketStart).toISOString(), r.hits]))).toEqual({
      '2026-12-04T10:05:00.000Z': 1,
      '2026-12-04T10:07:00.000Z': 2,
    });
    const hours = rows.filter((r) => r.resolution === 'hour' && r.dimension === 'all');
    expect(hours).toHaveLength(1);
    expect(hours[0]).toMatchObject({ bucketStart: HOUR_10, hits: 3 });
    expect(hitsBy(rows, 'hour', 'client')).toEqual({ alice: 3 });
  });

  it('gives calls of two hours two hour rows', () => {
    const { rows } = builderWith([call(), call({ receivedAt: HOUR_10 + 3_600_000 })]).flush();
    const hours = rows.filter((r) => r.resolution === 'hour' && r.dimension === 'client');
    expect(hours.map((r) => [new Date(r.bucketStart).toISOString(), r.hits]).sort()).toEqual([
      ['2026-12-04T10:00:00.000Z', 1],
      ['2026-12-04T11:00:00.000Z', 1],
    ]);
  });

  it('keeps a closed bucket through its grace: a late call then adds to the same series', () => {
    const builder = builderWith([call()]);
    const first = builder.flush();
    const size = builder.size;
    builder.written(first, MINUTE_05 + 60_000 + GRACE); // exactly at the end of the grace: kept
    expect(builder.size).toBe(size);
    builder.add(call({ receivedAt: MINUTE_05 + 59_000 }));
    const second = builder.flush();
    const minute = rowOf(second.rows, 'minute', 'all');
    expect(minute.hits).toBe(2);
    expect(minute.writerId).toBe(rowOf(first.rows, 'minute', 'all').writerId);
  });

  it('forgets a written bucket past its grace: a late call starts a new series with a new writer id', () => {
    const builder = builderWith([call(), call()]);
    const first = builder.flush();
    const sizeBefore = builder.size;
    builder.written(first, MINUTE_05 + 60_000 + GRACE + 1);
    // The minute series are gone; the hour's (open until 11:00) are kept.
    expect(builder.size).toBe(sizeBefore - SERIES_AT.minute.length);

    builder.add(call({ receivedAt: MINUTE_05 + 1_000 }));
    const second = builder.flush();
    for (const dimension of SERIES_AT.minute) {
      const value = { all: '', project: 'proj-1', resource: 'res-1', product: 'prod-1', status: '200', node: 'node-a' }[dimension as 'all'];
      const late = rowOf(second.rows, 'minute', dimension, value);
      expect(late.hits).toBe(1);
      expect(late.bucketStart).toBe(MINUTE_05);
      expect(late.writerId).not.toBe(rowOf(first.rows, 'minute', dimension, value).writerId);
    }
    const hour = rowOf(second.rows, 'hour', 'all');
    expect(hour.hits).toBe(3);
    expect(hour.writerId).toBe(rowOf(first.rows, 'hour', 'all').writerId);

    builder.written(second, HOUR_10 + 3_600_000 + GRACE + 1);
    expect(builder.size).toBe(0);
    builder.add(call());
    const third = builder.flush();
    expect(rowOf(third.rows, 'hour', 'all').hits).toBe(1);
    expect(rowOf(third.rows, 'hour', 'all').writerId).not.toBe(hour.writerId);
  });

  it('does not forget a series that is still dirty, even past its grace', () => {
    const builder = builderWith([call()]);
    const first = builder.flush();
    builder.add(call({ receivedAt: MINUTE_05 + 2_000 }));
    const second = builder.flush(); // not written yet
    builder.written(first, MINUTE_05 + 60_000 + GRACE + 1); // an older flush's acknowledgement
    expect(builder.size).toBe(second.rows.length);
    const third = builder.flush();
    expect(rowOf(third.rows, 'minute', 'all')).toMatchObject({ hits: 2, writerId: rowOf(first.rows, 'minute', 'all').writerId });
  });

  it('keeps series of a failed write dirty: the next flush carries them with the new calls added', () => {
    const builder = builderWith([call(), call(), bob()]);
    const failed = builder.flush(); // never written
    builder.add(call());
    const retry = builder.flush();

    expect(retry.rows).toHaveLength(failed.rows.length);
    expect(rowOf(retry.rows, 'hour', 'client', 'alice').hits).toBe(3);
    expect(rowOf(retry.rows, 'hour', 'client', 'bob').hits).toBe(1);
    expect(rowOf(retry.rows, 'minute', 'status', '404').hits).toBe(1);
    expect(rowOf(retry.rows, 'minute', 'all').hits).toBe(4);
    for (const row of failed.rows) {
      expect(rowOf(retry.rows, row.resolution, row.dimension, row.value).writerId).toBe(row.writerId);
    }
    // The rows of the failed flush are a snapshot: the later calls did not change them.
    expect(rowOf(failed.rows, 'minute', 'all').hits).toBe(3);
    expect(decodeSketch(rowOf(failed.rows, 'minute', 'all').latencySketch).count).toBe(3);

    builder.written(retry, MINUTE_05 + 50_000);
    expect(builder.flush().rows).toEqual([]);
  });

  it('encodes sketches that decode to the right counts and latencies', () => {
    const { rows } = builderWith([
      call({ latencyMs: 100, backendLatencyMs: 90 }),
      call({ latencyMs: 200, backendLatencyMs: null }),
      call({ latencyMs: 0, backendLatencyMs: 0 }),
      bob({ latencyMs: 1, backendLatencyMs: null }),
      bob({ latencyMs: 400, backendLatencyMs: 380, receivedAt: MINUTE_07 }),
    ]).flush();
    for (const row of rows) {
      expect(decodeSketch(row.latencySketch).count).toBe(row.hits);
      expect(decodeSketch(row.backendLatencySketch).count).toBe(row.backendHits);
    }
    const all = rowOf(rows, 'hour', 'all');
    expect(all).toMatchObject({ hits: 5, backendHits: 3 });
    const latency = decodeSketch(all.latencySketch);
    expect(quantileOf(latency, 0)).toBeLessThanOrEqual(0.001);
    expect(quantileOf(latency, 0.25)).toBeCloseTo(1, 1);
    expect(Math.abs(quantileOf(latency, 1) - 400) / 400).toBeLessThanOrEqual(0.01);
    const bobHour = rowOf(rows, 'hour', 'client', 'bob');
    expect(decodeSketch(bobHour.latencySketch).count).toBe(2);
    expect(Math.abs(quantileOf(decodeSketch(bobHour.backendLatencySketch), 0.5) - 380) / 380).toBeLessThanOrEqual(0.01);
  });

  it('keeps sketch counts right across flushes of running totals (0 ms calls, then 0 and 1 ms calls)', () => {
    const builder = new RollupBuilder('w', GRACE);
    const rounds = [
      [0, 0, 0, 0],
      [0, 1, 1, 0, 1],
      [2, 0, 1],
      [1, 1],
    ];
    const seen: number[] = [];
    for (const latencies of rounds) {
      for (const latencyMs of latencies) {
        builder.add(call({ latencyMs, backendLatencyMs: latencyMs === 2 ? null : latencyMs }));
        seen.push(latencyMs);
      }
      const flush = builder.flush();
      const all = rowOf(flush.rows, 'minute', 'all');
      expect(all.hits).toBe(seen.length);
      const latency = decodeSketch(all.latencySketch);
      expect(latency.count).toBe(seen.length);
      expect(decodeSketch(all.backendLatencySketch).count).toBe(all.backendHits);
      const max = Math.max(...seen);
      expect(quantileOf(latency, 1)).toBeCloseTo(max === 0 ? 0.001 : max, max === 0 ? 3 : 1);
      builder.written(flush, MINUTE_05 + 40_000);
    }
  });
});
