import { type Static, Type } from 'typebox';
import { identifierSchema, OnStoreFailureSchema } from '../traffic.js';

/** At most N calls in flight. */
export const ConcurrentLimitSchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 1_000_000, description: 'Calls allowed in flight at once.' }),
    identifier: identifierSchema('project'),
    leaseSeconds: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      default: 300,
      description: 'With Redis: a slot held longer is freed (a node that died cannot leak it forever). Default 300.',
    }),
    onStoreFailure: OnStoreFailureSchema,
  },
  { additionalProperties: false },
);
export type ConcurrentLimitConfig = Static<typeof ConcurrentLimitSchema>;
