import type { QuotaReset, QuotaResetResult } from '../entities/quota-reset.js';
import { invalidField } from '../errors/catalogue.js';
import { type ServiceContext, timestamp } from './context.js';

/** Quota administration. */
export class QuotaService {
  constructor(private readonly context: ServiceContext) {}

  /**
   * Restarts the quota and rate-limit counters of one subscription product (those counted per
   * subscription product, and the product's own quota) on every gateway node: the new epoch
   * reaches the nodes with the next configuration version, within a second.
   */
  reset(input: QuotaReset): Promise<QuotaResetResult> {
    return this.context.store.transaction(async (repos) => {
      const subscription = await repos.subscriptions.get(input.subscriptionId);
      if (subscription === undefined)
        throw invalidField('subscriptionId', `names no subscription ('${input.subscriptionId}' does not exist)`);
      if (!subscription.products.some((entry) => entry.productId === input.productId)) {
        throw invalidField('productId', `names no product of subscription '${input.subscriptionId}'`);
      }
      const epoch = await repos.quotas.reset(input.subscriptionId, input.productId);
      return { ...input, epoch, resetAt: timestamp(this.context) };
    });
  }
}
