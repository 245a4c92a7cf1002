import { generateKeyPairSync } from 'node:crypto';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT, UnsecuredJWT } from 'jose';
import Value from 'typebox/value';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, makePolicyKit, POLICY_TEST_NOW } from '../../testing/policy-kit.js';
import type { Verdict } from '../kit.js';
import { jwt } from './index.js';

const SECRET = 'a-shared-secret-of-at-least-32-characters';
const NOW = Math.floor(POLICY_TEST_NOW / 1000);
const INVALID = { 'www-authenticate': 'Bearer error="invalid_token"' };

type KeyPair = Awaited<ReturnType<typeof generateKeyPair>>;
let rsa: KeyPair;
let otherRsa: KeyPair;
let ec: KeyPair;
let rsaJwk: JWK;
let ecJwk: JWK;

beforeAll(async () => {
  [rsa, otherRsa, ec] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256'), generateKeyPair('ES256')]);
  rsaJwk = { ...(await exportJWK(rsa.publicKey)), kid: 'rsa-1' };
  ecJwk = { ...(await exportJWK(ec.publicKey)), kid: 'ec-1' };
});

/** A token valid from an hour before the test clock to an hour after it, unless the payload says otherwise. */
function sign(
  payload: JWTPayload,
  alg: 'HS256' | 'RS256' | 'ES256' = 'HS256',
  key: CryptoKey | Uint8Array = new TextEncoder().encode(SECRET),
  kid?: string,
) {
  return new SignJWT({ iat: NOW - 3600, exp: NOW + 3600, ...payload })
    .setProtectedHeader(kid === undefined ? { alg } : { alg, kid })
    .sign(key);
}

/** The verdict of a fresh instance (clock at the test instant), awaited, with the exchange it ran on. */
async function run(
  config: Record<string, unknown>,
  headers: Record<string, string>,
  now = POLICY_TEST_NOW,
): Promise<{ verdict: Verdict; exchange: Exchange }> {
  const kit = makePolicyKit();
  kit.clock.now = now;
  const exchange = makeExchange({ headers });
  const verdict = await instantiate(jwt, config, kit).onRequest?.(exchange);
  return { verdict, exchange };
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const withSecret = (extra: Record<string, unknown> = {}) => ({ secret: SECRET, ...extra });
const refusal = (detail: string) => ({ code: 'UNAUTHENTICATED', detail, headers: INVALID });

describe('policy: jwt', () => {
  describe('schema', () => {
    it('fills defaults: every algorithm, no issuer or audience check, 30 s tolerance, no claims, strip the token', () => {
      expect(Value.Default(jwt.schema, { secret: SECRET })).toEqual({
        algorithms: ['HS256', 'RS256', 'ES256'],
        secret: SECRET,
        jwks: null,
        jwksUrl: null,
        issuer: null,
        audience: null,
        clockToleranceSeconds: 30,
        forwardClaims: {},
        stripAuthorization: true,
      });
    });

    it('accepts each key source with its checks and claims', () => {
      expect(acceptsConfig(jwt, { secret: SECRET, algorithms: ['HS256'], issuer: 'https://idp.example', audience: 'pets' })).toBe(true);
      expect(
        acceptsConfig(jwt, { jwks: { keys: [rsaJwk, ecJwk] }, audience: ['pets', 'stores'], forwardClaims: { sub: 'x-user-id' } }),
      ).toBe(true);
      expect(
        acceptsConfig(jwt, { jwksUrl: 'https://idp.example/.well-known/jwks.json', algorithms: ['RS256'], clockToleranceSeconds: 0 }),
      ).toBe(true);
      expect(acceptsConfig(jwt, { jwksUrl: 'http://127.0.0.1:8080/jwks', forwardClaims: { 'https://idp.example/roles': 'x-roles' } })).toBe(
        true,
      );
    });

    it.each([
      ['a secret shorter than 32 characters', { secret: 'short' }],
      ['the none algorithm', { secret: SECRET, algorithms: ['none'] }],
      ['an algorithm outside HS256/RS256/ES256', { secret: SECRET, algorithms: ['HS512'] }],
      ['no algorithm', { secret: SECRET, algorithms: [] }],
      ['a jwksUrl that is not http(s)', { jwksUrl: 'ftp://idp.example/jwks' }],
      ['a key set without keys', { jwks: { keys: [] } }],
      ['a key without kty', { jwks: { keys: [{ n: 'x' }] } }],
      ['an upper-case claim header', { secret: SECRET, forwardClaims: { sub: 'X-User-Id' } }],
      [
        'more than 20 forwarded claims',
        { secret: SECRET, forwardClaims: Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`c${i}`, `x-c${i}`])) },
      ],
      ['a clock tolerance over 300 s', { secret: SECRET, clockToleranceSeconds: 301 }],
      ['an empty audience list', { secret: SECRET, audience: [] }],
      ['an unknown field', { secret: SECRET, stripToken: false }],
    ])('refuses %s', (_case, config) => {
      expect(Value.Check(jwt.schema, Value.Default(jwt.schema, config))).toBe(false);
    });

    /** The check's answer for a config that matches the schema. */
    const check = (config: object) => {
      const filled = Value.Default(jwt.schema, Value.Clone(config));
      expect(Value.Check(jwt.schema, filled)).toBe(true);
      return jwt.check?.(filled);
    };

    it('wants exactly one key source', () => {
      expect(check({})).toEqual({ '': 'set exactly one of secret, jwks and jwksUrl' });
      expect(check({ secret: SECRET, jwksUrl: 'https://idp.example/jwks' })).toEqual({ '': 'set exactly one of secret, jwks and jwksUrl' });
    });

    it('wants an algorithm the key source can verify', () => {
      expect(check({ secret: SECRET, algorithms: ['RS256'] })).toEqual({ algorithms: 'a secret verifies HS256 only: list HS256' });
      expect(check({ jwks: { keys: [rsaJwk] }, algorithms: ['HS256'] })).toEqual({
        algorithms: 'a key set verifies RS256 and ES256: list one of them',
      });
    });

    it('names every key of an inline set that cannot verify, and refuses private keys', async () => {
      const privateJwk = await exportJWK((await generateKeyPair('RS256', { extractable: true })).privateKey);
      const p384 = await exportJWK((await generateKeyPair('ES384')).publicKey);
      // jose will not generate a short RSA key; node:crypto will.
      const short = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ format: 'jwk' });
      const problems = check({
        jwks: { keys: [rsaJwk, privateJwk, { kty: 'oct', k: 'c2VjcmV0' }, p384, short, { kty: 'RSA', e: 'AQAB' }, { kty: 'OKP' }] },
      });
      expect(problems).toEqual({
        'jwks.keys.1': 'the key holds private key material ("d"): publish the public key only',
        'jwks.keys.2': 'a symmetric key does not belong in a key set: use secret',
        'jwks.keys.3': 'curve "P-384" is not supported (ES256 needs P-256)',
        'jwks.keys.4': 'an RSA key of 1024 bits is too short (RS256 needs 2048 or more)',
        'jwks.keys.5': expect.stringMatching(/^not a usable public key: /),
        'jwks.keys.6': 'key type "OKP" is not supported (RSA for RS256, EC P-256 for ES256)',
      });
    });

    it('refuses an empty claim name', () => {
      expect(check({ secret: SECRET, forwardClaims: { '': 'x-user-id' } })).toEqual({
        forwardClaims: 'claim names are 1 to 200 characters long',
      });
    });

    it('refuses claims forwarded in headers the gateway sets, and two claims in one header', () => {
      expect(check({ secret: SECRET, forwardClaims: { sub: 'x-tollgate-client', iss: 'host', aud: 'x-aud', azp: 'x-aud' } })).toEqual({
        'forwardClaims.sub': 'x-tollgate-client is set by the gateway or the HTTP connection; choose another header',
        'forwardClaims.iss': 'host is set by the gateway or the HTTP connection; choose another header',
        'forwardClaims.azp': 'x-aud already carries another claim',
      });
    });
  });

  describe('tokens', () => {
    it('admits a valid HS256 token and strips Authorization before forwarding', async () => {
      const { verdict, exchange } = await run(withSecret(), { ...bearer(await sign({ sub: 'u1' })), accept: 'text/plain' });
      expect(verdict).toBeUndefined();
      expect(exchange.requestHeaders).toEqual({ accept: 'text/plain' });
    });

    it('keeps Authorization when stripAuthorization is false', async () => {
      const token = await sign({ sub: 'u1' });
      const { verdict, exchange } = await run(withSecret({ stripAuthorization: false }), bearer(token));
      expect(verdict).toBeUndefined();
      expect(exchange.requestHeaders.authorization).toBe(`Bearer ${token}`);
    });

    it('reads the scheme case-insensitively and tolerates extra blanks', async () => {
      const token = await sign({});
      expect((await run(withSecret(), { authorization: `bearer  ${token} ` })).verdict).toBeUndefined();
    });

    it('answers 401 UNAUTHENTICATED with WWW-Authenticate: Bearer, synchronously, without a bearer token', () => {
      const missing = {
        code: 'UNAUTHENTICATED',
        detail: 'send a bearer token in the Authorization header',
        headers: { 'www-authenticate': 'Bearer' },
      };
      const cases: Array<Record<string, string>> = [
        {},
        { authorization: 'Basic dXNlcjpwYXNz' },
        { authorization: 'Bearer ' },
        { authorization: 'Bearer a b' },
      ];
      for (const headers of cases) {
        const verdict = instantiate(jwt, withSecret()).onRequest?.(makeExchange({ headers }));
        expect(verdict instanceof Promise).toBe(false);
        expect(verdict).toEqual(missing);
      }
    });

    it('refuses a token signed with another secret', async () => {
      const forged = await sign({ sub: 'admin' }, 'HS256', new TextEncoder().encode('another-secret-of-at-least-32-characters'));
      expect((await run(withSecret(), bearer(forged))).verdict).toEqual(refusal('the token signature is not valid'));
    });

    it('refuses an expired token past the tolerance, and admits it within the tolerance', async () => {
      const token = await sign({ exp: NOW - 10 });
      expect((await run(withSecret({ clockToleranceSeconds: 0 }), bearer(token))).verdict).toEqual(refusal('the token has expired'));
      // A token is valid while now < exp + tolerance.
      expect((await run(withSecret({ clockToleranceSeconds: 11 }), bearer(token))).verdict).toBeUndefined();
      expect((await run(withSecret({ clockToleranceSeconds: 10 }), bearer(token))).verdict).toEqual(refusal('the token has expired'));
    });

    it('uses the kit clock: the same token is valid before its expiry and refused after it', async () => {
      const token = await sign({ exp: NOW + 60 });
      const config = withSecret({ clockToleranceSeconds: 0 });
      expect((await run(config, bearer(token), (NOW + 59) * 1000)).verdict).toBeUndefined();
      expect((await run(config, bearer(token), (NOW + 60) * 1000)).verdict).toEqual(refusal('the token has expired'));
    });

    it('refuses a token that is not valid yet (nbf) past the tolerance', async () => {
      const token = await sign({ nbf: NOW + 100 });
      expect((await run(withSecret(), bearer(token))).verdict).toEqual(refusal('the token is not valid yet'));
      expect((await run(withSecret({ clockToleranceSeconds: 100 }), bearer(token))).verdict).toBeUndefined();
    });

    it('checks the issuer and the audience without telling the expected values', async () => {
      const config = withSecret({ issuer: 'https://idp.example', audience: ['pets', 'stores'] });
      expect((await run(config, bearer(await sign({ iss: 'https://idp.example', aud: 'stores' })))).verdict).toBeUndefined();
      expect((await run(config, bearer(await sign({ iss: 'https://idp.example', aud: ['x', 'pets'] })))).verdict).toBeUndefined();
      expect((await run(config, bearer(await sign({ iss: 'https://evil.example', aud: 'pets' })))).verdict).toEqual(
        refusal('the token issuer is not accepted'),
      );
      expect((await run(config, bearer(await sign({ iss: 'https://idp.example' })))).verdict).toEqual(
        refusal('the token audience is not accepted'),
      );
      expect((await run(config, bearer(await sign({ iss: 'https://idp.example', aud: 'billing' })))).verdict).toEqual(
        refusal('the token audience is not accepted'),
      );
    });

    it('refuses malformed and unsigned ("alg": "none") tokens', async () => {
      expect((await run(withSecret(), bearer('not.a.jwt'))).verdict).toEqual(refusal('the token is malformed'));
      expect((await run(withSecret(), bearer('abc'))).verdict).toEqual(refusal('the token is malformed'));
      const unsigned = new UnsecuredJWT({ sub: 'admin', exp: NOW + 60 }).encode();
      expect((await run(withSecret(), bearer(unsigned))).verdict).toMatchObject({ code: 'UNAUTHENTICATED', headers: INVALID });
      expect((await run({ jwks: { keys: [rsaJwk] } }, bearer(unsigned))).verdict).toMatchObject({
        code: 'UNAUTHENTICATED',
        headers: INVALID,
      });
    });
  });

  describe('key sets', () => {
    it('verifies RS256 and ES256 tokens against an inline key set, picking the key by kid', async () => {
      const config = { jwks: { keys: [rsaJwk, ecJwk] } };
      expect(await run(config, bearer(await sign({}, 'RS256', rsa.privateKey, 'rsa-1')))).toMatchObject({ verdict: undefined });
      expect(await run(config, bearer(await sign({}, 'ES256', ec.privateKey, 'ec-1')))).toMatchObject({ verdict: undefined });
    });

    it('refuses a token signed by a key outside the set, with the kid of a key in the set or an unknown one', async () => {
      const config = { jwks: { keys: [rsaJwk] } };
      expect((await run(config, bearer(await sign({}, 'RS256', otherRsa.privateKey, 'rsa-1')))).verdict).toEqual(
        refusal('the token signature is not valid'),
      );
      expect((await run(config, bearer(await sign({}, 'RS256', otherRsa.privateKey, 'rsa-2')))).verdict).toEqual(
        refusal('no signing key matches the token'),
      );
    });

    it('refuses an algorithm that is not listed', async () => {
      const token = await sign({}, 'ES256', ec.privateKey, 'ec-1');
      expect((await run({ jwks: { keys: [rsaJwk, ecJwk] }, algorithms: ['RS256'] }, bearer(token))).verdict).toEqual(
        refusal('the token is signed with an algorithm that is not accepted'),
      );
    });

    it('resists algorithm confusion: an HS256 token keyed with the public key is refused by a key set', async () => {
      const publicKeyBytes = new TextEncoder().encode(JSON.stringify(rsaJwk));
      const confused = await sign({ sub: 'admin' }, 'HS256', publicKeyBytes, 'rsa-1');
      expect((await run({ jwks: { keys: [rsaJwk] } }, bearer(confused))).verdict).toEqual(
        refusal('the token is signed with an algorithm that is not accepted'),
      );
      // Listing HS256 does not help: a key set never verifies HS256.
      expect((await run({ jwks: { keys: [rsaJwk] }, algorithms: ['HS256', 'RS256'] }, bearer(confused))).verdict).toEqual(
        refusal('the token is signed with an algorithm that is not accepted'),
      );
    });

    it('a secret never verifies an RS256 token', async () => {
      const token = await sign({}, 'RS256', rsa.privateKey, 'rsa-1');
      expect((await run(withSecret(), bearer(token))).verdict).toEqual(
        refusal('the token is signed with an algorithm that is not accepted'),
      );
    });
  });

  describe('claims', () => {
    it('forwards chosen claims as headers: strings as they are, others as JSON, non-ASCII percent-encoded', async () => {
      const config = withSecret({
        forwardClaims: { sub: 'x-user-id', tenant: 'x-tenant', roles: 'x-roles', admin: 'x-admin', name: 'x-name', email: 'x-email' },
      });
      const token = await sign({ sub: 'user-1', tenant: 42, roles: ['reader', 'writer'], admin: false, name: 'José\r\nX-Evil: 1' });
      const { verdict, exchange } = await run(config, bearer(token));
      expect(verdict).toBeUndefined();
      expect(exchange.requestHeaders).toEqual({
        'x-user-id': 'user-1',
        'x-tenant': '42',
        'x-roles': '["reader","writer"]',
        'x-admin': 'false',
        'x-name': 'Jos%C3%A9%0D%0AX-Evil%3A%201',
      });
    });

    it('never forwards client-sent copies of the claim headers, even when the claim is absent or the token refused', async () => {
      const config = withSecret({ forwardClaims: { sub: 'x-user-id' } });
      const spoof = { 'x-user-id': 'admin' };
      const absent = await run(config, { ...spoof, ...bearer(await sign({})) });
      expect(absent.verdict).toBeUndefined();
      expect(absent.exchange.requestHeaders).toEqual({});

      // With continueOnError a refused call is still forwarded: it must carry neither the spoof nor the token.
      const refused = await run(config, { ...spoof, ...bearer(await sign({ sub: 'u1', exp: NOW - 3600 })) });
      expect(refused.verdict).toMatchObject({ code: 'UNAUTHENTICATED' });
      expect(refused.exchange.requestHeaders).toEqual({});
      const missing = await run(config, spoof);
      expect(missing.exchange.requestHeaders).toEqual({});
    });
  });
});
