import { brotliCompressSync, deflateRawSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { Rejection } from '../kit.js';
import { validateJson } from './index.js';

const PET = {
  type: 'object',
  required: ['name', 'age'],
  additionalProperties: false,
  properties: {
    name: { type: 'string', minLength: 1 },
    age: { type: 'integer', minimum: 0 },
    email: { type: 'string', format: 'email' },
    tags: { type: 'array', items: { $ref: '#/definitions/tag' } },
  },
  definitions: { tag: { type: 'string', maxLength: 5 } },
};

/** An exchange whose request yields `body` when read, through `exchange.readBody()` for real. */
function bodyExchange(
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
  method = 'POST',
): Exchange {
  const bytes = Buffer.from(body);
  const exchange = makeExchange({ method, headers: { 'content-length': String(bytes.length), ...headers } });
  Object.assign(exchange.request, {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  });
  return exchange;
}

async function checkRequest(exchange: Exchange, schema: object = PET): Promise<Rejection | undefined> {
  return rejectionOf(await instantiate(validateJson, { schema }).onRequest?.(exchange));
}

/** An exchange in the response flows: the backend answered `status` with `body`. */
function answered(
  status: number,
  body: string | Buffer,
  headers: Record<string, string> = { 'content-type': 'application/json' },
): Exchange {
  const exchange = makeExchange();
  exchange.response = { status, headers, body: Buffer.from(body) };
  return exchange;
}

function checkResponse(exchange: Exchange, schema: object = PET): Rejection | undefined {
  return rejectionOf(instantiate(validateJson, { schema }).onResponse?.(exchange));
}

describe('policy: validate-json', () => {
  describe('schema and check', () => {
    it('runs in proxy-request and both response flows, and reads response bodies', () => {
      expect(validateJson.flows).toEqual(['proxy-request', 'target-response', 'proxy-response']);
      expect(instantiate(validateJson, { schema: PET }).readsResponseBody).toBe(true);
    });

    it('accepts draft-07, 2019-09 and 2020-12 schemas', () => {
      expect(acceptsConfig(validateJson, { schema: PET })).toBe(true);
      expect(acceptsConfig(validateJson, { schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'string' } })).toBe(true);
      expect(acceptsConfig(validateJson, { schema: { $schema: 'https://json-schema.org/draft/2019-09/schema', type: 'string' } })).toBe(
        true,
      );
      expect(
        acceptsConfig(validateJson, {
          schema: { $schema: 'https://json-schema.org/draft/2020-12/schema', prefixItems: [{ type: 'string' }] },
        }),
      ).toBe(true);
    });

    it('refuses a config without a schema, with a non-object schema or extra fields', () => {
      expect(acceptsConfig(validateJson, {})).toBe(false);
      expect(acceptsConfig(validateJson, { schema: 'object' })).toBe(false);
      expect(acceptsConfig(validateJson, { schema: {}, strict: true })).toBe(false);
    });

    it.each([
      ['an unknown type', { type: 'strng' }, /schema is invalid/],
      ['a malformed keyword', { minLength: -1 }, /schema is invalid/],
      ['an invalid pattern', { type: 'string', pattern: '([a-z' }, /Invalid regular expression/],
      ['a remote $ref', { $ref: 'https://example.com/pet.json' }, /can't resolve reference/],
      ['a dangling local $ref', { $ref: '#/definitions/missing' }, /can't resolve reference/],
      ['an unsupported draft', { $schema: 'http://json-schema.org/draft-04/schema#', type: 'string' }, /no schema with key or ref/],
    ])('refuses %s with a field error on schema', (_case, schema, message) => {
      const problems = validateJson.check?.({ schema });
      expect(Object.keys(problems ?? {})).toEqual(['schema']);
      expect(problems?.schema).toMatch(/^not a usable JSON Schema: /);
      expect(problems?.schema).toMatch(message);
    });
  });

  describe('request bodies', () => {
    it('lets a valid body through and forwards it from memory', async () => {
      const body = '{"name":"Rex","age":3,"email":"rex@example.com","tags":["dog"]}';
      const exchange = bodyExchange(body);
      expect(await checkRequest(exchange)).toBeUndefined();
      expect(exchange.body?.toString()).toBe(body);
    });

    it.each([
      ['a missing property', '{"name":"Rex"}', '/age is required'],
      ['a wrong type', '{"name":"Rex","age":"3"}', '/age must be integer'],
      ['an unexpected property', '{"name":"Rex","age":3,"owner":"x"}', '/owner is not allowed'],
      ['a bad format', '{"name":"Rex","age":3,"email":"not-an-email"}', '/email must match format "email"'],
      ['a bad item through a $ref', '{"name":"Rex","age":3,"tags":["ok","toolong"]}', '/tags/1 must NOT have more than 5 characters'],
      ['the wrong root type', '[]', '/ must be object'],
    ])('refuses %s with 400 VALIDATION_FAILED and the path of the first error', async (_case, body, error) => {
      expect(await checkRequest(bodyExchange(body))).toEqual({
        code: 'VALIDATION_FAILED',
        detail: `the request body does not match the schema: ${error}`,
      });
    });

    it('escapes property names in the pointer', async () => {
      const schema = { type: 'object', required: ['a/b'] };
      expect((await checkRequest(bodyExchange('{}'), schema))?.detail).toBe(
        'the request body does not match the schema: /a~1b is required',
      );
    });

    it('refuses a body that is not JSON without echoing it', async () => {
      expect(await checkRequest(bodyExchange('{"name": secret'))).toEqual({
        code: 'VALIDATION_FAILED',
        detail: 'the request body is not valid JSON',
      });
    });

    it('refuses a POST, PUT or PATCH without a body, and lets a GET or DELETE without one through', async () => {
      for (const method of ['POST', 'PUT', 'PATCH']) {
        const noBody = makeExchange({ method, headers: { 'content-type': 'application/json' } });
        expect(await checkRequest(noBody), method).toEqual({ code: 'VALIDATION_FAILED', detail: 'the request needs a JSON body' });
      }
      expect(await checkRequest(bodyExchange(''))).toEqual({ code: 'VALIDATION_FAILED', detail: 'the request needs a JSON body' });
      for (const method of ['GET', 'DELETE', 'HEAD', 'OPTIONS']) {
        expect(rejectionOf(instantiate(validateJson, { schema: PET }).onRequest?.(makeExchange({ method }))), method).toBeUndefined();
      }
    });

    it('validates a body sent with a GET too', async () => {
      expect((await checkRequest(bodyExchange('{}', { 'content-type': 'application/json' }, 'GET')))?.code).toBe('VALIDATION_FAILED');
    });

    it('refuses a body that is not declared JSON with 415, and accepts +json types', async () => {
      expect(await checkRequest(bodyExchange('{"name":"Rex","age":3}', { 'content-type': 'text/plain' }))).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: "the request body must be JSON (application/json or a +json type), not 'text/plain'",
      });
      expect((await checkRequest(bodyExchange('{"name":"Rex","age":3}', {})))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(
        await checkRequest(bodyExchange('{"name":"Rex","age":3}', { 'content-type': 'application/merge-patch+json' })),
      ).toBeUndefined();
    });

    it('refuses a compressed request body with 415', async () => {
      const exchange = bodyExchange(gzipSync('{}'), { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      expect((await checkRequest(exchange))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('validates with a 2020-12 schema', async () => {
      const schema = {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        type: 'array',
        prefixItems: [{ type: 'string' }],
        items: false,
      };
      expect(await checkRequest(bodyExchange('["a"]'), schema)).toBeUndefined();
      expect((await checkRequest(bodyExchange('["a",1]'), schema))?.detail).toBe(
        'the request body does not match the schema: / must NOT have more than 1 items',
      );
    });

    it('answers VALIDATION_FAILED, not a crash, for data nested too deep for a recursive schema', async () => {
      const schema = { $ref: '#/definitions/node', definitions: { node: { type: 'array', items: { $ref: '#/definitions/node' } } } };
      const depth = 200_000;
      const body = `${'['.repeat(depth)}${']'.repeat(depth)}`;
      expect(await checkRequest(bodyExchange(body), schema)).toEqual({
        code: 'VALIDATION_FAILED',
        detail: 'the request body is nested too deeply to be validated',
      });
    });
  });

  describe('response bodies', () => {
    it('lets a valid 2xx answer through untouched', () => {
      const exchange = answered(200, '{"name":"Rex","age":3}');
      expect(checkResponse(exchange)).toBeUndefined();
      expect(exchange.response?.body?.toString()).toBe('{"name":"Rex","age":3}');
    });

    it('answers 502 UPSTREAM_UNAVAILABLE for a 2xx answer that breaks the schema', () => {
      expect(checkResponse(answered(201, '{"name":"Rex"}'))).toEqual({
        code: 'UPSTREAM_UNAVAILABLE',
        detail: "the backend's answer does not match the schema: /age is required",
      });
      expect(checkResponse(answered(200, 'not json'))?.detail).toBe("the backend's answer is not valid JSON");
    });

    it('answers 502 for a non-empty 2xx answer that is not JSON', () => {
      expect(checkResponse(answered(200, '<pet/>', { 'content-type': 'application/xml' }))).toEqual({
        code: 'UPSTREAM_UNAVAILABLE',
        detail: "the backend's answer is not JSON (Content-Type 'application/xml')",
      });
      expect(checkResponse(answered(200, '{}', {}))?.detail).toBe("the backend's answer is not JSON (Content-Type '')");
    });

    it('leaves error answers, redirects and empty answers alone', () => {
      expect(checkResponse(answered(404, '{"code":"NOT_FOUND"}'))).toBeUndefined();
      expect(checkResponse(answered(500, 'oops', { 'content-type': 'text/html' }))).toBeUndefined();
      expect(checkResponse(answered(302, ''))).toBeUndefined();
      expect(checkResponse(answered(204, ''))).toBeUndefined();
      expect(checkResponse(answered(201, '', {}))).toBeUndefined();
    });

    it('validates a compressed answer by decoding a copy; the client still gets the compressed bytes', () => {
      for (const [encoding, compress] of [
        ['gzip', gzipSync],
        ['br', brotliCompressSync],
        ['deflate', deflateRawSync],
      ] as const) {
        const valid = compress(Buffer.from('{"name":"Rex","age":3}'));
        const exchange = answered(200, valid, { 'content-type': 'application/json', 'content-encoding': encoding });
        expect(checkResponse(exchange), encoding).toBeUndefined();
        expect(exchange.response?.body).toEqual(valid);
        const invalid = answered(200, compress(Buffer.from('{"name":"Rex"}')), {
          'content-type': 'application/json',
          'content-encoding': encoding,
        });
        expect(checkResponse(invalid)?.detail, encoding).toBe("the backend's answer does not match the schema: /age is required");
      }
    });

    it('answers 502 for an answer whose encoding is unknown, corrupt or inflates past the body limit', () => {
      const headers = (encoding: string) => ({ 'content-type': 'application/json', 'content-encoding': encoding });
      expect(checkResponse(answered(200, 'x', headers('zstd')))?.detail).toBe(
        "the backend's answer cannot be validated: its Content-Encoding 'zstd' cannot be decoded",
      );
      expect(checkResponse(answered(200, 'not gzip', headers('gzip')))?.detail).toBe(
        "the backend's answer cannot be validated: its gzip encoding is corrupt",
      );
      const bomb = answered(200, gzipSync(Buffer.alloc(1_000_000, ' ')), headers('gzip'));
      bomb.maxBodyBytes = 1_000;
      expect(checkResponse(bomb)?.detail).toBe("the backend's answer cannot be validated: it inflates past 1000 bytes");
    });
  });
});
