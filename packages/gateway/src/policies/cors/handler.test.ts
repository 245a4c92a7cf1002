import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { Verdict } from '../kit.js';
import { cors } from './index.js';

/** The synchronous verdict of a fresh instance for `exchange`. */
function verdictOf(config: object, exchange: Exchange): Verdict {
  const verdict = instantiate(cors, config).onRequest?.(exchange);
  if (verdict instanceof Promise) throw new Error('cors must decide synchronously');
  return verdict;
}

/** A preflight from `origin` asking for `method` and, optionally, headers. */
function preflight(origin: string, method: string, requestHeaders?: string): Exchange {
  const headers: Record<string, string> = { origin, 'access-control-request-method': method };
  if (requestHeaders !== undefined) headers['access-control-request-headers'] = requestHeaders;
  return makeExchange({ method: 'OPTIONS', headers });
}

/** An actual call from `origin`. */
function actual(origin: string, method = 'GET'): Exchange {
  return makeExchange({ method, headers: { origin } });
}

describe('policy: cors', () => {
  describe('schema', () => {
    it('fills defaults: every origin, the usual methods, any requested header, the gateway headers exposed, no credentials', () => {
      expect(Value.Default(cors.schema, {})).toEqual({
        allowOrigins: '*',
        allowMethods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
        allowHeaders: '*',
        exposeHeaders: ['x-request-id', 'ratelimit-limit', 'ratelimit-remaining', 'ratelimit-reset', 'retry-after'],
        allowCredentials: false,
        maxAge: 600,
      });
    });

    it('accepts origin lists (web, wildcard subdomains, IPv6, extension schemes) and header lists', () => {
      expect(
        acceptsConfig(cors, {
          allowOrigins: [
            'https://app.example.com',
            'http://localhost:3000',
            'https://*.example.org',
            'http://[::1]:8080',
            'chrome-extension://abcdef',
          ],
          allowMethods: ['GET', 'OPTIONS'],
          allowHeaders: ['Content-Type', 'x-api-key'],
          exposeHeaders: [],
          allowCredentials: true,
          maxAge: 0,
        }),
      ).toBe(true);
    });

    it.each([
      ['an empty origin list', { allowOrigins: [] }],
      ['an origin string other than "*"', { allowOrigins: 'https://app.example.com' }],
      ['an unknown method', { allowMethods: ['FETCH'] }],
      ['a lower-case method', { allowMethods: ['get'] }],
      ['no methods', { allowMethods: [] }],
      ['a header name with a space', { allowHeaders: ['x api key'] }],
      ['an exposed header name with a colon', { exposeHeaders: ['x-a:'] }],
      ['a negative maxAge', { maxAge: -1 }],
      ['a maxAge over a day', { maxAge: 86_401 }],
      ['an unknown field', { allowOrigin: '*' }],
    ])('refuses %s', (_case, config) => {
      expect(Value.Check(cors.schema, Value.Default(cors.schema, config))).toBe(false);
    });

    it('names every origin no browser could send, with the form to write', () => {
      const config = Value.Default(cors.schema, {
        allowOrigins: [
          'https://ok.example.com',
          'https://App.Example.com',
          'https://example.com/',
          'https://example.com:443',
          'example.com',
          'https://*.Example.com',
          'https://api.*.example.com',
          'https://bücher.example',
          'chrome-extension://abc/path',
        ],
      });
      expect(cors.check?.(config)).toEqual({
        'allowOrigins.1': "not an origin as browsers send it: 'https://App.Example.com' (write 'https://app.example.com')",
        'allowOrigins.2': "not an origin as browsers send it: 'https://example.com/' (write 'https://example.com')",
        'allowOrigins.3': "not an origin as browsers send it: 'https://example.com:443' (write 'https://example.com')",
        'allowOrigins.4': "not an origin: 'example.com' (write scheme://host[:port], e.g. https://app.example.com)",
        'allowOrigins.5': "not an origin as browsers send it: 'https://*.Example.com' (write 'https://*.example.com')",
        'allowOrigins.6': "not an origin: 'https://api.*.example.com' ('*' may only stand for the subdomains: https://*.example.com)",
        'allowOrigins.7': "not an origin as browsers send it: 'https://bücher.example' (write 'https://xn--bcher-kva.example')",
        'allowOrigins.8': "not an origin: 'chrome-extension://abc/path' (write scheme://host[:port])",
      });
    });
  });

  describe('preflight', () => {
    it('answers 204 itself with the Access-Control-Allow-* headers and Vary', () => {
      const config = { allowOrigins: ['https://app.example.com'], allowHeaders: ['Content-Type', 'X-Api-Key'], maxAge: 300 };
      expect(verdictOf(config, preflight('https://app.example.com', 'PUT', 'content-type'))).toEqual({
        status: 204,
        body: '',
        headers: {
          'access-control-allow-origin': 'https://app.example.com',
          'access-control-allow-methods': 'GET, HEAD, POST, PUT, PATCH, DELETE',
          'access-control-allow-headers': 'content-type, x-api-key',
          'access-control-max-age': '300',
          vary: 'Origin, Access-Control-Request-Method, Access-Control-Request-Headers',
        },
      });
    });

    it('with allowHeaders "*", allows the requested headers by name', () => {
      const verdict = verdictOf({}, preflight('https://any.example', 'POST', 'X-Api-Key, content-type'));
      expect(verdict).toMatchObject({ status: 204, headers: { 'access-control-allow-headers': 'x-api-key, content-type' } });
      const noHeaders = verdictOf({}, preflight('https://any.example', 'POST'));
      expect(noHeaders).toMatchObject({ status: 204 });
      expect(noHeaders && 'headers' in noHeaders ? noHeaders.headers : {}).not.toHaveProperty('access-control-allow-headers');
    });

    it('answers "*" to any origin without credentials, and echoes the origin, never "*", with credentials', () => {
      expect(verdictOf({}, preflight('https://any.example', 'GET'))).toMatchObject({
        headers: { 'access-control-allow-origin': '*' },
      });
      const credentialed = verdictOf({ allowCredentials: true }, preflight('https://any.example', 'GET'));
      expect(credentialed).toMatchObject({
        headers: { 'access-control-allow-origin': 'https://any.example', 'access-control-allow-credentials': 'true' },
      });
    });

    it('refuses an origin that is not listed with 403 CORS_REJECTED', () => {
      const config = { allowOrigins: ['https://app.example.com'] };
      expect(verdictOf(config, preflight('https://evil.example', 'GET'))).toEqual({
        code: 'CORS_REJECTED',
        detail: 'the origin https://evil.example is not allowed',
      });
    });

    it('refuses a method or a header that is not allowed, naming it', () => {
      const config = { allowMethods: ['GET', 'POST'], allowHeaders: ['content-type'] };
      expect(verdictOf(config, preflight('https://app.example.com', 'DELETE'))).toEqual({
        code: 'CORS_REJECTED',
        detail: 'the method DELETE is not allowed for cross-origin calls',
      });
      expect(verdictOf(config, preflight('https://app.example.com', 'POST', 'content-type, x-secret'))).toEqual({
        code: 'CORS_REJECTED',
        detail: 'the request header x-secret is not allowed for cross-origin calls',
      });
    });
  });

  describe('actual calls', () => {
    it('adds Allow-Origin, Expose-Headers and Vary as response headers, and continues', () => {
      const exchange = actual('https://app.example.com', 'POST');
      expect(rejectionOf(instantiate(cors, { allowOrigins: ['https://app.example.com'] }).onRequest?.(exchange))).toBeUndefined();
      expect(exchange.responseHeaders).toEqual({
        'access-control-allow-origin': 'https://app.example.com',
        'access-control-expose-headers': 'x-request-id, ratelimit-limit, ratelimit-remaining, ratelimit-reset, retry-after',
        vary: 'Origin',
      });
    });

    it('with credentials, echoes the origin for "*" and adds Allow-Credentials; no Expose-Headers when none', () => {
      const exchange = actual('https://any.example');
      expect(rejectionOf(instantiate(cors, { allowCredentials: true, exposeHeaders: [] }).onRequest?.(exchange))).toBeUndefined();
      expect(exchange.responseHeaders).toEqual({
        'access-control-allow-origin': 'https://any.example',
        'access-control-allow-credentials': 'true',
        vary: 'Origin',
      });
    });

    it('refuses an origin that is not listed with 403 CORS_REJECTED and adds no CORS header', () => {
      const exchange = actual('https://evil.example');
      expect(rejectionOf(instantiate(cors, { allowOrigins: ['https://app.example.com'] }).onRequest?.(exchange))?.code).toBe(
        'CORS_REJECTED',
      );
      expect(exchange.responseHeaders).toBeUndefined();
    });

    it('treats OPTIONS without Access-Control-Request-Method as an actual call', () => {
      const exchange = makeExchange({ method: 'OPTIONS', headers: { origin: 'https://any.example' } });
      expect(rejectionOf(instantiate(cors, {}).onRequest?.(exchange))).toBeUndefined();
      expect(exchange.responseHeaders?.['access-control-allow-origin']).toBe('*');
    });

    it('leaves calls without Origin untouched, even preflight-looking ones', () => {
      const plain = makeExchange({ headers: { accept: 'text/plain' } });
      const options = makeExchange({ method: 'OPTIONS', headers: { 'access-control-request-method': 'GET' } });
      const handler = instantiate(cors, { allowOrigins: ['https://app.example.com'] });
      expect(rejectionOf(handler.onRequest?.(plain))).toBeUndefined();
      expect(rejectionOf(handler.onRequest?.(options))).toBeUndefined();
      expect(plain.responseHeaders).toBeUndefined();
      expect(options.responseHeaders).toBeUndefined();
      expect(plain.requestHeaders).toEqual({ accept: 'text/plain' });
    });
  });

  describe('origin matching', () => {
    const admits = (allowOrigins: string[], origin: string) =>
      rejectionOf(instantiate(cors, { allowOrigins }).onRequest?.(actual(origin))) === undefined;

    it('matches listed origins exactly: scheme, host and port', () => {
      const list = ['https://app.example.com', 'http://localhost:3000'];
      expect(admits(list, 'https://app.example.com')).toBe(true);
      expect(admits(list, 'http://localhost:3000')).toBe(true);
      expect(admits(list, 'http://app.example.com')).toBe(false);
      expect(admits(list, 'https://app.example.com:8443')).toBe(false);
      expect(admits(list, 'http://localhost:3001')).toBe(false);
      expect(admits(list, 'https://app.example.com.evil.example')).toBe(false);
      expect(admits(list, 'null')).toBe(false);
    });

    it('matches a wildcard entry against subdomains at any depth, not the apex nor look-alikes', () => {
      const list = ['https://*.example.com'];
      expect(admits(list, 'https://app.example.com')).toBe(true);
      expect(admits(list, 'https://a.b.example.com')).toBe(true);
      expect(admits(list, 'https://example.com')).toBe(false);
      expect(admits(list, 'https://evilexample.com')).toBe(false);
      expect(admits(list, 'http://app.example.com')).toBe(false);
      expect(admits(list, 'https://app.example.com:8443')).toBe(false);
      expect(admits(list, 'https://evil.example/.example.com')).toBe(false);
    });
  });
});
