import { type JWTVerifyOptions, jwtVerify } from 'jose';
import type { Exchange } from '../../exchange.js';
import { type PolicyHandler, type PolicyKit, type Rejection, reject, type Verdict } from '../kit.js';
import { forwardClaims } from './claims.js';
import { tokenFailure } from './failures.js';
import { jwkProblem, usableAlgorithms, verificationKey } from './keys.js';
import type { JwtConfig } from './schema.js';

// RFC 6750 §3: a call without a token gets the bare challenge; one with a bad token, invalid_token.
const MISSING: Rejection = reject('UNAUTHENTICATED', 'send a bearer token in the Authorization header', { 'www-authenticate': 'Bearer' });
const INVALID_CHALLENGE = { 'www-authenticate': 'Bearer error="invalid_token"' };

const BEARER = /^Bearer[ \t]+([^ \t]+)[ \t]*$/i;

/** Request headers a claim may not be forwarded in: the gateway's own, hop-by-hop, or framing ones. */
const RESERVED_HEADERS = new Set([
  'authorization',
  'connection',
  'content-length',
  'host',
  'keep-alive',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'via',
  'x-forwarded-for',
  'x-forwarded-host',
  'x-forwarded-proto',
  'x-request-id',
]);

/**
 * Verifies `Authorization: Bearer <JWT>` (signature, algorithm, `exp`/`nbf` with tolerance,
 * issuer and audience) and forwards chosen claims as headers. A missing or refused token is 401
 * UNAUTHENTICATED. Decoding and the key source are prepared once per snapshot; verifying is
 * asynchronous (jose's WebCrypto), so the hook answers a promise once a token is present.
 */
export function createJwt(config: JwtConfig, kit: PolicyKit): PolicyHandler {
  const key = verificationKey(config);
  const options: JWTVerifyOptions = {
    algorithms: usableAlgorithms(config),
    clockTolerance: config.clockToleranceSeconds,
  };
  if (config.issuer !== null) options.issuer = config.issuer;
  if (config.audience !== null) options.audience = config.audience;
  const claims = Object.entries(config.forwardClaims);
  const strip = config.stripAuthorization;

  async function verify(token: string, exchange: Exchange): Promise<Verdict> {
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      // The kit's clock, not the system's: one notion of now for the whole gateway (and for tests).
      // Two calls because jose's overloads take a key or a key resolver, not a union of both.
      const verified =
        key instanceof Uint8Array
          ? await jwtVerify(token, key, { ...options, currentDate: new Date(kit.now()) })
          : await jwtVerify(token, key, { ...options, currentDate: new Date(kit.now()) });
      payload = verified.payload;
    } catch (error) {
      const failure = tokenFailure(error);
      // Not the token's fault (the key set could not be fetched): a 500, logged with the policy's name.
      if (failure === undefined) throw error;
      return reject('UNAUTHENTICATED', failure, INVALID_CHALLENGE);
    }
    forwardClaims(payload, claims, exchange.requestHeaders);
    return undefined;
  }

  return {
    onRequest(exchange: Exchange) {
      const headers = exchange.requestHeaders;
      // Before any check: with continueOnError a refused call still goes on, and must carry
      // neither the token (when stripped) nor client-made copies of the claim headers.
      for (const [, header] of claims) delete headers[header];
      const authorization = exchange.header('authorization');
      if (strip) delete headers.authorization;
      const token = authorization === undefined ? undefined : BEARER.exec(authorization)?.[1];
      if (token === undefined) return MISSING;
      return verify(token, exchange);
    },
  };
}

/** What the schema cannot say: one key source, algorithms it can verify, usable public keys, free header names. */
export function checkJwt(config: unknown): Record<string, string> {
  const jwt = config as JwtConfig;
  const problems: Record<string, string> = {};
  const sources = [jwt.secret, jwt.jwks, jwt.jwksUrl].filter((source) => source !== null).length;
  if (sources !== 1) problems[''] = 'set exactly one of secret, jwks and jwksUrl';
  else if (usableAlgorithms(jwt).length === 0) {
    problems.algorithms =
      jwt.secret !== null ? 'a secret verifies HS256 only: list HS256' : 'a key set verifies RS256 and ES256: list one of them';
  }
  jwt.jwks?.keys.forEach((jwk, index) => {
    const problem = jwkProblem(jwk as Record<string, unknown>);
    if (problem !== undefined) problems[`jwks.keys.${index}`] = problem;
  });
  if (jwt.jwksUrl !== null && !URL.canParse(jwt.jwksUrl)) problems.jwksUrl = `not a URL: '${jwt.jwksUrl}'`;
  const seen = new Set<string>();
  for (const [claim, header] of Object.entries(jwt.forwardClaims)) {
    if (claim === '' || claim.length > 200) {
      problems.forwardClaims = 'claim names are 1 to 200 characters long';
    } else if (RESERVED_HEADERS.has(header) || header.startsWith('x-tollgate-')) {
      problems[`forwardClaims.${claim}`] = `${header} is set by the gateway or the HTTP connection; choose another header`;
    } else if (seen.has(header)) {
      problems[`forwardClaims.${claim}`] = `${header} already carries another claim`;
    }
    seen.add(header);
  }
  return problems;
}
