import { type Static, Type } from 'typebox';

/** Structural limits for JSON request bodies. */
export const JsonThreatProtectionSchema = Type.Object(
  {
    maxDepth: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 32,
      description: 'Deepest nesting of objects and arrays: `{}` is depth 1, `{"a":[1]}` depth 2.',
    }),
    maxArrayLength: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      default: 10_000,
      description: 'Most elements in any one array.',
    }),
    maxStringLength: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      default: 65_536,
      description: 'Longest string value, object key or number literal, in characters (an escape such as \\n counts as one).',
    }),
    maxKeys: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      default: 1_000,
      description: 'Most entries (key-value pairs) in any one object.',
    }),
    maxBodyBytes: Type.Union([Type.Integer({ minimum: 1, maximum: 1_073_741_824 }), Type.Null()], {
      default: null,
      description:
        "Largest JSON body in bytes; larger ones get 413 PAYLOAD_TOO_LARGE. null (default): the node's own limit (10 MiB unless configured).",
    }),
  },
  { additionalProperties: false },
);
export type JsonThreatProtectionConfig = Static<typeof JsonThreatProtectionSchema>;
