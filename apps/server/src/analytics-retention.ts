import type { AnalyticsService } from '@tollgate/domain';
import type { Logger } from 'pino';

/** How often old analytics are deleted. */
export const RETENTION_INTERVAL_MS = 3_600_000;

/**
 * Deletes analytics older than their retention (`--analytics-retention`) once shortly after the
 * start and then every hour. Only the management server runs it: deleting is idempotent, so
 * two servers on one store do no harm, but gateway nodes never delete.
 */
export function startAnalyticsRetention(analytics: Pick<AnalyticsService, 'prune'>, logger: Logger, intervalMs = RETENTION_INTERVAL_MS) {
  const prune = async () => {
    try {
      const deleted = await analytics.prune();
      if (deleted.raw + deleted.minute + deleted.hour + deleted.traces > 0) logger.info({ deleted }, 'old analytics deleted');
    } catch (error) {
      logger.warn({ err: error }, 'old analytics not deleted; trying again at the next interval');
    }
  };
  const first = setTimeout(prune, Math.min(intervalMs, 60_000));
  const timer = setInterval(prune, intervalMs);
  first.unref();
  timer.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
