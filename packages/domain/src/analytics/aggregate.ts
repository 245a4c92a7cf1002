import type { AnalyticsEvent, RollupRow } from '../ports/analytics.js';
import { addEncodedSketch, type LatencySketch, mergeSketch, newSketch, quantileOf } from './sketch.js';

/** The additive part of a set of calls: counts and sums. */
export interface Totals {
  hits: number;
  errors4xx: number;
  errors5xx: number;
  latencySum: number;
  /** Calls a backend answered: the denominator of the backend latency average. */
  backendHits: number;
  backendLatencySum: number;
  bytesIn: number;
  bytesOut: number;
}

/** A set of calls: totals plus mergeable latency sketches (total and backend). */
export interface Aggregate extends Totals {
  latency: LatencySketch;
  backendLatency: LatencySketch;
}

/** A set of no calls. */
export function emptyAggregate(): Aggregate {
  return {
    hits: 0,
    errors4xx: 0,
    errors5xx: 0,
    latencySum: 0,
    backendHits: 0,
    backendLatencySum: 0,
    bytesIn: 0,
    bytesOut: 0,
    latency: newSketch(),
    backendLatency: newSketch(),
  };
}

/**
 * Sketches hold positive values; a latency of 0 (below the clock's resolution) is kept as
 * 1 µs so it still counts at its rank.
 */
const MIN_LATENCY_MS = 0.001;

/** Counts one call into `into`. */
export function addEvent(into: Aggregate, event: AnalyticsEvent): void {
  into.hits++;
  if (event.status >= 400 && event.status < 500) into.errors4xx++;
  else if (event.status >= 500) into.errors5xx++;
  into.latencySum += event.latencyMs;
  into.latency.accept(Math.max(event.latencyMs, MIN_LATENCY_MS));
  if (event.backendLatencyMs !== null) {
    into.backendHits++;
    into.backendLatencySum += event.backendLatencyMs;
    into.backendLatency.accept(Math.max(event.backendLatencyMs, MIN_LATENCY_MS));
  }
  into.bytesIn += event.bytesIn;
  into.bytesOut += event.bytesOut;
}

/** Adds the counts and sums of `from` into `into`. */
function addTotals(into: Totals, from: Totals): void {
  into.hits += from.hits;
  into.errors4xx += from.errors4xx;
  into.errors5xx += from.errors5xx;
  into.latencySum += from.latencySum;
  into.backendHits += from.backendHits;
  into.backendLatencySum += from.backendLatencySum;
  into.bytesIn += from.bytesIn;
  into.bytesOut += from.bytesOut;
}

/** Adds `from` into `into` (sketches merge exactly; see `mergeSketch`). */
export function mergeAggregate(into: Aggregate, from: Aggregate): void {
  addTotals(into, from);
  mergeSketch(into.latency, from.latency);
  mergeSketch(into.backendLatency, from.backendLatency);
}

/** Latency statistics in milliseconds. */
export interface LatencyStats {
  avg: number;
  p50: number;
  p95: number;
  p99: number;
}

/** What the query API answers for a set of calls. */
export interface AnalyticsFigures {
  hits: number;
  errors4xx: number;
  errors5xx: number;
  /** (4xx + 5xx) / hits; 0 without hits. */
  errorRate: number;
  latency: LatencyStats;
  /** Over the calls a backend answered. */
  backendLatency: LatencyStats;
  bytesIn: number;
  bytesOut: number;
}

/** Milliseconds to the microsecond: more digits would claim a precision nobody measured. */
const round = (value: number): number => Math.round(value * 1000) / 1000;

function statsOf(sketch: LatencySketch, sum: number, count: number): LatencyStats {
  return {
    avg: count === 0 ? 0 : round(sum / count),
    p50: round(quantileOf(sketch, 0.5)),
    p95: round(quantileOf(sketch, 0.95)),
    p99: round(quantileOf(sketch, 0.99)),
  };
}

/** The figures of an aggregate; an empty one is all zeros. */
export function figuresOf(aggregate: Aggregate): AnalyticsFigures {
  const { hits, errors4xx, errors5xx } = aggregate;
  return {
    hits,
    errors4xx,
    errors5xx,
    errorRate: hits === 0 ? 0 : Math.round(((errors4xx + errors5xx) / hits) * 1e6) / 1e6,
    latency: statsOf(aggregate.latency, aggregate.latencySum, hits),
    backendLatency: statsOf(aggregate.backendLatency, aggregate.backendLatencySum, aggregate.backendHits),
    bytesIn: aggregate.bytesIn,
    bytesOut: aggregate.bytesOut,
  };
}

/** Adds a stored rollup row into `into`, its sketches' bins straight into `into`'s sketches. */
export function addRow(into: Aggregate, row: RollupRow): void {
  addTotals(into, row);
  addEncodedSketch(into.latency, row.latencySketch);
  addEncodedSketch(into.backendLatency, row.backendLatencySketch);
}
