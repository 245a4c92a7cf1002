import { type Static, Type } from 'typebox';
import { HEADER_NAME_PATTERN } from '../header-names.js';

/** What is cached, for how long, for whom, and how much memory it may take. */
export const ResponseCacheSchema = Type.Object(
  {
    ttlSeconds: Type.Integer({
      minimum: 1,
      maximum: 86_400,
      default: 60,
      description: "How long an answer is served from the cache, in seconds (shorter when the backend's max-age says so). Default 60.",
    }),
    keyHeaders: Type.Array(Type.String({ pattern: HEADER_NAME_PATTERN, description: 'A request header name (any case).' }), {
      default: [],
      maxItems: 20,
      uniqueItems: true,
      description: 'Request headers whose values are part of the cache key, besides method, path and query (e.g. "accept-language").',
    }),
    shared: Type.Boolean({
      default: false,
      description:
        'false (default): answers are kept per caller (subscription, client and product of the key), and calls ' +
        'without a recognised key are not cached. true: one answer for every caller — only for answers that do not ' +
        'depend on who asks.',
    }),
    store: Type.Enum(['memory', 'redis'], {
      default: 'memory',
      description:
        '"memory" (default): each node keeps its own answers, dropped on every configuration change. "redis": answers ' +
        'are kept in the Redis the node uses for counters (--redis), shared by every node and kept across configuration ' +
        'changes; a node without Redis keeps them in memory. maxEntries and maxBytes bound the memory store only.',
    }),
    maxEntries: Type.Integer({
      minimum: 1,
      maximum: 100_000,
      default: 1_000,
      description: 'Most answers kept; the least recently used go first. Default 1,000.',
    }),
    maxEntryBytes: Type.Integer({
      minimum: 1,
      maximum: 10_485_760,
      default: 1_048_576,
      description: 'Largest answer body kept, in bytes; larger answers are not cached. Default 1 MiB.',
    }),
    maxBytes: Type.Integer({
      minimum: 1_024,
      maximum: 1_073_741_824,
      default: 33_554_432,
      description: 'Memory the cache of this policy may use, in bytes (bodies and headers); least recently used go first. Default 32 MiB.',
    }),
  },
  { additionalProperties: false },
);
export type ResponseCacheConfig = Static<typeof ResponseCacheSchema>;
