import type { Logger } from 'pino';

/**
 * Runs `close` once on SIGTERM or SIGINT (in-flight requests finish first), then exits 0;
 * exits 1 if closing fails.
 */
export function closeOnSignals(close: () => Promise<void>, logger: Logger): void {
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    close().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

/** Prints why the command could not start and exits 1. */
export function failStart(error: unknown): never {
  const message = (e: unknown) => (e instanceof Error ? e.message : String(e));
  const cause = error instanceof Error && error.cause !== undefined ? ` (${message(error.cause)})` : '';
  process.stderr.write(`tollgate: cannot start: ${message(error)}${cause}\n`);
  process.exit(1);
}
