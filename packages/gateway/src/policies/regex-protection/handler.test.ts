import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, type ExchangeFixture, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { Rejection } from '../kit.js';
import { regexProtection } from './index.js';

const SQL = "'\\s*or\\s+\\d+\\s*=\\s*\\d+";
const SCRIPT = '<\\s*script\\b';

/** An exchange whose request yields `body` when read (through `exchange.readBody()`, for real). */
function bodyExchange(body: string, contentType: string, fixture: ExchangeFixture = {}): Exchange {
  const bytes = Buffer.from(body);
  const exchange = makeExchange({
    method: 'POST',
    ...fixture,
    headers: { 'content-type': contentType, 'content-length': String(bytes.length), ...fixture.headers },
  });
  Object.assign(exchange.request, {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  });
  return exchange;
}

/** The verdict for one exchange; parts other than the body decide synchronously. */
function checkSync(config: object, fixture: ExchangeFixture): Rejection | undefined {
  return rejectionOf(instantiate(regexProtection, { patterns: [SQL, SCRIPT], ...config }).onRequest?.(makeExchange(fixture)));
}

async function checkBody(config: object, exchange: Exchange): Promise<Rejection | undefined> {
  const handler = instantiate(regexProtection, { patterns: [SQL, SCRIPT], body: true, ...config });
  return rejectionOf(await handler.onRequest?.(exchange));
}

describe('policy: regex-protection', () => {
  describe('schema and check', () => {
    it('fills the defaults: path and query, case-insensitive, no headers, no body', () => {
      expect(Value.Default(regexProtection.schema, { patterns: ['x'] })).toEqual({
        patterns: ['x'],
        caseInsensitive: true,
        path: true,
        query: true,
        headers: [],
        body: false,
        maxInputLength: 8_192,
        maxBodyBytes: 65_536,
      });
    });

    it('accepts header names and the * wildcard', () => {
      expect(acceptsConfig(regexProtection, { patterns: [SQL], headers: ['user-agent', 'x-custom'] })).toBe(true);
      expect(acceptsConfig(regexProtection, { patterns: [SQL], headers: ['*'], path: false, query: false })).toBe(true);
    });

    it.each([
      ['no patterns', {}],
      ['an empty list of patterns', { patterns: [] }],
      ['an empty pattern', { patterns: [''] }],
      ['an upper-case header name', { patterns: ['x'], headers: ['User-Agent'] }],
      ['a maxInputLength of 0', { patterns: ['x'], maxInputLength: 0 }],
      ['a maxBodyBytes above 1 MiB', { patterns: ['x'], maxBodyBytes: 1_048_577 }],
      ['an unknown field', { patterns: ['x'], flags: 'g' }],
    ])('refuses %s by schema', (_case, config) => {
      expect(acceptsConfig(regexProtection, config)).toBe(false);
    });

    it('refuses an invalid regular expression, naming the pattern', () => {
      const problems = regexProtection.check?.(Value.Default(regexProtection.schema, { patterns: ['ok', '(unclosed'] }));
      expect(Object.keys(problems ?? {})).toEqual(['patterns.1']);
      expect(problems?.['patterns.1']).toMatch(/^not a valid regular expression: .*Unterminated group/);
    });

    it('refuses patterns that can backtrack catastrophically, naming each', () => {
      const problems = regexProtection.check?.(Value.Default(regexProtection.schema, { patterns: ['(a+)+$', 'safe', '(x)\\1'] }));
      expect(Object.keys(problems ?? {})).toEqual(['patterns.0', 'patterns.2']);
      expect(problems?.['patterns.0']).toContain('nested quantifiers');
    });

    it("refuses '*' mixed with header names, and a config that scans nothing", () => {
      expect(regexProtection.check?.(Value.Default(regexProtection.schema, { patterns: ['x'], headers: ['*', 'cookie'] }))).toEqual({
        headers: "'*' (every header) cannot be combined with header names",
      });
      expect(regexProtection.check?.(Value.Default(regexProtection.schema, { patterns: ['x'], path: false, query: false }))).toEqual({
        '': 'nothing to scan: enable path, query, headers or body',
      });
    });
  });

  describe('path and query', () => {
    it('lets a clean request through', () => {
      expect(
        checkSync({ headers: ['*'] }, { remainder: '/orders/42', query: 'q=shoes&page=2', headers: { 'user-agent': 'curl' } }),
      ).toBeUndefined();
    });

    it('refuses a percent-encoded attack in the path, decoded once before matching', () => {
      expect(checkSync({}, { remainder: "/items/x'%20OR%201%3D1" })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the path matches a threat pattern',
      });
      expect(checkSync({ path: false }, { remainder: "/items/x'%20OR%201%3D1" })).toBeUndefined();
    });

    it('decodes the rest of the path even when an escape is not valid UTF-8', () => {
      expect(checkSync({}, { remainder: '/a/%C3%28/%3Cscript%3E' })?.code).toBe('THREAT_DETECTED');
    });

    it('refuses an attack in a query value (percent- or plus-encoded) or a query name', () => {
      expect(checkSync({}, { query: 'q=%27%20or%201%3D1' })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'a query parameter matches a threat pattern',
      });
      expect(checkSync({}, { query: "q='+OR+1=1" })?.code).toBe('THREAT_DETECTED');
      expect(checkSync({}, { query: '%3Cscript%3E=1' })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'a query parameter name matches a threat pattern',
      });
      expect(checkSync({ query: false }, { query: 'q=%27%20or%201%3D1' })).toBeUndefined();
    });

    it('matches each query parameter on its own: a pattern anchored on a value sees only that value', () => {
      const config = { patterns: ['^drop$'] };
      expect(checkSync(config, { query: 'a=1&cmd=DROP&b=2' })?.code).toBe('THREAT_DETECTED');
      expect(checkSync(config, { query: 'cmd=drop%20table' })).toBeUndefined();
    });

    it('matches case-insensitively by default, and exactly when told', () => {
      expect(checkSync({}, { query: 'q=%3CSCRIPT%3E' })?.code).toBe('THREAT_DETECTED');
      expect(checkSync({ caseInsensitive: false }, { query: 'q=%3CSCRIPT%3E' })).toBeUndefined();
      expect(checkSync({ caseInsensitive: false }, { query: 'q=%3Cscript%3E' })?.code).toBe('THREAT_DETECTED');
    });

    it('refuses an input longer than maxInputLength without scanning it', () => {
      const config = { patterns: ['never-matches-anything'], maxInputLength: 10 };
      expect(checkSync(config, { query: 'q=12345678901', remainder: '' })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'a query parameter is longer than maxInputLength (10 characters) and was not scanned',
      });
      expect(checkSync(config, { query: 'q=1234567890', remainder: '' })).toBeUndefined();
      expect(checkSync({ ...config, query: false }, { remainder: '/0123456789' })?.detail).toBe(
        'the path is longer than maxInputLength (10 characters) and was not scanned',
      );
    });
  });

  describe('headers', () => {
    it('matches only the named headers', () => {
      const config = { headers: ['referer'] };
      expect(checkSync(config, { headers: { referer: 'http://x/<script>' } })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the referer header matches a threat pattern',
      });
      expect(checkSync(config, { headers: { 'user-agent': '<script>' } })).toBeUndefined();
    });

    it('matches every forwarded header with *, each value of a repeated header too', () => {
      expect(checkSync({ headers: ['*'] }, { headers: { 'x-anything': "1' or 1=1" } })?.detail).toBe(
        'the x-anything header matches a threat pattern',
      );
      expect(checkSync({ headers: ['*'] }, { headers: { 'x-list': ['fine', '<script>'] } })?.code).toBe('THREAT_DETECTED');
    });

    it('does not match headers that are not forwarded (the API key a key policy took out)', () => {
      const exchange = makeExchange({ headers: { 'x-api-key': '<script>' } });
      delete exchange.requestHeaders['x-api-key'];
      const handler = instantiate(regexProtection, { patterns: [SCRIPT], headers: ['*'] });
      expect(rejectionOf(handler.onRequest?.(exchange))).toBeUndefined();
    });

    it('refuses a header value longer than maxInputLength', () => {
      expect(checkSync({ headers: ['cookie'], path: false, maxInputLength: 5 }, { headers: { cookie: 'a=123456' } })?.detail).toBe(
        'the cookie header is longer than maxInputLength (5 characters) and was not scanned',
      );
    });
  });

  describe('body', () => {
    it('does not read the body unless body is true', () => {
      const exchange = bodyExchange('<script>', 'text/plain');
      const handler = instantiate(regexProtection, { patterns: [SCRIPT] });
      expect(rejectionOf(handler.onRequest?.(exchange))).toBeUndefined();
      expect(exchange.body).toBeUndefined();
    });

    it('refuses a text body that matches, and forwards a clean one from memory', async () => {
      expect(await checkBody({}, bodyExchange('hello <script>alert(1)</script>', 'text/plain'))).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the body matches a threat pattern',
      });
      const clean = bodyExchange('hello world', 'text/plain');
      expect(await checkBody({}, clean)).toBeUndefined();
      expect(clean.body?.toString()).toBe('hello world');
    });

    it('decodes form fields before matching', async () => {
      expect(await checkBody({}, bodyExchange('name=bob&comment=%3Cscript%3E', 'application/x-www-form-urlencoded'))).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'a form field of the body matches a threat pattern',
      });
      expect(await checkBody({}, bodyExchange("q=x'+or+1%3D1", 'application/x-www-form-urlencoded; charset=utf-8'))).toBeDefined();
    });

    it('decodes JSON string escapes before matching', async () => {
      expect((await checkBody({}, bodyExchange('{"q":"\\u003cscript>"}', 'application/json')))?.code).toBe('THREAT_DETECTED');
      expect((await checkBody({}, bodyExchange('{"q":"x\\u0027 or 1=1"}', 'application/vnd.api+json')))?.code).toBe('THREAT_DETECTED');
      expect(await checkBody({}, bodyExchange('{"q":"\\u003cscript>"}', 'text/plain'))).toBeUndefined();
    });

    it('refuses a body above maxBodyBytes with 413, before reading when its length is declared', async () => {
      const declared = bodyExchange('0123456789', 'text/plain');
      expect(await checkBody({ maxBodyBytes: 9 }, declared)).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        detail: 'the request body is larger than maxBodyBytes (9 bytes)',
        headers: { connection: 'close' },
      });
      expect(declared.body).toBeUndefined();
      const chunked = bodyExchange('0123456789', 'text/plain', { headers: { 'transfer-encoding': 'chunked' } });
      delete (chunked.request.headers as Record<string, unknown>)['content-length'];
      expect((await checkBody({ maxBodyBytes: 9 }, chunked))?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('refuses a compressed body with 415', async () => {
      expect((await checkBody({}, bodyExchange('x', 'text/plain', { headers: { 'content-encoding': 'br' } })))?.code).toBe(
        'UNSUPPORTED_MEDIA_TYPE',
      );
    });

    it('checks path, query and headers before reading the body', () => {
      const exchange = bodyExchange('clean', 'text/plain', { query: 'q=%3Cscript%3E' });
      const handler = instantiate(regexProtection, { patterns: [SCRIPT], body: true });
      expect(rejectionOf(handler.onRequest?.(exchange))?.detail).toBe('a query parameter matches a threat pattern');
      expect(exchange.body).toBeUndefined();
    });
  });
});
