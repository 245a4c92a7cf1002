import type { MeteredCall, MeteringLedger } from '@tollgate/domain';
import { PeriodicFlush } from '../periodic-flush.js';
import type { GatewayLogger } from '../pipeline.js';

/**
 * When a monetized call reaches the ledger:
 * - `async` (default): buffered and written every second (or once a batch fills): a node killed
 *   with -9 loses the calls of the last second at most; a clean stop writes them all;
 * - `sync`: written before the response's last byte leaves, so an answered call is recorded; a
 *   write that fails aborts the response (the client sees the connection cut, never a clean
 *   answer that was not recorded).
 */
export type MeteringMode = 'async' | 'sync';

export const METERING_MODES: readonly MeteringMode[] = ['async', 'sync'];

/** How the recorder batches (tests shorten it). */
export interface MeteringOptions {
  mode?: MeteringMode;
  /** Most calls held in memory; a call that finds the buffer full is dropped and counted. Default 200,000. */
  maxBuffered?: number;
  /** Default 500 calls per write. */
  batchSize?: number;
  /** Default 1,000 ms. */
  flushIntervalMs?: number;
}

/**
 * Writes monetized calls to the metering ledger. Every write is idempotent (the ledger keeps a
 * request id once), so a batch whose outcome is unknown (the store went away mid-commit) is
 * simply written again: a call is counted exactly once whatever the retries. A batch the store
 * cannot take goes back to the front of the buffer and is retried at the next flush.
 */
export class MeteringRecorder {
  readonly mode: MeteringMode;
  private buffer: MeteredCall[] = [];
  private droppedCount = 0;
  private readonly flusher: PeriodicFlush;
  private readonly maxBuffered: number;
  private readonly batchSize: number;

  constructor(
    private readonly ledger: Pick<MeteringLedger, 'record'>,
    private readonly logger: GatewayLogger,
    options: MeteringOptions = {},
  ) {
    this.mode = options.mode ?? 'async';
    this.maxBuffered = options.maxBuffered ?? 200_000;
    this.batchSize = options.batchSize ?? 500;
    this.flusher = new PeriodicFlush(
      () => this.writeAll(),
      options.flushIntervalMs ?? 1_000,
      () => this.buffer.length > 0,
    );
  }

  /** Calls dropped because the buffer was full (the store unreachable for long), since the node started. */
  get dropped(): number {
    return this.droppedCount;
  }

  /** Calls waiting to be written. */
  get pending(): number {
    return this.buffer.length;
  }

  /** Buffers a call (async mode, and sync calls whose write failed after their answer ended). */
  push(call: MeteredCall): void {
    if (this.buffer.length >= this.maxBuffered) {
      this.droppedCount++;
      return;
    }
    this.buffer.push(call);
    if (this.buffer.length >= this.batchSize && !this.flusher.busy) void this.flush();
  }

  /** Writes one call now (sync mode); rejects when the store does not take it. */
  async writeNow(call: MeteredCall): Promise<void> {
    await this.ledger.record([call]);
  }

  /** Writes what is buffered, a batch at a time; concurrent calls share the write in progress. */
  flush(): Promise<void> {
    return this.flusher.flush();
  }

  /** Stops the timer and writes everything left. */
  close(): Promise<void> {
    return this.flusher.close();
  }

  private async writeAll(): Promise<void> {
    while (this.buffer.length > 0) {
      const batch = this.buffer.slice(0, this.batchSize);
      try {
        await this.ledger.record(batch);
        this.buffer.splice(0, batch.length);
        // An embedded SQLite store writes synchronously: let waiting calls through between batches.
        await new Promise((resolve) => setImmediate(resolve));
      } catch (error) {
        // Kept in place and retried at the next flush: for billing, a call is only dropped when the buffer is full.
        this.logger.warn({ err: error, calls: batch.length }, 'metered calls not written; kept for the next flush');
        return;
      }
    }
  }
}
