import { type Static, Type } from 'typebox';
import { IdSchema, TimestampSchema } from './common.js';

const Amount = (description: string) => Type.Integer({ description });

/** One line of an invoice: a fee, the free calls, or the calls of one band, of one subscription product. */
export const InvoiceLineSchema = Type.Object(
  {
    subscriptionId: IdSchema,
    productId: IdSchema,
    ratePlanId: IdSchema,
    kind: Type.Union([Type.Literal('setup-fee'), Type.Literal('recurring-fee'), Type.Literal('freemium'), Type.Literal('usage')]),
    calls: Type.Optional(Type.Integer({ minimum: 0, description: 'freemium and usage lines: the calls the line prices.' })),
    from: Type.Optional(Type.Integer({ minimum: 1, description: 'usage lines: the band’s first call.' })),
    to: Type.Optional(
      Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: 'usage lines: the band’s last call; null: open.' }),
    ),
    price: Type.Optional(Type.Integer({ minimum: 0, description: 'usage lines: the band’s price.' })),
    amount: Amount('Minor units of the invoice’s currency.'),
  },
  { additionalProperties: false },
);
export type InvoiceLine = Static<typeof InvoiceLineSchema>;

export const INVOICE_STATUSES = ['draft', 'final'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/**
 * What one client owes for one billing period in one currency: the charges of every subscription
 * product whose plan has that period. A draft is rated again by every rating run; a final invoice
 * has a number and never changes.
 */
export const InvoiceSchema = Type.Object(
  {
    id: IdSchema,
    number: Type.Union([Type.String(), Type.Null()], {
      description: 'INV-000001, …: given when the invoice becomes final; null on a draft.',
    }),
    clientId: IdSchema,
    currency: Type.String({ description: 'ISO 4217: the currency of the rate plans it charges.' }),
    periodStart: TimestampSchema,
    periodEnd: TimestampSchema,
    status: Type.Enum(INVOICE_STATUSES),
    lines: Type.Array(InvoiceLineSchema),
    total: Amount('Sum of the lines, minor units.'),
    ratedAt: { ...TimestampSchema, description: 'When a rating run last changed the lines (a run that finds them the same leaves it).' },
    finalizedAt: Type.Union([TimestampSchema, Type.Null()]),
    dueAt: Type.Union([TimestampSchema, Type.Null()], { description: 'finalizedAt plus the plans’ longest paymentDueDays.' }),
    createdAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type Invoice = Static<typeof InvoiceSchema>;

/** What `GET /api/v1/invoices` filters by. */
export interface InvoiceFilter {
  clientId?: string | undefined;
  status?: InvoiceStatus | undefined;
}

/** A credit to a client's prepaid balance. */
export const TopUpSchema = Type.Object(
  {
    id: IdSchema,
    clientId: IdSchema,
    currency: Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO 4217.' }),
    amount: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'Minor units added to the balance.' }),
    note: Type.String({ maxLength: 500 }),
    createdAt: TimestampSchema,
  },
  { additionalProperties: false },
);
export type TopUp = Static<typeof TopUpSchema>;

export const TopUpCreateSchema = Type.Object(
  {
    currency: TopUpSchema.properties.currency,
    amount: TopUpSchema.properties.amount,
    note: Type.Optional(TopUpSchema.properties.note),
  },
  { additionalProperties: false },
);
export type TopUpCreate = Static<typeof TopUpCreateSchema>;

/** A client's prepaid balance in one currency. */
export const BalanceSchema = Type.Object(
  {
    currency: Type.String(),
    toppedUp: Type.Integer({ description: 'Every top-up, minor units.' }),
    charged: Type.Integer({ description: 'Every charge of its prepaid plans so far, the running periods included.' }),
    available: Type.Integer({ description: 'toppedUp − charged; at 0 or below, calls on prepaid plans in this currency are refused.' }),
    exhausted: Type.Boolean({ description: 'What gateway nodes enforce (set by the last balance check).' }),
  },
  { additionalProperties: false },
);
export type Balance = Static<typeof BalanceSchema>;
