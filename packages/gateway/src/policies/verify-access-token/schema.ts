import { type Static, Type } from 'typebox';

/** What a token must carry. */
export const VerifyAccessTokenSchema = Type.Object(
  {
    scopes: Type.Array(Type.String({ pattern: '^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,100}$', description: 'An OAuth scope.' }), {
      uniqueItems: true,
      maxItems: 100,
      default: [],
      description:
        'Scopes the token must all carry (403 FORBIDDEN otherwise); [] (default): any token of a product that contains this API.',
    }),
  },
  { additionalProperties: false },
);
export type VerifyAccessTokenConfig = Static<typeof VerifyAccessTokenSchema>;
