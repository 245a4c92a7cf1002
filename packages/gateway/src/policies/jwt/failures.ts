import { errors } from 'jose';

/**
 * Why a token is refused, as said to the caller: which check failed, never the expected issuer
 * or audience, nor anything about the keys. Undefined: not the token's fault (the key set could
 * not be fetched, a bug), which the policy lets surface as 500 POLICY_FAILED.
 */
export function tokenFailure(error: unknown): string | undefined {
  if (!(error instanceof errors.JOSEError)) return undefined;
  switch (error.code) {
    case 'ERR_JWT_EXPIRED':
      return 'the token has expired';
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return claimFailure((error as errors.JWTClaimValidationFailed).claim);
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return 'the token signature is not valid';
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return 'the token is signed with an algorithm that is not accepted';
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return 'the token is malformed';
    case 'ERR_JOSE_NOT_SUPPORTED':
      return 'the token uses an algorithm or key type that is not supported';
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return 'no signing key matches the token';
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return 'several signing keys match the token and none verifies it';
    default:
      return undefined;
  }
}

function claimFailure(claim: string): string {
  switch (claim) {
    case 'iss':
      return 'the token issuer is not accepted';
    case 'aud':
      return 'the token audience is not accepted';
    case 'nbf':
      return 'the token is not valid yet';
    default:
      // jose names only registered claims here; none of them is secret.
      return `the token's "${claim}" claim is not valid`;
  }
}
