import { type Static, Type } from 'typebox';
import { IdSchema } from './common.js';

/** `POST /api/v1/quotas/reset`: which subscription product's counters start again from zero. */
export const QuotaResetSchema = Type.Object(
  {
    subscriptionId: IdSchema,
    productId: IdSchema,
  },
  { additionalProperties: false },
);
export type QuotaReset = Static<typeof QuotaResetSchema>;

/** The answer to a reset. */
export const QuotaResetResultSchema = Type.Object(
  {
    subscriptionId: IdSchema,
    productId: IdSchema,
    epoch: Type.Integer({ description: 'The new quota epoch; counters keyed by the previous one are no longer read.' }),
    resetAt: Type.String({ format: 'date-time' }),
  },
  { additionalProperties: false },
);
export type QuotaResetResult = Static<typeof QuotaResetResultSchema>;
