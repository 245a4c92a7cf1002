/** Timeouts a test helper can cancel all at once when it shuts down. */
export interface TimerSet {
  /** Runs `run` after `ms`, unless cleared first. */
  later(ms: number, run: () => void): void;
  /** Cancels every pending timeout. */
  clear(): void;
}

/** A {@link TimerSet}: pending timeouts are tracked so `clear()` leaves no handle behind. */
export function timerSet(): TimerSet {
  const timers = new Set<NodeJS.Timeout>();
  return {
    later(ms, run) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        run();
      }, ms);
      timers.add(timer);
    },
    clear() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
