import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, type Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from '../kit.js';
import { jsonThreatProtection } from './index.js';

/**
 * An exchange whose request yields `body` when read, as a socket would: the policy reads it
 * through `exchange.readBody()` for real. `chunked` frames it without a Content-Length.
 */
function bodyExchange(body: string | Buffer, headers: Record<string, string> = {}, chunked = false): Exchange {
  const bytes = Buffer.from(body);
  const framing: Record<string, string> = chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(bytes.length) };
  const exchange = makeExchange({ method: 'POST', headers: { 'content-type': 'application/json', ...framing, ...headers } });
  Object.assign(exchange.request, {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  });
  return exchange;
}

const LIMITS = { maxDepth: 3, maxArrayLength: 3, maxStringLength: 5, maxKeys: 3 };

/** The hook's verdict once settled; a reply fails the test (this policy only rejects). */
async function verdictOf(handler: PolicyHandler, exchange: Exchange): Promise<Rejection | undefined> {
  return rejectionOf(await handler.onRequest?.(exchange));
}

async function check(body: string | Buffer, config: object = LIMITS, headers: Record<string, string> = {}): Promise<Rejection | undefined> {
  return verdictOf(instantiate(jsonThreatProtection, config), bodyExchange(body, headers));
}

describe('policy: json-threat-protection', () => {
  describe('schema', () => {
    it('fills the defaults', () => {
      expect(Value.Default(jsonThreatProtection.schema, {})).toEqual({
        maxDepth: 32,
        maxArrayLength: 10_000,
        maxStringLength: 65_536,
        maxKeys: 1_000,
        maxBodyBytes: null,
      });
    });

    it('accepts the default config and explicit limits', () => {
      expect(acceptsConfig(jsonThreatProtection, {})).toBe(true);
      expect(acceptsConfig(jsonThreatProtection, { ...LIMITS, maxBodyBytes: 1024 })).toBe(true);
    });

    it.each([
      ['a depth of 0', { maxDepth: 0 }],
      ['a depth above 10,000', { maxDepth: 10_001 }],
      ['a fractional limit', { maxKeys: 1.5 }],
      ['an array length of 0', { maxArrayLength: 0 }],
      ['a string limit given as text', { maxStringLength: '10' }],
      ['a body limit of 0', { maxBodyBytes: 0 }],
      ['an unknown field', { maxDepth: 3, maxNameLength: 10 }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(jsonThreatProtection, config)).toBe(false);
    });
  });

  describe('limits', () => {
    it('admits a body exactly at every limit and forwards it from memory, unchanged', async () => {
      const body = '{"abcde":[1,2,{"k":"vwxyz"}],"b":12345,"c":null}';
      const exchange = bodyExchange(body);
      expect(await verdictOf(instantiate(jsonThreatProtection, LIMITS), exchange)).toBeUndefined();
      expect(exchange.body?.toString()).toBe(body);
    });

    it.each([
      ['maxDepth', '[[[[1]]]]', 'the JSON body nests deeper than maxDepth (3) (at byte 3)'],
      ['maxDepth inside an object', '{"a":{"b":{"c":{}}}}', 'the JSON body nests deeper than maxDepth (3) (at byte 15)'],
      ['maxArrayLength', '[1,2,3,4]', 'a JSON array has more elements than maxArrayLength (3) (at byte 6)'],
      ['maxKeys', '{"a":1,"b":2,"c":3,"d":4}', 'a JSON object has more entries than maxKeys (3) (at byte 18)'],
      [
        'maxStringLength on a value',
        '["abcdef"]',
        'a JSON string, key or number is longer than maxStringLength (5 characters) (at byte 1)',
      ],
      [
        'maxStringLength on a key',
        '{"abcdef":1}',
        'a JSON string, key or number is longer than maxStringLength (5 characters) (at byte 1)',
      ],
      ['maxStringLength on a number', '[123456]', 'a JSON string, key or number is longer than maxStringLength (5 characters) (at byte 1)'],
    ])('refuses a body one past %s with 400 THREAT_DETECTED naming the limit', async (_limit, body, detail) => {
      expect(await check(body)).toEqual({ code: 'THREAT_DETECTED', detail });
    });

    it('counts limits per container: siblings do not add up, and nested arrays count their own elements', async () => {
      expect(await check('[[1,2,3],[1,2,3],[1,2,3]]')).toBeUndefined();
      expect(await check('{"a":{"x":1,"y":2,"z":3},"b":{"x":1,"y":2,"z":3},"c":3}')).toBeUndefined();
      expect((await check('[[1,2,3],[1,2,3,4]]'))?.detail).toContain('maxArrayLength');
    });

    it('counts characters, not bytes: multi-byte UTF-8 and escapes are one character each', async () => {
      expect(await check('["ééééé"]')).toBeUndefined();
      expect(await check('["😀😀😀😀😀"]')).toBeUndefined();
      expect(await check('["\\n\\"\\\\\\u00e9a"]')).toBeUndefined();
      expect((await check('["éééééé"]'))?.detail).toContain('maxStringLength');
      expect((await check('["\\n\\n\\n\\n\\n\\n"]'))?.detail).toContain('maxStringLength');
    });

    it('survives nesting far deeper than any call stack (5 million brackets) and refuses it at the limit', async () => {
      const deep = Buffer.alloc(5_000_000, '[');
      const verdict = await check(deep, { maxDepth: 10_000 });
      expect(verdict).toEqual({ code: 'THREAT_DETECTED', detail: 'the JSON body nests deeper than maxDepth (10000) (at byte 10000)' });
    });

    it('admits nesting exactly at a deep maxDepth', async () => {
      const depth = 10_000;
      expect(await check(`${'['.repeat(depth)}${']'.repeat(depth)}`, { maxDepth: depth })).toBeUndefined();
      expect((await check(`${'['.repeat(depth + 1)}${']'.repeat(depth + 1)}`, { maxDepth: depth }))?.detail).toContain('maxDepth');
    });

    it('starts every call afresh: a refusal mid-object leaves no state behind', async () => {
      const handler = instantiate(jsonThreatProtection, LIMITS);
      expect((await verdictOf(handler, bodyExchange('{"a":{"b":[1,2,3,4]}}')))?.code).toBe('THREAT_DETECTED');
      expect(await verdictOf(handler, bodyExchange('[1,2,3]'))).toBeUndefined();
      expect(await verdictOf(handler, bodyExchange('{"a":1,"b":2,"c":3}'))).toBeUndefined();
    });
  });

  describe('grammar', () => {
    it.each([
      ['an empty object', '{}'],
      ['an empty array', '[]'],
      ['a top-level string', '"x"'],
      ['a top-level number', '-0.5e+10'],
      ['literals', '[true,false,null]'],
      ['surrounding whitespace', ' \t\r\n{ "a" : [ 1 , 2 ] }\n '],
      ['every escape', '["\\"\\\\\\/\\b\\f\\n\\r\\t\\uABcd"]'],
      ['exponents', '[1E5,2e-3,0.0]'],
    ])('admits %s', async (_case, body) => {
      expect(await check(body, {})).toBeUndefined();
    });

    it.each([
      ['an unclosed object', '{"a":1', 'unexpected end of the body'],
      ['an unclosed string', '["abc', 'unterminated string'],
      ['a missing value', '{"a"}', "expected ':' after a key"],
      ['a trailing comma in an array', '[1,]', "unexpected ']'"],
      ['a trailing comma in an object', '{"a":1,}', 'expected a string key'],
      ['an unquoted key', '{a:1}', 'expected a string key'],
      ['single quotes', "['a']", "unexpected '''"],
      ['a mismatched bracket', '[1}', "unexpected '}' in an array"],
      ['two documents', '{}{}', "unexpected '{' after the JSON value"],
      ['a leading zero', '[01]', "unexpected '1' in an array"],
      ['a bare minus', '[-]', 'invalid number'],
      ['a dangling decimal point', '[1.]', 'invalid number'],
      ['a broken literal', '[tru]', "invalid literal (expected 'true')"],
      ['NaN', '[NaN]', "unexpected 'N'"],
      ['a comment', '{} // x', "unexpected '/' after the JSON value"],
      ['a raw control character in a string', '["a\u0001"]', 'control character in a string'],
      ['an unknown escape', '["\\x41"]', 'invalid escape'],
      ['a short \\u escape', '["\\u12"]', 'invalid \\u escape'],
      ['only whitespace', '   ', 'unexpected end of the body'],
      ['a byte-order mark', '\uFEFF{}', 'unexpected byte 0xef'],
    ])('refuses %s as malformed', async (_case, body, reason) => {
      const verdict = await check(body, {});
      expect(verdict?.code).toBe('THREAT_DETECTED');
      expect(verdict?.detail).toContain(`the JSON body is malformed: ${reason}`);
    });

    it('refuses a body that is not UTF-8', async () => {
      expect(await check(Buffer.from([0x22, 0xc3, 0x28, 0x22]), {})).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the JSON body is malformed: it is not valid UTF-8',
      });
    });
  });

  describe('robustness', () => {
    const document = ' {"a":[1,-2.5e+3,true,false,null,"x\\u00e9\\n",{"é":[]}],"b":{}} ';

    it('answers every truncation of a document with a verdict, never an exception', async () => {
      const bytes = Buffer.from(document);
      const handler = instantiate(jsonThreatProtection, {});
      for (let end = 1; end < bytes.length - 1; end++) {
        const verdict = await verdictOf(handler, bodyExchange(bytes.subarray(0, end)));
        expect(verdict?.code, `first ${end} bytes`).toBe('THREAT_DETECTED');
      }
      expect(await verdictOf(handler, bodyExchange(bytes))).toBeUndefined();
    });

    it('answers every single-byte corruption of a document with a verdict, never an exception', async () => {
      const handler = instantiate(jsonThreatProtection, {});
      const bytes = Buffer.from(document);
      for (let at = 0; at < bytes.length; at++) {
        for (const replacement of [0x7b, 0x7d, 0x5b, 0x5d, 0x22, 0x5c, 0x2c, 0x3a, 0x2d, 0x30, 0x65, 0x75]) {
          const corrupt = Buffer.from(bytes);
          corrupt[at] = replacement;
          // A throw would reject here and fail the test (in the gateway: 500 POLICY_FAILED).
          const verdict = await verdictOf(handler, bodyExchange(corrupt));
          expect([undefined, 'THREAT_DETECTED']).toContain(verdict?.code);
        }
      }
    });
  });

  describe('which requests', () => {
    it('applies to application/json with parameters and to +json types, in any case', async () => {
      for (const type of [
        'application/json; charset=utf-8',
        'Application/JSON',
        'application/merge-patch+json',
        'application/vnd.api+json',
      ]) {
        expect((await check('[[[[1]]]]', LIMITS, { 'content-type': type }))?.code, type).toBe('THREAT_DETECTED');
      }
    });

    it('leaves other content types alone, without reading their body', async () => {
      const handler = instantiate(jsonThreatProtection, LIMITS);
      for (const type of ['text/plain', 'application/xml', 'application/jsonl', 'application/x-www-form-urlencoded']) {
        const exchange = bodyExchange('[[[[not json', { 'content-type': type });
        expect(handler.onRequest?.(exchange), type).toBeUndefined();
        expect(exchange.body).toBeUndefined();
      }
      const untyped = makeExchange({ method: 'POST', headers: { 'content-length': '3' } });
      expect(handler.onRequest?.(untyped)).toBeUndefined();
    });

    it('lets a JSON-typed request without a body through, synchronously and without reading', async () => {
      const handler = instantiate(jsonThreatProtection, LIMITS);
      const noFraming = makeExchange({ headers: { 'content-type': 'application/json' } });
      const empty = makeExchange({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '0' } });
      expect(handler.onRequest?.(noFraming)).toBeUndefined();
      expect(handler.onRequest?.(empty)).toBeUndefined();
      expect(noFraming.body).toBeUndefined();
    });

    it('inspects a chunked body (no Content-Length)', async () => {
      const handler = instantiate(jsonThreatProtection, LIMITS);
      expect((await verdictOf(handler, bodyExchange('[[[[1]]]]', {}, true)))?.code).toBe('THREAT_DETECTED');
    });

    it('inspects a body an earlier policy already read, synchronously', () => {
      const handler = instantiate(jsonThreatProtection, LIMITS);
      const exchange = makeExchange({ method: 'POST', headers: { 'content-type': 'application/json', 'content-length': '9' } });
      exchange.body = Buffer.from('[[[[1]]]]');
      expect(rejectionOf(handler.onRequest?.(exchange))?.code).toBe('THREAT_DETECTED');
    });

    it('refuses a compressed body with 415, since it cannot be inspected', async () => {
      const exchange = bodyExchange('[1]', { 'content-encoding': 'gzip' });
      expect(await verdictOf(instantiate(jsonThreatProtection, LIMITS), exchange)).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: "a body with Content-Encoding 'gzip' cannot be inspected; send it uncompressed",
      });
      expect(exchange.body).toBeUndefined();
      expect(await check('[1]', LIMITS, { 'content-encoding': 'identity' })).toBeUndefined();
    });
  });

  describe('maxBodyBytes', () => {
    const config = { ...LIMITS, maxBodyBytes: 8 };

    it('refuses a declared Content-Length above it with 413 before reading, closing the connection', async () => {
      const exchange = bodyExchange('[1,2,3,4]');
      expect(await verdictOf(instantiate(jsonThreatProtection, config), exchange)).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        detail: 'the request body is larger than maxBodyBytes (8 bytes)',
        headers: { connection: 'close' },
      });
      expect(exchange.body).toBeUndefined();
    });

    it('refuses a chunked body above it once read, and admits one at it', async () => {
      const handler = instantiate(jsonThreatProtection, config);
      expect((await verdictOf(handler, bodyExchange('[1,2,3,4]', {}, true)))?.code).toBe('PAYLOAD_TOO_LARGE');
      expect(await verdictOf(handler, bodyExchange('[1,2,33]', {}, true))).toBeUndefined();
    });

    it("lets the node's own limit apply when null (readBody throws BodyTooLarge, answered 413 by the flow runner)", async () => {
      const exchange = bodyExchange('[1,2,3]');
      exchange.maxBodyBytes = 4;
      await expect(verdictOf(instantiate(jsonThreatProtection, LIMITS), exchange)).rejects.toBeInstanceOf(BodyTooLarge);
    });
  });
});
