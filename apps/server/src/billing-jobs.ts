import type { BalanceService, RatingService } from '@tollgate/domain';
import type { Logger } from 'pino';

/** How often prepaid balances are checked: the window in which an exhausted balance is still served. */
export const BALANCE_CHECK_INTERVAL_MS = 5_000;
/** How often the ledger is rated into draft invoices. */
export const RATING_INTERVAL_MS = 3_600_000;
/**
 * How long after a period ends its drafts become final: a day, so calls buffered by nodes that
 * were down at the period's end (async metering) are in the ledger before the invoice is frozen.
 */
export const FINALIZE_AFTER_MS = 86_400_000;

/**
 * Runs `job` shortly after the start (within a minute: a server restarted more often than the
 * interval still runs it) and then every `intervalMs`, never two at once; a failure is logged and
 * retried at the next tick. The stop function resolves once a run in progress has finished, so
 * the store is not closed under it.
 */
function every(intervalMs: number, job: () => Promise<void>, logger: Logger, what: string): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    running ??= job()
      .catch((error: unknown) => logger.warn({ err: error }, `${what} failed; trying again at the next interval`))
      .finally(() => {
        running = undefined;
      });
  };
  // A long interval gets a first run after a minute; a short one starts soon enough by itself.
  const first = intervalMs > 60_000 ? setTimeout(tick, 60_000) : undefined;
  const timer = setInterval(tick, intervalMs);
  first?.unref();
  timer.unref();
  return async () => {
    clearTimeout(first);
    clearInterval(timer);
    await running;
  };
}

/**
 * The management server's billing work: the prepaid balance check (marks balances used up, so
 * gateway nodes refuse their prepaid calls) and the hourly rating run, which also makes final the
 * drafts of periods ended a day ago. Both are safe with several servers on one store: rating
 * runs are serialised and idempotent, and a balance mark is written only when it changes.
 */
export function startBillingJobs(
  services: { rating: Pick<RatingService, 'run'>; balances: Pick<BalanceService, 'check'> },
  clock: { now(): Date },
  logger: Logger,
  intervals = { balanceCheckMs: BALANCE_CHECK_INTERVAL_MS, ratingMs: RATING_INTERVAL_MS },
) {
  const stopChecks = every(
    intervals.balanceCheckMs,
    async () => {
      const changed = await services.balances.check();
      if (changed > 0) logger.info({ changed }, 'prepaid balances marked');
    },
    logger,
    'prepaid balance check',
  );
  const stopRating = every(
    intervals.ratingMs,
    async () => {
      const result = await services.rating.run({ finalizeBefore: clock.now().getTime() - FINALIZE_AFTER_MS });
      logger.info(result, 'rating run');
    },
    logger,
    'rating run',
  );
  return {
    /** Stops both jobs; resolves when neither is running. */
    stop: () => Promise.all([stopChecks(), stopRating()]).then(() => undefined),
  };
}
