import type { AnalyticsBatch, AnalyticsEvent, RollupRow } from '@tollgate/domain';
import { afterEach, describe, expect, it } from 'vitest';
import { recordingLogger } from '../testing/index.js';
import { EventRecorder } from './recorder.js';

const event = (n: number): AnalyticsEvent => ({
  receivedAt: n,
  requestId: `r${n}`,
  serverGroupId: 'production',
  nodeId: 'n1',
  projectId: null,
  projectVersion: null,
  resourceId: null,
  productId: null,
  clientId: null,
  subscriptionId: null,
  organizationId: null,
  method: 'GET',
  status: 200,
  errorCode: null,
  latencyMs: 1,
  backendLatencyMs: null,
  bytesIn: 0,
  bytesOut: 0,
});

/** A sink that keeps batches (the store's own contract is tested against SQLite and PostgreSQL). */
function sink() {
  const batches: AnalyticsEvent[][] = [];
  const rollups: RollupRow[][] = [];
  const state = { failing: false };
  return {
    batches,
    rollups,
    state,
    written: () => batches.flat().map((e) => e.requestId),
    /** Hits of the `all` series per bucket as last written (rows replace earlier ones). */
    allHits: () => {
      const latest = new Map<string, number>();
      for (const row of rollups.flat())
        if (row.dimension === 'all') latest.set(`${row.resolution}@${row.bucketStart}/${row.writerId}`, row.hits);
      return [...latest.entries()].sort();
    },
    write: async ({ events, rollups: rows }: AnalyticsBatch) => {
      if (state.failing) throw Object.assign(new Error('store down'), { code: 'STORAGE_UNAVAILABLE' });
      if (events.some((e) => e.requestId === 'bad')) throw new Error('NOT NULL constraint failed');
      if (events.length > 0) batches.push([...events]);
      if (rows.length > 0) rollups.push([...rows]);
    },
  };
}

let recorder: EventRecorder | undefined;
afterEach(async () => {
  await recorder?.close();
  recorder = undefined;
});

describe('analytics: event recorder', () => {
  it('writes in batches of batchSize, in order', async () => {
    const target = sink();
    recorder = new EventRecorder(target, recordingLogger(), { batchSize: 2, flushIntervalMs: 60_000 });
    for (let i = 0; i < 5; i++) recorder.push(event(i));
    await recorder.flush();
    expect(target.batches.map((b) => b.length)).toEqual([2, 2, 1]);
    expect(target.written()).toEqual(['r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('drops and counts what does not fit in the buffer, never more than the bound is held', () => {
    recorder = new EventRecorder(sink(), recordingLogger(), { maxBuffered: 3, batchSize: 100, flushIntervalMs: 60_000 });
    for (let i = 0; i < 5; i++) recorder.push(event(i));
    expect(recorder.pending).toBe(3);
    expect(recorder.dropped).toBe(2);
  });

  it('writes the rollup series with the first batch, then only the series that changed, as whole running totals', async () => {
    const target = sink();
    recorder = new EventRecorder(target, recordingLogger(), { batchSize: 100, flushIntervalMs: 60_000 });
    const now = Date.now();
    const minute = Math.floor(now / 60_000) * 60_000;
    for (let i = 0; i < 3; i++) recorder.push({ ...event(i), receivedAt: now });
    await recorder.flush();
    expect(target.rollups).toHaveLength(1);
    const writer = target.rollups[0]?.find((row) => row.resolution === 'minute' && row.dimension === 'all')?.writerId;
    const minuteHits = () => target.allHits().filter(([key]) => key.startsWith('minute'));
    expect(minuteHits()).toEqual([[`minute@${minute}/${writer}`, 3]]);
    await recorder.flush();
    expect(target.rollups).toHaveLength(1);
    recorder.push({ ...event(4), receivedAt: now });
    await recorder.flush();
    expect(target.rollups).toHaveLength(2);
    expect(minuteHits()).toEqual([[`minute@${minute}/${writer}`, 4]]);
  });

  it('with raw events off, writes the rollups only and buffers nothing', async () => {
    const target = sink();
    recorder = new EventRecorder(target, recordingLogger(), { batchSize: 1, flushIntervalMs: 60_000, rawEvents: false });
    for (let i = 0; i < 3; i++) recorder.push(event(i));
    expect(recorder.pending).toBe(0);
    await recorder.flush();
    expect(target.batches).toEqual([]);
    expect(target.allHits().map(([, hits]) => hits)).toEqual([3, 3]);
  });

  it('rewrites the rollups the store refused at the next flush, with what came since', async () => {
    const target = sink();
    recorder = new EventRecorder(target, recordingLogger(), { batchSize: 10, flushIntervalMs: 60_000, rawEvents: false });
    recorder.push(event(1));
    target.state.failing = true;
    await recorder.flush();
    target.state.failing = false;
    recorder.push(event(2));
    await recorder.flush();
    expect(target.rollups).toHaveLength(1);
    expect(target.allHits().map(([, hits]) => hits)).toEqual([2, 2]);
  });

  it('keeps a batch the store refused and writes it at the next flush, logging once per failure', async () => {
    const target = sink();
    const logger = recordingLogger();
    recorder = new EventRecorder(target, logger, { batchSize: 10, flushIntervalMs: 60_000 });
    recorder.push(event(1));
    target.state.failing = true;
    await recorder.flush();
    expect(recorder.pending).toBe(1);
    expect(logger.entries.filter((e) => e.level === 'warn')).toHaveLength(1);
    target.state.failing = false;
    recorder.push(event(2));
    await recorder.flush();
    expect(target.written()).toEqual(['r1', 'r2']);
    expect(recorder.dropped).toBe(0);
  });

  it('flushes on its timer without being asked', async () => {
    const target = sink();
    recorder = new EventRecorder(target, recordingLogger(), { batchSize: 100, flushIntervalMs: 10 });
    recorder.push(event(1));
    for (let i = 0; i < 100 && target.written().length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(target.written()).toEqual(['r1']);
  });

  it('writes everything left on close', async () => {
    const target = sink();
    const closing = new EventRecorder(target, recordingLogger(), { batchSize: 2, flushIntervalMs: 60_000 });
    for (let i = 0; i < 3; i++) closing.push(event(i));
    await closing.close();
    expect(target.written()).toEqual(['r0', 'r1', 'r2']);
  });

  it('drops and counts a batch the store refuses for its content, and goes on with the next', async () => {
    const target = sink();
    const logger = recordingLogger();
    recorder = new EventRecorder(target, logger, { batchSize: 1, flushIntervalMs: 60_000 });
    recorder.push({ ...event(1), requestId: 'bad' });
    recorder.push(event(2));
    await recorder.flush();
    expect(target.written()).toEqual(['r2']);
    expect(recorder.dropped).toBe(1);
    expect(recorder.pending).toBe(0);
    expect(logger.entries.filter((e) => e.level === 'error')).toHaveLength(1);
  });
});
