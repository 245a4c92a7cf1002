import type { AnalyticsEvent, RollupRow } from '../ports/analytics.js';
import { type Aggregate, addEvent, emptyAggregate, mergeAggregate } from './aggregate.js';
import { bucketStart, dimensionValue, INTERVAL_MS, type Resolution, SERIES_AT, type SeriesDimension } from './dimensions.js';
import { encodeSketch } from './sketch.js';

/** One series of one bucket, as this builder counts it. */
interface Series {
  resolution: Resolution;
  bucketStart: number;
  serverGroupId: string;
  dimension: SeriesDimension;
  value: string;
  writerId: string;
  aggregate: Aggregate;
  /** Changed since its row was last stored. */
  dirty: boolean;
  /** Folds into it so far: tells whether a flush's row is still its latest. */
  changes: number;
}

/**
 * Calls sharing every dimension and minute: folded into the series at the next flush. The
 * aggregate is made for the second call only: most groups of sparse traffic hold one call, and
 * two sketches per call would be most of the builder's garbage.
 */
interface Tuple {
  event: AnalyticsEvent;
  aggregate: Aggregate | undefined;
}

/** The series rows of one flush; hand it back to `written` once stored. */
export interface RollupFlush {
  rows: RollupRow[];
  /** The series of the rows, with their `changes` when flushed. */
  series: ReadonlyArray<{ series: Series; changes: number }>;
}

const RESOLUTIONS: readonly Resolution[] = ['minute', 'hour'];

/**
 * A gateway node's rollups in memory: running totals and latency sketches per series (see
 * `SERIES_RESOLUTIONS`) of each open minute and hour. Each flush stores the series that
 * changed, as whole rows that replace the previous ones, so a failed write is simply retried by
 * the next. A series is forgotten `graceMs` after its bucket closed and its last row was stored;
 * a call of that bucket arriving later (a very long request) starts a new series with its own
 * writer id, whose row adds to the stored one instead of replacing it.
 *
 * `add` is cheap (one map lookup per call): calls are grouped by all their dimensions first,
 * and only those groups are merged into the series, at flush time.
 */
export class RollupBuilder {
  private tuples = new Map<string, Tuple>();
  private readonly series = new Map<string, Series>();
  private sequence = 0;

  /**
   * @param writerId unique to this process (a restarted node must not replace rows of its previous life).
   * @param graceMs how long a closed bucket stays in memory for late calls; default 2 minutes.
   */
  constructor(
    private readonly writerId: string,
    private readonly graceMs = 120_000,
  ) {}

  /** Series held in memory. */
  get size(): number {
    return this.series.size;
  }

  /** Counts one call. */
  add(event: AnalyticsEvent): void {
    // '' for an absent id: ids are never empty, so no id can pass for an absent one.
    const key = `${bucketStart('minute', event.receivedAt)}\u0001${event.serverGroupId}\u0001${event.nodeId}\u0001${event.projectId ?? ''}\u0001${event.resourceId ?? ''}\u0001${event.productId ?? ''}\u0001${event.clientId ?? ''}\u0001${event.subscriptionId ?? ''}\u0001${event.organizationId ?? ''}\u0001${event.status}`;
    const tuple = this.tuples.get(key);
    if (tuple === undefined) {
      this.tuples.set(key, { event, aggregate: undefined });
      return;
    }
    if (tuple.aggregate === undefined) {
      tuple.aggregate = emptyAggregate();
      addEvent(tuple.aggregate, tuple.event);
    }
    addEvent(tuple.aggregate, event);
  }

  /** Folds the calls added since the last flush into their series and returns the rows of every changed series. */
  flush(): RollupFlush {
    for (const tuple of this.tuples.values()) this.fold(tuple);
    this.tuples = new Map();
    const series = [...this.series.values()].filter((s) => s.dirty);
    return { series: series.map((s) => ({ series: s, changes: s.changes })), rows: series.map(toRow) };
  }

  /**
   * The rows of `flush` are stored: their series are clean now, unless a later flush folded more
   * calls into them (its rows are still to be stored), and closed buckets past their grace are
   * forgotten.
   */
  written(flush: RollupFlush, now: number): void {
    for (const { series, changes } of flush.series) if (series.changes === changes) series.dirty = false;
    for (const [key, series] of this.series) {
      if (!series.dirty && series.bucketStart + INTERVAL_MS[series.resolution] + this.graceMs < now) this.series.delete(key);
    }
  }

  private fold({ event, aggregate }: Tuple): void {
    for (const resolution of RESOLUTIONS) {
      const start = bucketStart(resolution, event.receivedAt);
      for (const dimension of SERIES_AT[resolution]) {
        const value = dimensionValue(event, dimension) ?? '';
        const key = `${resolution}\u0001${start}\u0001${event.serverGroupId}\u0001${dimension}\u0001${value}`;
        let series = this.series.get(key);
        if (series === undefined) {
          series = {
            resolution,
            bucketStart: start,
            serverGroupId: event.serverGroupId,
            dimension,
            value,
            writerId: `${this.writerId}.${++this.sequence}`,
            aggregate: emptyAggregate(),
            dirty: false,
            changes: 0,
          };
          this.series.set(key, series);
        }
        if (aggregate === undefined) addEvent(series.aggregate, event);
        else mergeAggregate(series.aggregate, aggregate);
        series.dirty = true;
        series.changes++;
      }
    }
  }
}

function toRow(series: Series): RollupRow {
  const { aggregate } = series;
  return {
    resolution: series.resolution,
    bucketStart: series.bucketStart,
    serverGroupId: series.serverGroupId,
    dimension: series.dimension,
    value: series.value,
    writerId: series.writerId,
    hits: aggregate.hits,
    errors4xx: aggregate.errors4xx,
    errors5xx: aggregate.errors5xx,
    latencySum: aggregate.latencySum,
    backendHits: aggregate.backendHits,
    backendLatencySum: aggregate.backendLatencySum,
    bytesIn: aggregate.bytesIn,
    bytesOut: aggregate.bytesOut,
    latencySketch: encodeSketch(aggregate.latency),
    backendLatencySketch: encodeSketch(aggregate.backendLatency),
  };
}
