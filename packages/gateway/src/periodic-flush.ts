/**
 * Runs a node's background write (analytics, metering) every `intervalMs` and on demand, one run
 * at a time: a `flush` while one runs shares it. The timer never keeps the process alive.
 */
export class PeriodicFlush {
  private running: Promise<void> | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly write: () => Promise<void>,
    intervalMs: number,
    /** Whether items arrived while the last run wrote (in-flight calls finishing during a stop). */
    private readonly pending: () => boolean,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  /** Whether a run is in progress. */
  get busy(): boolean {
    return this.running !== undefined;
  }

  /** Writes now, or joins the run in progress. */
  flush(): Promise<void> {
    this.running ??= this.write().finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  /** Stops the timer and writes everything left, including what arrived during the last run. */
  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
    if (this.pending()) await this.flush();
  }
}
