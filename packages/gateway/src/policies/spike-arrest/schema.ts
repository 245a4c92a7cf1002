import { type Static, Type } from 'typebox';
import { identifierSchema, OnStoreFailureSchema } from '../traffic.js';

/** Smoothing: calls spaced evenly, with an optional burst. */
export const SpikeArrestSchema = Type.Object(
  {
    rate: Type.Integer({
      minimum: 1,
      maximum: 1_000_000,
      description: 'Calls allowed per `per`, spread evenly: 10 per second = one call every 100 ms.',
    }),
    per: Type.Enum(['second', 'minute'], { default: 'second', description: 'The unit of rate.' }),
    burst: Type.Integer({
      minimum: 0,
      maximum: 1_000_000,
      default: 0,
      description: 'Extra calls admitted at once on top of the even spacing (0: none).',
    }),
    identifier: identifierSchema('project'),
    onStoreFailure: OnStoreFailureSchema,
  },
  { additionalProperties: false },
);
export type SpikeArrestConfig = Static<typeof SpikeArrestSchema>;
