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

/** Runs `job` every `intervalMs`, never two at once; a failure is logged and retried at the next tick. */
function every(intervalMs: number, job: () => Promise<void>, logger: Logger, what: string) {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await job();
    } catch (error) {
      logger.warn({ err: error }, `${what} failed; trying again at the next interval`);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
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
    stop() {
      stopChecks();
      stopRating();
    },
  };
}
