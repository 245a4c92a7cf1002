import { describe, expect, it } from 'vitest';
import type { AnalyticsEvent, RollupRow } from '../ports/analytics.js';
import { type Aggregate, addEvent, addRow, emptyAggregate, figuresOf, mergeAggregate } from './aggregate.js';
import { encodeSketch, quantileOf } from './sketch.js';

function event(overrides: Partial<AnalyticsEvent> = {}): AnalyticsEvent {
  return {
    receivedAt: Date.UTC(2026, 11, 4, 10, 5, 30),
    requestId: 'req',
    serverGroupId: 'g1',
    nodeId: 'n1',
    projectId: 'pr1',
    projectVersion: '1',
    resourceId: 'r1',
    productId: 'p1',
    clientId: 'c1',
    subscriptionId: 's1',
    organizationId: 'o1',
    method: 'GET',
    status: 200,
    errorCode: null,
    latencyMs: 10,
    backendLatencyMs: 8,
    bytesIn: 100,
    bytesOut: 1000,
    ...overrides,
  };
}

function aggregateOf(events: readonly AnalyticsEvent[]): Aggregate {
  const aggregate = emptyAggregate();
  for (const e of events) addEvent(aggregate, e);
  return aggregate;
}

/** A varied, reproducible set of calls: integer latencies from 0 ms (incl. 1 ms), some without a backend. */
function manyEvents(n: number): AnalyticsEvent[] {
  const statuses = [200, 200, 200, 201, 204, 302, 400, 401, 404, 429, 500, 502, 503];
  const events: AnalyticsEvent[] = [];
  for (let i = 0; i < n; i++) {
    const latencyMs = (i * 7919) % 97 === 0 ? 0 : ((i * 7919) % 13) * ((i % 5) + 1);
    events.push(
      event({
        requestId: `r${i}`,
        status: statuses[i % statuses.length] as number,
        latencyMs,
        backendLatencyMs: i % 4 === 0 ? null : Math.max(0, latencyMs - 1),
        bytesIn: i % 17,
        bytesOut: (i * 31) % 1001,
      }),
    );
  }
  return events;
}

function rowOf(aggregate: Aggregate): RollupRow {
  const { latency, backendLatency, ...totals } = aggregate;
  return {
    resolution: 'minute',
    bucketStart: Date.UTC(2026, 11, 4, 10, 5),
    serverGroupId: 'g1',
    dimension: 'all',
    value: '',
    writerId: 'w.1',
    ...totals,
    latencySketch: encodeSketch(latency),
    backendLatencySketch: encodeSketch(backendLatency),
  };
}

describe('addEvent', () => {
  it('counts hits, 4xx and 5xx (not 1xx–3xx) and sums latencies and bytes', () => {
    const aggregate = aggregateOf([
      event({ status: 200, latencyMs: 10, backendLatencyMs: 8, bytesIn: 1, bytesOut: 10 }),
      event({ status: 302, latencyMs: 20, backendLatencyMs: 15, bytesIn: 2, bytesOut: 20 }),
      event({ status: 399, latencyMs: 1, backendLatencyMs: 1, bytesIn: 0, bytesOut: 0 }),
      event({ status: 400, latencyMs: 30, backendLatencyMs: 25, bytesIn: 3, bytesOut: 30 }),
      event({ status: 499, latencyMs: 4, backendLatencyMs: null, bytesIn: 4, bytesOut: 40 }),
      event({ status: 500, latencyMs: 50, backendLatencyMs: 45, bytesIn: 5, bytesOut: 50 }),
      event({ status: 504, latencyMs: 60, backendLatencyMs: null, bytesIn: 6, bytesOut: 60 }),
    ]);
    expect(aggregate).toMatchObject({
      hits: 7,
      errors4xx: 2,
      errors5xx: 2,
      latencySum: 175,
      backendHits: 5,
      backendLatencySum: 94,
      bytesIn: 21,
      bytesOut: 210,
    });
    expect(aggregate.latency.count).toBe(7);
    expect(aggregate.backendLatency.count).toBe(5);
  });

  it('keeps backend statistics only for calls a backend answered (backendLatencyMs not null)', () => {
    const aggregate = aggregateOf([
      event({ status: 401, latencyMs: 2, backendLatencyMs: null }),
      event({ status: 429, latencyMs: 3, backendLatencyMs: null }),
      event({ status: 200, latencyMs: 100, backendLatencyMs: 90 }),
    ]);
    expect(aggregate.backendHits).toBe(1);
    expect(aggregate.backendLatencySum).toBe(90);
    expect(aggregate.backendLatency.count).toBe(1);
    const figures = figuresOf(aggregate);
    expect(figures.backendLatency.avg).toBe(90);
    expect(Math.abs(figures.backendLatency.p50 - 90) / 90).toBeLessThanOrEqual(0.01);
    expect(figures.latency.avg).toBe(35);
  });

  it('counts a backend latency of 0 as an answered call', () => {
    const aggregate = aggregateOf([event({ latencyMs: 0, backendLatencyMs: 0 })]);
    expect(aggregate.backendHits).toBe(1);
    expect(aggregate.backendLatency.count).toBe(1);
  });

  it('still counts a latency of 0, at the bottom rank', () => {
    const aggregate = aggregateOf([event({ latencyMs: 0 }), event({ latencyMs: 0 }), event({ latencyMs: 50 })]);
    expect(aggregate.hits).toBe(3);
    expect(aggregate.latencySum).toBe(50);
    expect(aggregate.latency.count).toBe(3);
    expect(quantileOf(aggregate.latency, 0.5)).toBeLessThanOrEqual(0.001);
    expect(quantileOf(aggregate.latency, 1)).toBeCloseTo(50, -1);
    const { latency } = figuresOf(aggregate);
    expect(latency.p50).toBeLessThanOrEqual(0.001);
    expect(latency.p50).toBeGreaterThanOrEqual(0);
    expect(latency.avg).toBe(16.667);
  });
});

describe('figuresOf', () => {
  it('is all zeros for an empty aggregate', () => {
    const zeros = { avg: 0, p50: 0, p95: 0, p99: 0 };
    expect(figuresOf(emptyAggregate())).toEqual({
      hits: 0,
      errors4xx: 0,
      errors5xx: 0,
      errorRate: 0,
      latency: zeros,
      backendLatency: zeros,
      bytesIn: 0,
      bytesOut: 0,
    });
  });

  it('gives the error rate as (4xx + 5xx) / hits, rounded to 6 digits', () => {
    const calls = [200, 204, 404, 503, 200, 200].map((status) => event({ status }));
    expect(figuresOf(aggregateOf(calls)).errorRate).toBe(0.333333);
    expect(figuresOf(aggregateOf([event({ status: 500 }), event({ status: 400 })])).errorRate).toBe(1);
    expect(figuresOf(aggregateOf([event({ status: 200 })])).errorRate).toBe(0);
    expect(figuresOf(aggregateOf([event({ status: 302 }), event({ status: 429 }), event({ status: 200 })])).errorRate).toBe(0.333333);
  });

  it('gives averages and percentiles of total and backend latency', () => {
    const calls = Array.from({ length: 100 }, (_, i) => event({ latencyMs: i + 1, backendLatencyMs: i % 2 === 0 ? null : (i + 1) * 2 }));
    const figures = figuresOf(aggregateOf(calls));
    expect(figures.hits).toBe(100);
    expect(figures.latency.avg).toBe(50.5);
    // Ranks floor(q·99) of 1..100: 50, 95, 99 (within the sketch's 1 %).
    expect(Math.abs(figures.latency.p50 - 50) / 50).toBeLessThanOrEqual(0.01);
    expect(Math.abs(figures.latency.p95 - 95) / 95).toBeLessThanOrEqual(0.01);
    expect(Math.abs(figures.latency.p99 - 99) / 99).toBeLessThanOrEqual(0.01);
    // Backend: 4, 8, …, 200 (50 calls); avg 102; ranks floor(q·49): 24 → 100, 46 → 188, 48 → 196.
    expect(figures.backendLatency.avg).toBe(102);
    expect(Math.abs(figures.backendLatency.p50 - 100) / 100).toBeLessThanOrEqual(0.01);
    expect(Math.abs(figures.backendLatency.p95 - 188) / 188).toBeLessThanOrEqual(0.01);
    expect(Math.abs(figures.backendLatency.p99 - 196) / 196).toBeLessThanOrEqual(0.01);
  });

  it('rounds milliseconds to the microsecond', () => {
    const figures = figuresOf(aggregateOf([event({ latencyMs: 1 }), event({ latencyMs: 1 }), event({ latencyMs: 2 })]));
    expect(figures.latency.avg).toBe(1.333);
    for (const value of [figures.latency.p50, figures.latency.p95, figures.latency.p99]) {
      expect(Math.round(value * 1000) / 1000).toBe(value);
    }
  });
});

describe('mergeAggregate', () => {
  it('equals adding all the calls to one aggregate', () => {
    const events = manyEvents(2_000);
    const whole = aggregateOf(events);
    for (const split of [1, 7, 500, 1_000, 1_999]) {
      const merged = aggregateOf(events.slice(0, split));
      mergeAggregate(merged, aggregateOf(events.slice(split)));
      expect(figuresOf(merged)).toEqual(figuresOf(whole));
      expect(merged.latency.count).toBe(whole.latency.count);
      expect(merged.backendLatency.count).toBe(whole.backendLatency.count);
    }
  });

  it('merges many small aggregates (one per call) into the aggregate of all', () => {
    const events = manyEvents(300);
    const merged = emptyAggregate();
    for (const e of events) mergeAggregate(merged, aggregateOf([e]));
    expect(figuresOf(merged)).toEqual(figuresOf(aggregateOf(events)));
  });

  it('merges calls of 0 and 1 ms into an aggregate of 0 ms calls', () => {
    const into = aggregateOf([event({ latencyMs: 0, backendLatencyMs: 0 })]);
    const from = aggregateOf([
      event({ latencyMs: 0, backendLatencyMs: 0 }),
      event({ latencyMs: 1, backendLatencyMs: 1 }),
      event({ latencyMs: 1, backendLatencyMs: 1 }),
    ]);
    mergeAggregate(into, from);
    const whole = aggregateOf([
      event({ latencyMs: 0, backendLatencyMs: 0 }),
      event({ latencyMs: 0, backendLatencyMs: 0 }),
      event({ latencyMs: 1, backendLatencyMs: 1 }),
      event({ latencyMs: 1, backendLatencyMs: 1 }),
    ]);
    expect(figuresOf(into)).toEqual(figuresOf(whole));
    // Ranks floor(q·3): p50 → the second 0 ms call, p95 and p99 → the first 1 ms call.
    expect(figuresOf(into).latency.p50).toBeLessThanOrEqual(0.001);
    expect(figuresOf(into).latency.p99).toBeCloseTo(1, 1);
    expect(figuresOf(into).backendLatency.p95).toBeCloseTo(1, 1);
    expect(decodedRow(rowOf(into)).latency.count).toBe(4);
  });

  it('with an empty aggregate on either side is the other one', () => {
    const events = manyEvents(50);
    const a = aggregateOf(events);
    mergeAggregate(a, emptyAggregate());
    expect(figuresOf(a)).toEqual(figuresOf(aggregateOf(events)));
    const b = emptyAggregate();
    mergeAggregate(b, aggregateOf(events));
    expect(figuresOf(b)).toEqual(figuresOf(aggregateOf(events)));
  });

  it('leaves the merged-from aggregate unchanged', () => {
    const from = aggregateOf(manyEvents(40));
    const before = figuresOf(from);
    const into = emptyAggregate();
    mergeAggregate(into, from);
    addEvent(into, event({ latencyMs: 5000 }));
    expect(figuresOf(from)).toEqual(before);
  });
});

/** A stored row read back as a query reads it: added into an empty aggregate. */
function decodedRow(row: RollupRow): Aggregate {
  const aggregate = emptyAggregate();
  addRow(aggregate, row);
  return aggregate;
}

describe('addRow', () => {
  it('round-trips a row built from an aggregate', () => {
    const original = aggregateOf(manyEvents(1_000));
    const decoded = decodedRow(rowOf(original));
    expect(figuresOf(decoded)).toEqual(figuresOf(original));
    expect(decoded.latency.count).toBe(original.latency.count);
    expect(decoded.backendLatency.count).toBe(original.backendLatency.count);
    const { latency: _l, backendLatency: _b, ...totals } = decoded;
    const { latency: _ol, backendLatency: _ob, ...originalTotals } = original;
    expect(totals).toEqual(originalTotals);
  });

  it('adds rows into one aggregate as the aggregates they came from would merge', () => {
    const events = manyEvents(600);
    const merged = emptyAggregate();
    for (const part of [events.slice(0, 100), events.slice(100, 350), events.slice(350)]) {
      addRow(merged, rowOf(aggregateOf(part)));
    }
    expect(figuresOf(merged)).toEqual(figuresOf(aggregateOf(events)));
  });

  it('round-trips an empty aggregate', () => {
    expect(figuresOf(decodedRow(rowOf(emptyAggregate())))).toEqual(figuresOf(emptyAggregate()));
  });
});
