import { type Static, Type } from 'typebox';
import { METERING_TYPES } from '../monetization/bands.js';
import { AuditFieldsSchema, DescriptionSchema, IdSchema, NameSchema, TimestampSchema } from './common.js';

/** An amount of money in the plan's currency's minor units (cents for USD): never a fraction. */
const MoneySchema = (description: string) => Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description });

/** Calls `from`…`to` of a period at `price`. */
export const RateBandSchema = Type.Object(
  {
    from: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'First call of the band, counted from 1 in each period.' }),
    to: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1, maximum: 1_000_000_000_000 }), Type.Null()], {
        description: 'Last call of the band (inclusive); absent or null on the last band: no upper end.',
      }),
    ),
    price: MoneySchema('Minor units per call (UNIT, VOLUME) or for the whole period (STAIR_STEP).'),
  },
  { additionalProperties: false },
);
export type RateBandInput = Static<typeof RateBandSchema>;

export const BILLING_PERIODS = ['calendar-month', 'subscription-month'] as const;
export type BillingPeriodKind = (typeof BILLING_PERIODS)[number];

/** How a product's API calls are charged: bands, fees, free calls, the billing period and payment. */
export const RatePlanSchema = Type.Object(
  {
    id: IdSchema,
    productId: IdSchema,
    name: NameSchema,
    description: DescriptionSchema,
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 code, e.g. USD, EUR, JPY.' }),
    meteringType: Type.Enum(METERING_TYPES, {
      description:
        'UNIT: each call at the price of its band (graduated). VOLUME: every call at the band the total reaches. STAIR_STEP: the flat price of the band the total falls in.',
    }),
    rates: Type.Array(RateBandSchema, {
      minItems: 1,
      maxItems: 50,
      description: 'Contiguous bands from call 1: each starts right after the one before ends; the last has no `to`.',
    }),
    fees: Type.Object(
      {
        setup: Type.Optional(MoneySchema('Charged once, in the period the subscription starts on the plan.')),
        recurring: Type.Optional(MoneySchema('Charged every billing period.')),
      },
      { additionalProperties: false },
    ),
    freemium: Type.Object(
      {
        calls: Type.Optional(
          Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, description: 'The first calls on the plan that are free.' }),
        ),
        days: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650, description: 'Calls in the first days on the plan are free.' })),
      },
      { additionalProperties: false },
    ),
    billingPeriod: Type.Enum(BILLING_PERIODS, {
      description:
        'Monthly periods (UTC) starting on the 1st (calendar-month) or on the day the subscription started on the plan (subscription-month).',
    }),
    durationMonths: Type.Union([Type.Integer({ minimum: 1, maximum: 1200 }), Type.Null()], {
      description: 'How long a subscription stays on the plan from its start; null: until the plan ends.',
    }),
    paymentDueDays: Type.Integer({ minimum: 0, maximum: 365, description: 'Days from an invoice being final to its due date.' }),
    mode: Type.Enum(['prepaid', 'postpaid'], {
      description: "prepaid: calls draw on the client's balance and are refused when it is used up; postpaid: invoiced after the period.",
    }),
    startDate: TimestampSchema,
    endDate: Type.Union([TimestampSchema, Type.Null()], { description: 'After it, calls on the plan are refused; null: open-ended.' }),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type RatePlan = Static<typeof RatePlanSchema>;

const p = RatePlanSchema.properties;

export const RatePlanCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: p.name,
    description: Type.Optional(p.description),
    currency: p.currency,
    meteringType: p.meteringType,
    rates: p.rates,
    fees: Type.Optional(p.fees),
    freemium: Type.Optional(p.freemium),
    billingPeriod: Type.Optional({ ...p.billingPeriod, default: 'calendar-month' }),
    durationMonths: Type.Optional(p.durationMonths),
    paymentDueDays: Type.Optional(p.paymentDueDays),
    mode: Type.Optional(p.mode),
    startDate: Type.Optional(p.startDate),
    endDate: Type.Optional(p.endDate),
  },
  { additionalProperties: false },
);
export type RatePlanCreate = Static<typeof RatePlanCreateSchema>;

export const RatePlanUpdateSchema = Type.Object(
  {
    name: Type.Optional(p.name),
    description: Type.Optional(p.description),
    currency: Type.Optional(p.currency),
    meteringType: Type.Optional(p.meteringType),
    rates: Type.Optional(p.rates),
    fees: Type.Optional(p.fees),
    freemium: Type.Optional(p.freemium),
    billingPeriod: Type.Optional(p.billingPeriod),
    durationMonths: Type.Optional(p.durationMonths),
    paymentDueDays: Type.Optional(p.paymentDueDays),
    mode: Type.Optional(p.mode),
    startDate: Type.Optional(p.startDate),
    endDate: Type.Optional(p.endDate),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type RatePlanUpdate = Static<typeof RatePlanUpdateSchema>;
