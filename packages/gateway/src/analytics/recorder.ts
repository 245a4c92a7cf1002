import type { AnalyticsEvent, AnalyticsSink } from '@tollgate/domain';
import type { GatewayLogger } from '../pipeline.js';

/** How the recorder batches. */
export interface RecorderOptions {
  /** Most events held in memory; an event that finds the buffer full is dropped and counted. Default 50,000. */
  maxBuffered?: number;
  /** A batch is written once this many events wait, or at the latest every `flushIntervalMs`. Default 250. */
  batchSize?: number;
  /** Default 1,000 ms: the events a kill -9 can lose are those of the last second. */
  flushIntervalMs?: number;
}

/**
 * Buffers the node's analytics events and writes them to the store in batches, off the hot
 * path: `push` is an array append. The buffer is bounded; an event that does not fit is dropped
 * and counted (`dropped`), never silently. A batch the store refuses goes back to the front of
 * the buffer and is retried at the next flush (as far as it fits). `close` writes everything left.
 */
export class EventRecorder {
  private buffer: AnalyticsEvent[] = [];
  private droppedCount = 0;
  private writing: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;
  private readonly maxBuffered: number;
  private readonly batchSize: number;

  constructor(
    private readonly sink: AnalyticsSink,
    private readonly logger: GatewayLogger,
    options: RecorderOptions = {},
  ) {
    this.maxBuffered = options.maxBuffered ?? 50_000;
    this.batchSize = options.batchSize ?? 500;
    this.timer = setInterval(() => void this.flush(), options.flushIntervalMs ?? 1_000);
    this.timer.unref();
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
    if (this.buffer.length >= this.maxBuffered) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(event);
    if (this.buffer.length >= this.batchSize && this.writing === undefined) void this.flush();
  }

  /** Writes what is buffered, one batch at a time; concurrent calls share the write in progress. */
  flush(): Promise<void> {
    this.writing ??= this.writeAll().finally(() => {
      this.writing = undefined;
    });
    return this.writing;
  }

  /** Stops the timer and writes everything left (a clean shutdown loses no event). */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    // Events pushed while the last write ran (in-flight calls finishing) go out too.
    if (this.buffer.length > 0) await this.flush();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.splice(0, this.batchSize);
      try {
        await this.sink.record(batch);
        // An embedded SQLite store writes synchronously: let waiting calls through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        // Only an unreachable store is worth a retry; a batch the store refuses for what it holds
        // would be refused forever and hold every later event back.
        if ((error as { code?: string }).code !== 'STORAGE_UNAVAILABLE') {
          this.droppedCount += batch.length;
          this.logger.error({ err: error, events: batch.length }, 'analytics events refused by the store; dropped');
          continue;
        }
        this.logger.warn({ err: error, events: batch.length }, 'analytics events not written; kept for the next flush');
        this.requeue(batch);
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
