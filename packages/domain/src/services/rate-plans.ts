import type { RatePlan, RatePlanCreate, RatePlanUpdate } from '../entities/rate-plan.js';
import { DEFAULT_SUCCESS_CRITERIA, type SuccessCriteria } from '../entities/success-criteria.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import { bandsProblem } from '../monetization/bands.js';
import type { Repositories } from '../ports/repositories.js';
import { applyPatch, require, type ServiceContext, timestamp } from './context.js';

const KIND = 'rate plan';

/** What a plan in use may no longer change: what its past periods are rated by. */
export const PRICING_TERMS = ['currency', 'meteringType', 'rates', 'fees', 'freemium', 'billingPeriod', 'durationMonths', 'mode'] as const;

/** Most rate plans one product holds. */
export const MAX_RATE_PLANS_PER_PRODUCT = 50;

/** ISO 4217 codes the runtime knows (Intl); a code it does not know is refused. */
const CURRENCIES: ReadonlySet<string> = new Set(Intl.supportedValuesOf('currency'));

/** Whether the runtime knows the ISO 4217 code (Intl): a code it does not know is refused. */
export const isCurrency = (code: string): boolean => CURRENCIES.has(code);

/** 400 naming the field: bands not one ladder from call 1 (`rates.N.from`, `rates.N.to`), an unknown currency, an end not after the start. */
function validate(plan: RatePlan): void {
  const bands = bandsProblem(plan.rates);
  if (bands !== undefined) throw invalidField(bands.field, bands.message);
  if (!isCurrency(plan.currency)) throw invalidField('currency', `is not an ISO 4217 currency code: ${plan.currency}`);
  if (plan.endDate !== null && Date.parse(plan.endDate) <= Date.parse(plan.startDate)) {
    throw invalidField('endDate', 'must be after startDate');
  }
}

/**
 * Rate plans of products (`/products/{id}/rate-plans`) and each product's transaction success
 * criteria: the monetization configuration of a product.
 */
export class RatePlanService {
  constructor(private readonly context: ServiceContext) {}

  async list(productId: string): Promise<RatePlan[]> {
    await require(this.context.store.products.get(productId), 'product', productId);
    return this.context.store.ratePlans.listByProduct(productId);
  }

  /** The plan; 404 when it does not exist or belongs to another product. */
  get(productId: string, id: string): Promise<RatePlan> {
    return this.planOf(this.context.store, productId, id);
  }

  create(productId: string, input: RatePlanCreate): Promise<RatePlan> {
    return this.context.store.transaction(async (repos) => {
      await require(repos.products.get(productId), 'product', productId);
      const existing = await repos.ratePlans.listByProduct(productId);
      if (existing.length >= MAX_RATE_PLANS_PER_PRODUCT) {
        throw invalidField('productId', `already has ${MAX_RATE_PLANS_PER_PRODUCT} rate plans, the most one product holds`);
      }
      const now = timestamp(this.context);
      const plan: RatePlan = {
        id: input.id ?? this.context.ids.next(),
        productId,
        name: input.name,
        description: input.description ?? '',
        currency: input.currency,
        meteringType: input.meteringType,
        rates: input.rates,
        fees: input.fees ?? {},
        freemium: input.freemium ?? {},
        billingPeriod: input.billingPeriod ?? 'calendar-month',
        durationMonths: input.durationMonths ?? null,
        paymentDueDays: input.paymentDueDays ?? 30,
        mode: input.mode ?? 'postpaid',
        startDate: input.startDate ?? now,
        endDate: input.endDate ?? null,
        createdAt: now,
        updatedAt: now,
      };
      validate(plan);
      await repos.ratePlans.insert(plan);
      return plan;
    });
  }

  /**
   * Changes a plan. Once a subscription has been on it, its terms are fixed (`REFERENCED` for a
   * change of any of `PRICING_TERMS`): invoices, balances and reports re-rate its past periods by
   * the plan as it is, so a new price would rewrite what was billed. End it (`endDate`, not in the
   * past) and offer a new plan instead; its name, description, payment terms and dates may change.
   */
  update(productId: string, id: string, patch: RatePlanUpdate): Promise<RatePlan> {
    return this.context.store.transaction(async (repos) => {
      const current = await this.planOf(repos, productId, id);
      const next: RatePlan = { ...applyPatch(current, patch), updatedAt: timestamp(this.context) };
      validate(next);
      if (await repos.planChanges.uses(id)) {
        const changed = PRICING_TERMS.filter((term) => JSON.stringify(current[term]) !== JSON.stringify(next[term]));
        if (changed.length > 0) {
          throw new TollgateError(
            'REFERENCED',
            `rate plan '${id}' is in use: its ${changed.join(', ')} cannot change; end it and create a new plan`,
          );
        }
        if (next.endDate !== current.endDate && next.endDate !== null && Date.parse(next.endDate) < this.context.clock.now().getTime()) {
          throw invalidField('endDate', 'must not be in the past for a plan in use');
        }
      }
      await repos.ratePlans.update(next);
      return next;
    });
  }

  delete(productId: string, id: string): Promise<void> {
    return this.context.store.transaction(async (repos) => {
      await this.planOf(repos, productId, id);
      await repos.ratePlans.delete(id);
    });
  }

  /** The product's success criteria (the default, any 2xx, until they are set). */
  async successCriteria(productId: string): Promise<SuccessCriteria> {
    await require(this.context.store.products.get(productId), 'product', productId);
    return (await this.context.store.successCriteria.get(productId)) ?? DEFAULT_SUCCESS_CRITERIA;
  }

  /** Replaces the product's success criteria; 400 naming `statuses.N.to` for a range that ends before it starts. */
  setSuccessCriteria(productId: string, criteria: SuccessCriteria): Promise<SuccessCriteria> {
    return this.context.store.transaction(async (repos) => {
      await require(repos.products.get(productId), 'product', productId);
      for (const [index, range] of criteria.statuses.entries()) {
        if (range.to < range.from) throw invalidField(`statuses.${index}.to`, `must be at least from (${range.from})`);
      }
      await repos.successCriteria.set(productId, criteria);
      return criteria;
    });
  }

  private async planOf(repos: Pick<Repositories, 'ratePlans'>, productId: string, id: string): Promise<RatePlan> {
    const plan = await repos.ratePlans.get(id);
    if (plan === undefined || plan.productId !== productId) throw notFound(KIND, id);
    return plan;
  }
}
