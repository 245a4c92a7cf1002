import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type CryptoKey, exportJWK, generateKeyPair, type JWK, type JWTPayload, SignJWT } from 'jose';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

const ISSUER = 'https://idp.example';
const AUDIENCE = 'pets-api';

/** A real HTTP server publishing a JSON Web Key Set, counting fetches; `available = false` makes it answer 503. */
async function startJwksServer(keys: JWK[]) {
  const state = { fetches: 0, available: true };
  const server: Server = createServer((_request, response) => {
    state.fetches++;
    if (!state.available) {
      response.writeHead(503).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    state,
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`,
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

/** jwt through a real gateway node and echo upstream, with keys published by a real JWKS endpoint. */
describe('policy: jwt end to end', () => {
  let rsa: Awaited<ReturnType<typeof generateKeyPair>>;
  let intruder: Awaited<ReturnType<typeof generateKeyPair>>;
  const e2e = usePolicyGateway();
  let jwks: Awaited<ReturnType<typeof startJwksServer>>;

  beforeAll(async () => {
    [rsa, intruder] = await Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  });
  beforeEach(async () => {
    jwks = await startJwksServer([{ ...(await exportJWK(rsa.publicKey)), kid: 'key-1', use: 'sig', alg: 'RS256' }]);
  });
  afterEach(async () => {
    await jwks.close();
  });

  /** A token for the configured issuer and audience, valid for 10 minutes from now, unless overridden. */
  function token(payload: JWTPayload = {}, key: CryptoKey = rsa.privateKey) {
    const now = Math.floor(Date.now() / 1000);
    return new SignJWT({ iss: ISSUER, aud: AUDIENCE, sub: 'user-7', iat: now, exp: now + 600, ...payload })
      .setProtectedHeader({ alg: 'RS256', kid: 'key-1' })
      .sign(key);
  }

  const jwtPolicy = (config: Record<string, unknown> = {}) =>
    makePolicy({
      id: 'jwt',
      type: 'jwt',
      config: { jwksUrl: jwks.url, issuer: ISSUER, audience: AUDIENCE, forwardClaims: { sub: 'x-user-id' }, ...config },
    });

  const call = (headers: Record<string, string> = {}) => fetch(`${e2e.gateway.url}/pets/items`, { headers });

  it('admits a valid RS256 token: the backend gets the subject as a header and never the token', async () => {
    await e2e.start([jwtPolicy()]);
    const answer = await call({ authorization: `Bearer ${await token()}`, 'x-user-id': 'admin' });
    expect(answer.status).toBe(200);
    const seen = ((await answer.json()) as EchoReply).headers;
    expect(seen['x-user-id']).toBe('user-7');
    expect(seen.authorization).toBeUndefined();
  });

  it('fetches the key set once and verifies later calls from the cache', async () => {
    await e2e.start([jwtPolicy()]);
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await call({ authorization: `Bearer ${await token()}` })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200]);
    expect(jwks.state.fetches).toBe(1);
  });

  it('answers 401 UNAUTHENTICATED with WWW-Authenticate: Bearer without a token, before the backend', async () => {
    await e2e.start([jwtPolicy()]);
    const answer = await call();
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer');
    expect(((await answer.json()) as { code: string }).code).toBe('UNAUTHENTICATED');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it.each([
    ['expired', () => token({ exp: Math.floor(Date.now() / 1000) - 3600 }), 'the token has expired'],
    ['from another issuer', () => token({ iss: 'https://evil.example' }), 'the token issuer is not accepted'],
    ['for another audience', () => token({ aud: 'billing-api' }), 'the token audience is not accepted'],
    ['signed by another key', () => token({}, intruder.privateKey), 'the token signature is not valid'],
  ])('refuses a token %s with 401 UNAUTHENTICATED saying so, before the backend', async (_case, make, detail) => {
    await e2e.start([jwtPolicy()]);
    const answer = await call({ authorization: `Bearer ${await make()}` });
    expect(answer.status).toBe(401);
    expect(answer.headers.get('www-authenticate')).toBe('Bearer error="invalid_token"');
    expect(await answer.json()).toMatchObject({ code: 'UNAUTHENTICATED', detail });
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('fails closed with 500 POLICY_FAILED (logged) while the key set cannot be fetched, and recovers when it can', async () => {
    jwks.state.available = false;
    await e2e.start([jwtPolicy()]);
    const failed = await call({ authorization: `Bearer ${await token()}` });
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { code: string }).code).toBe('POLICY_FAILED');
    expect(e2e.upstream.received).toHaveLength(0);
    expect(e2e.gateway.logs.some((entry) => entry.level === 'error' && (entry.object as { policyId?: string }).policyId === 'jwt')).toBe(
      true,
    );

    jwks.state.available = true;
    expect((await call({ authorization: `Bearer ${await token()}` })).status).toBe(200);
  });

  it('lets a CORS preflight through without a token: cors runs first and answers it', async () => {
    await e2e.start([jwtPolicy(), makePolicy({ id: 'cors', type: 'cors', config: { allowOrigins: ['https://app.example.com'] } })]);
    const answer = await fetch(`${e2e.gateway.url}/pets/items`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://app.example.com',
        'access-control-request-method': 'GET',
        'access-control-request-headers': 'authorization',
      },
    });
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-headers')).toBe('authorization');
    expect(jwks.state.fetches).toBe(0);
    expect(e2e.upstream.received).toHaveLength(0);
  });
});
