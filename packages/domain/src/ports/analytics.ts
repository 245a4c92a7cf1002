import type { Totals } from '../analytics/aggregate.js';
import type { Resolution, SeriesDimension } from '../analytics/dimensions.js';

/**
 * One call through a gateway node, admitted or rejected: what analytics counts. Dimensions are
 * null where the call never got that far (a 404 has no project; a call without a recognised key
 * has no product, client or subscription).
 */
export interface AnalyticsEvent {
  /** Epoch ms the node received the request. */
  receivedAt: number;
  requestId: string;
  serverGroupId: string;
  nodeId: string;
  projectId: string | null;
  projectVersion: string | null;
  resourceId: string | null;
  productId: string | null;
  clientId: string | null;
  subscriptionId: string | null;
  organizationId: string | null;
  method: string;
  status: number;
  /** The catalogue code when the gateway answered the call itself (a rejection or failure); null when the backend did. */
  errorCode: string | null;
  /** Milliseconds from receiving the request to the end of the response. */
  latencyMs: number;
  /** Milliseconds from sending the request upstream to the backend's response head; null when no backend answered. */
  backendLatencyMs: number | null;
  bytesIn: number;
  bytesOut: number;
}

/**
 * One series of one time bucket, as one writer counted it. A writer is one in-memory aggregate of
 * one gateway process: it rewrites its row with its running totals at every flush, so a retried
 * write replaces rather than adds. Queries add the rows of all writers of a bucket.
 */
export interface RollupRow extends Totals {
  resolution: Resolution;
  /** Epoch ms, UTC start of the minute or hour. */
  bucketStart: number;
  serverGroupId: string;
  dimension: SeriesDimension;
  /** The dimension's value; `''` for `all` and for calls without one (no project, no key). */
  value: string;
  writerId: string;
  /** Latency sketches in their stored form (`encodeSketch` in `analytics/sketch.ts`). */
  latencySketch: Uint8Array;
  backendLatencySketch: Uint8Array;
}

/** What a node writes at each flush, in one transaction. */
export interface AnalyticsBatch {
  /** Raw events, stored once per request id. */
  events: readonly AnalyticsEvent[];
  /** Rollup rows to insert or replace. */
  rollups: readonly RollupRow[];
}

/** Where gateway nodes write their events and rollups, in batches, off the hot path. */
export interface AnalyticsSink {
  /** Writes a batch in one transaction: all of it lands, or none. */
  write(batch: AnalyticsBatch): Promise<void>;
}

/** Rollup rows of one series in `[from, to)`. */
export interface RollupFilter {
  resolution: Resolution;
  dimension: SeriesDimension;
  from: number;
  to: number;
  serverGroupId?: string;
  /** Only values in this inclusive text range (one value: `min === max`; a status class: `'400'`–`'499'`). */
  values?: { min: string; max: string };
  /** Only these values (an empty list selects none). */
  valueIn?: readonly string[];
}

/** Raw events in `[from, to)` matching every given filter. */
export interface EventFilter {
  from: number;
  to: number;
  serverGroupId?: string;
  projectId?: string;
  resourceId?: string;
  productId?: string;
  clientId?: string;
  subscriptionId?: string;
  organizationId?: string;
  nodeId?: string;
  /** Inclusive status range. */
  status?: { min: number; max: number };
}

/** Everything older than these (epoch ms) is deleted. */
export interface RetentionCutoffs {
  raw: number;
  minute: number;
  hour: number;
}

/** Rows deleted by a prune. */
export interface PrunedRows {
  raw: number;
  minute: number;
  hour: number;
  traces: number;
}

/** Reads what nodes wrote, for the query API, and applies retention. */
export interface AnalyticsReader {
  rollups(filter: RollupFilter): AsyncIterable<RollupRow>;
  /** The `limit` values with the most hits among the rows the filter selects, most first (ties by value). */
  topValues(filter: RollupFilter, limit: number): Promise<string[]>;
  events(filter: EventFilter): AsyncIterable<AnalyticsEvent>;
  /** Deletes raw events and traced calls, minute rows and hour rows older than their cutoffs; returns the rows deleted. */
  prune(cutoffs: RetentionCutoffs): Promise<PrunedRows>;
}

/** The store's analytics: written by gateway nodes, read by the management API. */
export interface AnalyticsStore extends AnalyticsSink, AnalyticsReader {}
