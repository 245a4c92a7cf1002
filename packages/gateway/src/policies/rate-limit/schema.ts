import { type Static, Type } from 'typebox';
import { identifierSchema, OnStoreFailureSchema } from '../traffic.js';

/** The most calls a sliding window keeps per identifier: it remembers each call's time. */
export const MAX_SLIDING_LIMIT = 10_000;

/** N calls per window of seconds. */
export const RateLimitSchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1_000_000_000, description: 'Calls allowed per window.' }),
    windowSeconds: Type.Integer({ minimum: 1, maximum: 86_400, description: 'Length of the window in seconds (1 to 86,400).' }),
    algorithm: Type.Enum(['fixed', 'sliding'], {
      default: 'fixed',
      description: `"fixed": windows aligned on the clock (a burst of 2×limit is possible across a boundary); "sliding": at most limit calls in any window ending now (exact; limit at most ${MAX_SLIDING_LIMIT}).`,
    }),
    identifier: identifierSchema('subscription-product'),
    onStoreFailure: OnStoreFailureSchema,
  },
  { additionalProperties: false },
);
export type RateLimitConfig = Static<typeof RateLimitSchema>;
