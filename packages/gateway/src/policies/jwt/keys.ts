import { createPublicKey } from 'node:crypto';
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import type { JwtConfig } from './schema.js';

/** What jose verifies a token with: the secret's bytes, or a key set that picks a key by the token's header. */
export type VerificationKey = Uint8Array | JWTVerifyGetKey;

/**
 * Builds the key source once per snapshot. A remote key set is fetched on first use and cached
 * by jose (10 minutes; on an unknown `kid` it refetches at most every 30 s), so a call does not
 * wait for the issuer except on the first call and after the cache expires.
 */
export function verificationKey(config: JwtConfig): VerificationKey {
  if (config.secret !== null) return new TextEncoder().encode(config.secret);
  if (config.jwks !== null) return createLocalJWKSet(config.jwks as JSONWebKeySet);
  if (config.jwksUrl !== null) return createRemoteJWKSet(new URL(config.jwksUrl));
  throw new Error('no key source: set secret, jwks or jwksUrl');
}

/** The algorithms of `config.algorithms` the configured key source can verify. */
export function usableAlgorithms(config: JwtConfig): string[] {
  const symmetric = config.secret !== null;
  return config.algorithms.filter((algorithm) => (algorithm === 'HS256') === symmetric);
}

/**
 * Why a member of an inline key set cannot verify tokens, or undefined when it can. Checked when
 * the configuration is saved rather than on the first call, and private key material is refused:
 * a key set in a configuration is readable by every administrator.
 */
export function jwkProblem(jwk: Record<string, unknown>): string | undefined {
  if (jwk.kty === 'oct') return 'a symmetric key does not belong in a key set: use secret';
  if (jwk.kty !== 'RSA' && jwk.kty !== 'EC')
    return `key type ${JSON.stringify(jwk.kty)} is not supported (RSA for RS256, EC P-256 for ES256)`;
  if (jwk.d !== undefined) return 'the key holds private key material ("d"): publish the public key only';
  if (jwk.kty === 'EC' && jwk.crv !== 'P-256') return `curve ${JSON.stringify(jwk.crv)} is not supported (ES256 needs P-256)`;
  try {
    const key = createPublicKey({ key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' });
    const bits = key.asymmetricKeyDetails?.modulusLength;
    if (jwk.kty === 'RSA' && (bits === undefined || bits < 2048))
      return `an RSA key of ${bits} bits is too short (RS256 needs 2048 or more)`;
  } catch (error) {
    return `not a usable public key: ${error instanceof Error ? error.message : String(error)}`;
  }
  return undefined;
}
