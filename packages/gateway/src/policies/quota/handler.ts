import { CalendarPeriods } from '../../counters/periods.js';
import type { Exchange } from '../../exchange.js';
import type { PolicyHandler, PolicyKit } from '../kit.js';
import { enforce, identify } from '../traffic.js';
import type { QuotaConfig } from './schema.js';

/** Counts calls per identifier in calendar periods; the call past the limit gets 429 QUOTA_EXCEEDED. */
export function createQuota(config: QuotaConfig, kit: PolicyKit): PolicyHandler {
  const periods = new CalendarPeriods(config.unit, config.timeZone);
  const identifierOf = identify(config.identifier);
  const prefix = `quota:${kit.serverGroupId}:${kit.instance}:`;
  const detail = `the quota of ${config.limit} calls per ${config.unit} is used up`;
  return {
    onRequest(exchange: Exchange) {
      const now = kit.now();
      const period = periods.at(now);
      const key = `${prefix}${identifierOf(exchange)}:${period.start}`;
      return enforce(
        kit,
        exchange,
        { kind: 'fixed', key, limit: config.limit, windowEnd: period.end, now },
        config.onStoreFailure,
        'QUOTA_EXCEEDED',
        detail,
      );
    },
  };
}

/** Whether the runtime knows the time zone. */
export function checkQuota(config: unknown): Record<string, string> {
  const { timeZone } = config as QuotaConfig;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return {};
  } catch {
    return { timeZone: `unknown time zone '${timeZone}'` };
  }
}
