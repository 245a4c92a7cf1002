import { type Static, Type } from 'typebox';
import { identifierSchema, OnStoreFailureSchema } from '../traffic.js';

/** N calls per calendar period. */
export const QuotaSchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1_000_000_000_000, description: 'Calls allowed per period.' }),
    unit: Type.Enum(['minute', 'hour', 'day', 'month'], {
      description: 'Calendar period: a minute, hour, day or month that starts on the clock (UTC unless timeZone says otherwise).',
    }),
    identifier: identifierSchema('subscription-product'),
    timeZone: Type.String({
      minLength: 1,
      maxLength: 64,
      default: 'UTC',
      description: 'IANA time zone the periods are aligned to, e.g. "Europe/Paris" (default UTC).',
    }),
    onStoreFailure: OnStoreFailureSchema,
  },
  { additionalProperties: false },
);
export type QuotaConfig = Static<typeof QuotaSchema>;
