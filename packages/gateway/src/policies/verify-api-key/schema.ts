import { type Static, Type } from 'typebox';

/** Where the consumer key is read from. */
export const VerifyApiKeySchema = Type.Object(
  {
    header: Type.String({
      pattern: "^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$",
      default: 'x-api-key',
      description: 'Request header carrying the consumer key (lower case).',
    }),
    queryParameter: Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], {
      default: null,
      description: 'Query parameter also accepted for the key, e.g. "apikey"; null (default) accepts the header only.',
    }),
  },
  { additionalProperties: false },
);
export type VerifyApiKeyConfig = Static<typeof VerifyApiKeySchema>;
