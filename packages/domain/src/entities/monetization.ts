import { type Static, Type } from 'typebox';
import { IdSchema, TimestampSchema } from './common.js';

/** One subscribed product's rate plan: the one in effect, the next one if a change is pending, the current period. */
export const SubscriptionProductPlanSchema = Type.Object(
  {
    productId: IdSchema,
    ratePlan: Type.Union(
      [Type.Object({ id: IdSchema, name: Type.String(), since: TimestampSchema }, { additionalProperties: false }), Type.Null()],
      { description: 'The plan in effect now, and since when without a break; null: no plan (calls are refused by the limit check).' },
    ),
    next: Type.Union(
      [
        Type.Object({ ratePlanId: Type.Union([IdSchema, Type.Null()]), from: TimestampSchema }, { additionalProperties: false }),
        Type.Null(),
      ],
      { description: 'A change that takes effect at the start of the next billing period; null: none pending.' },
    ),
    period: Type.Union([Type.Object({ start: TimestampSchema, end: TimestampSchema }, { additionalProperties: false }), Type.Null()], {
      description: 'The billing period now running under the plan in effect.',
    }),
  },
  { additionalProperties: false },
);
export type SubscriptionProductPlan = Static<typeof SubscriptionProductPlanSchema>;

/** `GET /api/v1/subscriptions/{id}/monetization`: the subscription's Monetization tab. */
export const SubscriptionMonetizationSchema = Type.Object(
  { subscriptionId: IdSchema, products: Type.Array(SubscriptionProductPlanSchema) },
  { additionalProperties: false },
);
export type SubscriptionMonetization = Static<typeof SubscriptionMonetizationSchema>;
