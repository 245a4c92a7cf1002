import { type Static, Type } from 'typebox';

/** The signature algorithms the policy verifies. */
export const JWT_ALGORITHMS = ['HS256', 'RS256', 'ES256'] as const;

/** Which tokens are accepted, and what of them the backend receives. */
export const JwtSchema = Type.Object(
  {
    algorithms: Type.Array(Type.Enum([...JWT_ALGORITHMS]), {
      minItems: 1,
      uniqueItems: true,
      default: [...JWT_ALGORITHMS],
      description:
        'Signature algorithms accepted (the token\'s "alg" must be one). Only those the key source can verify apply: ' +
        'HS256 with secret, RS256 and ES256 with jwks or jwksUrl. "none" is never accepted.',
    }),
    secret: Type.Union([Type.String({ minLength: 32, maxLength: 1024 }), Type.Null()], {
      default: null,
      description: 'Shared secret of HS256 tokens (UTF-8, at least 32 characters). Set exactly one of secret, jwks and jwksUrl.',
    }),
    jwks: Type.Union(
      [
        Type.Object(
          {
            keys: Type.Array(Type.Object({ kty: Type.String({ description: 'Key type: "RSA" or "EC".' }) }), {
              minItems: 1,
              maxItems: 100,
              description: 'Public JSON Web Keys (RSA or EC P-256).',
            }),
          },
          { description: 'A JSON Web Key Set.' },
        ),
        Type.Null(),
      ],
      {
        default: null,
        description: 'JSON Web Key Set ({"keys": [...]}) of the public keys of RS256/ES256 tokens, inline. A token\'s "kid" picks the key.',
      },
    ),
    jwksUrl: Type.Union([Type.String({ pattern: '^https?://', maxLength: 2048 }), Type.Null()], {
      default: null,
      description:
        "URL of the issuer's JSON Web Key Set (e.g. https://idp.example.com/.well-known/jwks.json), fetched on first use and cached " +
        '(refreshed after 10 minutes, or on an unknown "kid" at most every 30 s).',
    }),
    issuer: Type.Union([Type.String({ minLength: 1, maxLength: 1024 }), Type.Null()], {
      default: null,
      description: 'Required "iss" claim; null (default): not checked.',
    }),
    audience: Type.Union(
      [
        Type.String({ minLength: 1, maxLength: 1024 }),
        Type.Array(Type.String({ minLength: 1, maxLength: 1024 }), { minItems: 1, maxItems: 20 }),
        Type.Null(),
      ],
      { default: null, description: 'Accepted "aud" value, or list of values (one must match); null (default): not checked.' },
    ),
    clockToleranceSeconds: Type.Integer({
      minimum: 0,
      maximum: 300,
      default: 30,
      description: 'Seconds of clock skew allowed when checking "exp" and "nbf" (0 to 300).',
    }),
    // Claim names are checked by `check`: TypeBox's Value.Default throws on a record with
    // `additionalProperties: false` when a key misses the pattern, instead of letting Check refuse it.
    forwardClaims: Type.Record(Type.String(), Type.String({ pattern: "^[a-z0-9!#$%&'*+.^_`|~-]{1,100}$" }), {
      maxProperties: 20,
      default: {},
      description:
        'Claims sent to the backend as request headers, claim name → lower-case header name, e.g. {"sub": "x-user-id"}. ' +
        'Copies of these headers sent by the client are always removed.',
    }),
    stripAuthorization: Type.Boolean({
      default: true,
      description: 'Remove the Authorization header before forwarding (default true), so the backend never sees the token.',
    }),
  },
  { additionalProperties: false },
);
export type JwtConfig = Static<typeof JwtSchema>;
