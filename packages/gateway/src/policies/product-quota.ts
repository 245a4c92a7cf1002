import type { Quota } from '@tollgate/domain';
import { CalendarPeriods } from '../counters/periods.js';
import type { Exchange } from '../exchange.js';
import type { PolicyKit, Verdict } from './kit.js';
import { enforce } from './traffic.js';

/**
 * The product's own quota, enforced for every call made with one of its keys by the policy
 * that recognised the key. Counted per subscription product and quota epoch, in UTC calendar
 * periods, across server groups (the key prefix has no group). Redis unreachable: each node
 * enforces its share (`local`).
 */
export function productQuotaEnforcer(kit: PolicyKit): (exchange: Exchange) => Verdict | Promise<Verdict> {
  const periods = new Map<Quota['unit'], CalendarPeriods>();
  return (exchange) => {
    const identity = exchange.identity;
    const quota = identity?.productQuota;
    if (identity === undefined || quota == null) return undefined;
    let calendar = periods.get(quota.unit);
    if (calendar === undefined) {
      calendar = new CalendarPeriods(quota.unit);
      periods.set(quota.unit, calendar);
    }
    const now = kit.now();
    const period = calendar.at(now);
    const key = `product-quota:${identity.subscriptionId}:${identity.productId}:${identity.quotaEpoch}:${period.start}`;
    return enforce(
      kit,
      exchange,
      { kind: 'fixed', key, limit: quota.limit, windowEnd: period.end, now },
      'local',
      'QUOTA_EXCEEDED',
      `the product's quota of ${quota.limit} calls per ${quota.unit} is used up`,
    );
  };
}
