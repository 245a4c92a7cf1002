import { randomBytes } from 'node:crypto';
import { type AnalyticsEvent, type AnalyticsSink, RollupBuilder, type RollupFlush } from '@tollgate/domain';
import { PeriodicFlush } from '../periodic-flush.js';
import type { GatewayLogger } from '../pipeline.js';

/** How the recorder batches. */
export interface RecorderOptions {
  /** Most events held in memory; an event that finds the buffer full is dropped and counted. Default 50,000. */
  maxBuffered?: number;
  /** A batch is written once this many events wait, or at the latest every `flushIntervalMs`. Default 250. */
  batchSize?: number;
  /** Default 1,000 ms: the events a kill -9 can lose are those of the last second. */
  flushIntervalMs?: number;
  /** Store every raw event (default true); false: rollups only. */
  rawEvents?: boolean;
}

/**
 * Records the node's calls off the hot path: each call is counted into the in-memory rollups
 * (`RollupBuilder`: one map lookup) and, with raw events on, appended to a bounded buffer.
 * Every flush writes the rollup series that changed and the buffered events in batches. An
 * event that finds the buffer full is dropped from the raw events and counted (`dropped`),
 * never silently; it is still counted in the rollups. A batch the store refuses goes back to
 * the front of the buffer and is retried at the next flush (as far as it fits); the rollups
 * are rewritten whole by the next flush. `close` writes everything left.
 */
export class EventRecorder {
  private buffer: AnalyticsEvent[] = [];
  private droppedCount = 0;
  private readonly flusher: PeriodicFlush;
  private readonly maxBuffered: number;
  private readonly batchSize: number;
  private readonly rawEvents: boolean;
  /** Unique per process: a restarted node's rows add to, never replace, those of its previous life. */
  private readonly rollups = new RollupBuilder(randomBytes(9).toString('base64url'));

  constructor(
    private readonly sink: AnalyticsSink,
    private readonly logger: GatewayLogger,
    options: RecorderOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 50_000;
    this.batchSize = options.batchSize ?? 500;
    this.rawEvents = options.rawEvents ?? true;
    this.flusher = new PeriodicFlush(
      () => this.writeAll(),
      options.flushIntervalMs ?? 1_000,
      () => this.buffer.length > 0,
    );
  }

  /** Events dropped because the buffer was full, since the node started. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Events waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  push(event: AnalyticsEvent): void {
    this.rollups.add(event);
    if (!this.rawEvents) return;
    if (this.buffer.length >= this.maxBuffered) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize && !this.flusher.busy) void this.flush();
  }

  /** Writes what is buffered, one batch at a time; concurrent calls share the write in progress. */
  flush(): Promise<void> {
    return this.flusher.flush();
  }

  /** Stops the timer and writes everything left (a clean shutdown loses no event). */
  close(): Promise<void> {
    return this.flusher.close();
  }

  private async writeAll(): Promise<void> {
    let rollups: RollupFlush | undefined = this.rollups.flush();
    if (rollups.rows.length === 0) {
      this.rollups.written(rollups, Date.now());
      rollups = undefined;
    }
    while (rollups !== undefined || this.buffer.length > 0) {
      const events = this.buffer.splice(0, this.batchSize);
      try {
        await this.sink.write({ events, rollups: rollups?.rows ?? [] });
        if (rollups !== undefined) this.rollups.written(rollups, Date.now());
        rollups = undefined;
        // An embedded SQLite store writes synchronously: let waiting calls through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        // Only an unreachable store is worth a retry; a batch the store refuses for what it holds
        // would be refused forever and hold every later event back.
        if ((error as { code?: string }).code !== 'STORAGE_UNAVAILABLE') {
          this.droppedCount += events.length;
          this.logger.error({ err: error, events: events.length }, 'analytics batch refused by the store; dropped');
          if (rollups !== undefined) this.rollups.written(rollups, Date.now());
          rollups = undefined;
          continue;
        }
        this.logger.warn({ err: error, events: events.length }, 'analytics not written; kept for the next flush');
        this.requeue(events);
        return;
      }
    }
  }

  /** Puts a failed batch back in front, as far as the bound allows; what does not fit is dropped. */
  private requeue(batch: AnalyticsEvent[]): void {
    const room = Math.max(0, this.maxBuffered - this.buffer.length);
    const kept = batch.length <= room ? batch : batch.slice(batch.length - room);
    this.droppedCount += batch.length - kept.length;
    this.buffer = kept.concat(this.buffer);
  }
}
