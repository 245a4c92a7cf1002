import { type Static, Type } from 'typebox';

/** HTTP Basic authentication with a subscription product's consumer key and secret. */
export const BasicAuthSchema = Type.Object(
  {
    realm: Type.String({
      pattern: '^[\\x20\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$',
      default: 'tollgate',
      description: 'Realm named in the WWW-Authenticate challenge (no double quote or backslash).',
    }),
  },
  { additionalProperties: false },
);
export type BasicAuthConfig = Static<typeof BasicAuthSchema>;
