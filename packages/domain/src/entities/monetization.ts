import { type Static, Type } from 'typebox';
import { IdSchema, TimestampSchema } from './common.js';
import { BalanceSchema, InvoiceSchema } from './invoice.js';
import { RatePlanSchema } from './rate-plan.js';
import { SuccessCriteriaSchema } from './success-criteria.js';

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
    usage: Type.Union(
      [
        Type.Object(
          {
            currency: Type.String(),
            calls: Type.Integer({ minimum: 0, description: 'Calls so far in the running period.' }),
            billableCalls: Type.Integer({ minimum: 0 }),
            charge: Type.Integer({ description: 'What the period has charged so far, minor units: fees and priced calls.' }),
            projectedCharge: Type.Integer({
              description: 'The charge at the period’s end if billable calls go on at the rate so far (linear), minor units.',
            }),
          },
          { additionalProperties: false },
        ),
        Type.Null(),
      ],
      { description: 'The running period’s usage and charge; null without a plan in effect.' },
    ),
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

/** One row of the monetization report: one product, client and plan (null: calls made without a plan in effect). */
export const MonetizationReportRowSchema = Type.Object(
  {
    productId: IdSchema,
    clientId: IdSchema,
    ratePlanId: Type.Union([IdSchema, Type.Null()]),
    currency: Type.Union([Type.String(), Type.Null()], { description: 'The plan’s currency; null with no plan.' }),
    calls: Type.Integer({ minimum: 0, description: 'Calls received in [from, to).' }),
    billableCalls: Type.Integer({ minimum: 0, description: 'Of those, the ones meeting the product’s success criteria.' }),
    revenue: Type.Integer({ description: 'Minor units earned in [from, to): fees and priced calls (see docs/monetization.md).' }),
  },
  { additionalProperties: false },
);
export type MonetizationReportRow = Static<typeof MonetizationReportRowSchema>;

/** Totals of the report, one per currency (null: calls without a plan). */
export const MonetizationReportTotalSchema = Type.Object(
  {
    currency: Type.Union([Type.String(), Type.Null()]),
    calls: Type.Integer({ minimum: 0 }),
    billableCalls: Type.Integer({ minimum: 0 }),
    revenue: Type.Integer(),
  },
  { additionalProperties: false },
);
export type MonetizationReportTotal = Static<typeof MonetizationReportTotalSchema>;

/** `GET /api/v1/monetization/report`: calls and revenue per product, client and plan in `[from, to)`, rated on demand. */
export const MonetizationReportSchema = Type.Object(
  {
    from: TimestampSchema,
    to: TimestampSchema,
    generatedAt: TimestampSchema,
    rows: Type.Array(MonetizationReportRowSchema, { description: 'By product, client, then plan.' }),
    totals: Type.Array(MonetizationReportTotalSchema, { description: 'By currency (null last).' }),
  },
  { additionalProperties: false },
);
export type MonetizationReport = Static<typeof MonetizationReportSchema>;

/** `GET /api/v1/clients/{id}/monetization`: the client's Monetization tab. */
export const ClientMonetizationSchema = Type.Object(
  {
    clientId: IdSchema,
    balances: Type.Array(BalanceSchema),
    plans: Type.Array(
      Type.Object(
        {
          subscriptionId: IdSchema,
          productId: IdSchema,
          ratePlanId: IdSchema,
          name: Type.String(),
          mode: Type.Enum(['prepaid', 'postpaid']),
          currency: Type.String(),
          since: TimestampSchema,
        },
        { additionalProperties: false },
      ),
      { description: 'The plans in effect now on its subscriptions, by subscription then product.' },
    ),
    invoices: Type.Array(InvoiceSchema, { description: 'Its 20 newest invoices; GET /invoices?clientId= pages through all.' }),
  },
  { additionalProperties: false },
);
export type ClientMonetization = Static<typeof ClientMonetizationSchema>;

/** `GET /api/v1/products/{id}/monetization`: the product's Monetization tab. */
export const ProductMonetizationSchema = Type.Object(
  {
    productId: IdSchema,
    ratePlans: Type.Array(RatePlanSchema),
    successCriteria: SuccessCriteriaSchema,
    revenue: Type.Object(
      { from: TimestampSchema, to: TimestampSchema, totals: Type.Array(MonetizationReportTotalSchema) },
      { additionalProperties: false, description: 'This calendar month so far (UTC), per currency.' },
    ),
  },
  { additionalProperties: false },
);
export type ProductMonetization = Static<typeof ProductMonetizationSchema>;
