import { type Static, Type } from 'typebox';

/** Request header names as node:http reports them (lower case), or `*` for every header. */
const HEADER_NAME = "^(\\*|[a-z0-9!#$%&'*+.^_`|~-]{1,100})$";

/** Patterns and the parts of the request they are matched against. */
export const RegexProtectionSchema = Type.Object(
  {
    patterns: Type.Array(Type.String({ minLength: 1, maxLength: 1_000 }), {
      minItems: 1,
      maxItems: 100,
      description:
        'JavaScript regular expressions (without delimiters or flags); a request part any of them matches is refused. ' +
        'Nested quantifiers such as (a+)+ and backreferences are refused: they can backtrack for minutes on a crafted input.',
    }),
    caseInsensitive: Type.Boolean({ default: true, description: 'Match regardless of letter case (the i flag).' }),
    path: Type.Boolean({ default: true, description: 'Match the request path, percent-decoded.' }),
    query: Type.Boolean({ default: true, description: 'Match every query parameter name and value, percent-decoded, one by one.' }),
    headers: Type.Array(Type.String({ pattern: HEADER_NAME }), {
      maxItems: 50,
      default: [],
      description: 'Request headers whose values are matched, lower case; ["*"] matches every forwarded header. Default: none.',
    }),
    body: Type.Boolean({
      default: false,
      description:
        'Match the request body as text (form fields decoded one by one, JSON string escapes decoded); bodies above maxBodyBytes get 413.',
    }),
    maxInputLength: Type.Integer({
      minimum: 1,
      maximum: 65_536,
      default: 8_192,
      description:
        'Longest path, query name or value, or header value scanned, in characters; a longer one is refused (400 THREAT_DETECTED) rather than scanned.',
    }),
    maxBodyBytes: Type.Integer({
      minimum: 1,
      maximum: 1_048_576,
      default: 65_536,
      description: 'Largest body scanned when body is true, in bytes; a larger body gets 413 PAYLOAD_TOO_LARGE.',
    }),
  },
  { additionalProperties: false },
);
export type RegexProtectionConfig = Static<typeof RegexProtectionSchema>;
