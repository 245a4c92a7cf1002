import { definePolicy } from '../kit.js';
import { createMonetizationLimitCheck } from './handler.js';
import { type MonetizationLimitCheckConfig, MonetizationLimitCheckSchema } from './schema.js';

/**
 * Monetization limit check: a monetized product's calls need a rate plan in effect and, on a
 * prepaid plan, a balance left. Priority 140: after every policy that identifies the key (it
 * reads `exchange.identity`), before traffic control, so a refused call spends no counter.
 */
export const monetizationLimitCheck = definePolicy<MonetizationLimitCheckConfig>({
  name: 'monetization-limit-check',
  description:
    'Refuses with 402 PAYMENT_REQUIRED the calls of a monetized product when the subscription has no rate plan in effect or its prepaid balance is used up.',
  priority: 140,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: MonetizationLimitCheckSchema,
  create: createMonetizationLimitCheck,
});
