import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, type ExchangeFixture, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { Rejection } from '../kit.js';
import { validateOpenApi } from './index.js';

/** An OpenAPI 3.0 pet store exercising every supported parameter kind, $refs and the 3.0 schema dialect. */
const PETSTORE_30 = {
  openapi: '3.0.3',
  info: { title: 'Pets', version: '1' },
  servers: [{ url: 'https://api.example.com/v1' }],
  paths: {
    '/pets': {
      get: {
        parameters: [
          { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } },
          { name: 'tags', in: 'query', schema: { type: 'array', items: { type: 'string', maxLength: 5 } } },
          { name: 'ids', in: 'query', explode: false, schema: { type: 'array', items: { type: 'integer' } } },
          {
            name: 'owners',
            in: 'query',
            style: 'pipeDelimited',
            explode: false,
            schema: { type: 'array', items: { type: 'string', minLength: 2 } },
          },
          { name: 'filter', in: 'query', content: { 'application/json': { schema: { type: 'object', required: ['kind'] } } } },
          { $ref: '#/components/parameters/RequestRef' },
          { name: 'session', in: 'cookie', required: true, schema: { type: 'string' } },
          { name: 'Accept', in: 'header', required: true, schema: { type: 'string', enum: ['never'] } },
        ],
      },
      post: {
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: '#/components/schemas/NewPet' } }, 'text/plain': {} },
        },
      },
    },
    '/pets/{petId}': {
      parameters: [{ name: 'petId', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } }],
      get: {},
      delete: { parameters: [{ name: 'X-Confirm', in: 'header', required: true, schema: { type: 'string', enum: ['yes'] } }] },
      patch: { requestBody: { $ref: '#/components/requestBodies/PetPatch' } },
    },
    '/pets/mine': { get: {} },
    '/files/{name}.json': {
      get: { parameters: [{ name: 'name', in: 'path', required: true, schema: { type: 'string', pattern: '^[a-z]+$' } }] },
    },
    '/uploads': {
      put: { requestBody: { content: { 'image/*': {}, 'application/*+json': { schema: { type: 'object', required: ['id'] } } } } },
    },
  },
  components: {
    parameters: { RequestRef: { name: 'X-Request-Ref', in: 'header', schema: { type: 'string', format: 'uuid' } } },
    requestBodies: {
      PetPatch: { content: { 'application/merge-patch+json': { schema: { $ref: '#/components/schemas/NewPet' } } } },
    },
    schemas: {
      NewPet: {
        type: 'object',
        required: ['name'],
        properties: {
          name: { type: 'string', example: 'Rex' },
          tag: { type: 'string', nullable: true },
          age: { type: 'integer', minimum: 0, exclusiveMinimum: true },
          parent: { $ref: '#/components/schemas/NewPet' },
        },
      },
    },
  },
};

/** An OpenAPI 3.1 document: JSON Schema 2020-12 schemas. */
const ORDERS_31 = {
  openapi: '3.1.0',
  info: { title: 'Orders', version: '1' },
  paths: {
    '/orders/{id}': {
      put: {
        parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^o-\\d+$' } }],
        requestBody: {
          required: true,
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['lines'],
                properties: {
                  note: { type: ['string', 'null'] },
                  total: { type: 'number', exclusiveMinimum: 0 },
                  lines: { type: 'array', prefixItems: [{ $ref: '#/components/schemas/Line' }], items: false },
                },
              },
            },
          },
        },
      },
    },
  },
  components: { schemas: { Line: { type: 'object', required: ['sku'], properties: { sku: { type: 'string' } } } } },
};

/** An exchange at `remainder` whose request yields `body` when read (through `exchange.readBody()`, for real). */
function bodyExchange(method: string, remainder: string, body: string, contentType = 'application/json'): Exchange {
  const bytes = Buffer.from(body);
  const exchange = makeExchange({ method, remainder, headers: { 'content-type': contentType, 'content-length': String(bytes.length) } });
  Object.assign(exchange.request, {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  });
  return exchange;
}

const petstore = instantiate(validateOpenApi, { spec: PETSTORE_30 });
const orders = instantiate(validateOpenApi, { spec: ORDERS_31 });

async function check(exchange: Exchange, handler = petstore): Promise<Rejection | undefined> {
  return rejectionOf(await handler.onRequest?.(exchange));
}

/** A request without a body: decided synchronously. */
function call(fixture: ExchangeFixture, handler = petstore): Rejection | undefined {
  return rejectionOf(handler.onRequest?.(makeExchange(fixture)));
}

const problems = (spec: object) => validateOpenApi.check?.(Value.Default(validateOpenApi.schema, { spec }));

describe('policy: validate-openapi', () => {
  describe('schema and check', () => {
    it('accepts 3.0 and 3.1 documents', () => {
      expect(acceptsConfig(validateOpenApi, { spec: PETSTORE_30 })).toBe(true);
      expect(acceptsConfig(validateOpenApi, { spec: ORDERS_31 })).toBe(true);
    });

    it.each([
      ['no spec', {}],
      ['a Swagger 2.0 document', { spec: { swagger: '2.0', paths: {} } }],
      ['an OpenAPI 3.2 document', { spec: { openapi: '3.2.0', paths: {} } }],
      ['a document without paths', { spec: { openapi: '3.0.3' } }],
      ['an unknown field', { spec: { openapi: '3.0.3', paths: {} }, strict: true }],
    ])('refuses %s by schema', (_case, config) => {
      expect(acceptsConfig(validateOpenApi, config)).toBe(false);
    });

    const base = (paths: object, components: object = {}) => ({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths, components });

    it.each([
      [
        'a remote $ref',
        base({ '/a': { get: { responses: { 200: { $ref: 'https://example.com/r.json' } } } } }),
        'spec.paths./a.get.responses.200',
        "$ref 'https://example.com/r.json' is not local: only #/… references are supported",
      ],
      [
        'a dangling parameter $ref',
        base({ '/a': { get: { parameters: [{ $ref: '#/components/parameters/Nope' }] } } }),
        'spec.paths./a.get.parameters.0',
        "$ref '#/components/parameters/Nope' does not resolve in the document",
      ],
      [
        'a dangling $ref inside a body schema',
        base({ '/a': { post: { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Nope' } } } } } } }),
        'spec.paths./a.post.requestBody.content.application/json',
        "can't resolve reference #/components/schemas/Nope",
      ],
      [
        'an invalid component schema',
        base({}, { schemas: { Pet: { type: 'strng' } } }),
        'spec.components.schemas.Pet',
        'schema is invalid',
      ],
      [
        'an invalid parameter schema',
        base({ '/a': { get: { parameters: [{ name: 'q', in: 'query', schema: { minimum: 'x' } }] } } }),
        'spec.paths./a.get.parameters.0',
        'schema is invalid',
      ],
      [
        'an object query parameter without content',
        base({ '/a': { get: { parameters: [{ name: 'f', in: 'query', style: 'deepObject', schema: { type: 'object' } }] } } }),
        'spec.paths./a.get.parameters.0',
        "parameter 'f' (query): object parameters are supported only with content: application/json",
      ],
      [
        'a matrix path parameter',
        base({
          '/a/{id}': { get: { parameters: [{ name: 'id', in: 'path', required: true, style: 'matrix', schema: { type: 'string' } }] } },
        }),
        'spec.paths./a/{id}.get.parameters.0',
        "parameter 'id' (path): style 'matrix' is not supported",
      ],
      [
        'a parameter without schema or content',
        base({ '/a': { get: { parameters: [{ name: 'q', in: 'query' }] } } }),
        'spec.paths./a.get.parameters.0',
        "parameter 'q' (query) needs a schema or content",
      ],
      [
        'a path parameter missing from the template',
        base({ '/a/{id}': { get: { parameters: [{ name: 'ident', in: 'path', required: true, schema: { type: 'string' } }] } } }),
        'spec.paths./a/{id}.get',
        "the path parameter 'ident' is not in the path /a/{id}",
      ],
      ['a path without a leading slash', base({ a: { get: {} } }), 'spec.paths.a', "a path must start with '/'"],
      ['a repeated path parameter', base({ '/{a}/{a}': { get: {} } }), 'spec.paths./{a}/{a}', "the path parameter 'a' appears twice"],
      [
        'a request body without content',
        base({ '/a': { post: { requestBody: {} } } }),
        'spec.paths./a.post.requestBody',
        'a request body needs content',
      ],
      [
        'a $ref cycle',
        base(
          { '/a': { get: { parameters: [{ $ref: '#/components/parameters/A' }] } } },
          { parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } } },
        ),
        'spec.paths./a.get.parameters.0',
        '$ref chain longer than 32 hops (a cycle?)',
      ],
      [
        'a 3.1 document in another JSON Schema dialect',
        { openapi: '3.1.0', jsonSchemaDialect: 'https://spec.openapis.org/oas/3.1/dialect/base', paths: {} },
        'spec.jsonSchemaDialect',
        'only the JSON Schema 2020-12 dialect is supported',
      ],
    ])('refuses %s with a field error', (_case, spec, field, message) => {
      const found = problems(spec) ?? {};
      expect(Object.keys(found)).toEqual([field]);
      expect(found[field]).toContain(message);
    });

    it('does not modify the configured document (3.0 schemas are converted in a copy)', () => {
      const spec = structuredClone(PETSTORE_30);
      instantiate(validateOpenApi, { spec });
      expect(spec).toEqual(PETSTORE_30);
    });
  });

  describe('operations', () => {
    it('lets a request to an operation through', () => {
      expect(call({ remainder: '/pets' })).toBeUndefined();
      expect(call({ remainder: '/pets/7' })).toBeUndefined();
    });

    it('answers 404 ROUTE_NOT_FOUND for a path the document does not have, trailing slash included', () => {
      expect(call({ remainder: '/owners' })).toEqual({ code: 'ROUTE_NOT_FOUND', detail: 'no path of the API description matches /owners' });
      expect(call({ remainder: '/pets/' })?.code).toBe('ROUTE_NOT_FOUND');
      expect(call({ remainder: '' })?.detail).toBe('no path of the API description matches /');
    });

    it('answers 405 METHOD_NOT_ALLOWED with Allow for a method the path does not have', () => {
      expect(call({ method: 'PUT', remainder: '/pets' })).toEqual({
        code: 'METHOD_NOT_ALLOWED',
        detail: 'PUT is not an operation of /pets in the API description',
        headers: { allow: 'GET, POST, HEAD' },
      });
      expect(call({ method: 'POST', remainder: '/pets/1' })?.headers).toEqual({ allow: 'GET, DELETE, PATCH, HEAD' });
    });

    it('answers HEAD with the GET operation', () => {
      expect(call({ method: 'HEAD', remainder: '/pets' })).toBeUndefined();
      expect(call({ method: 'HEAD', remainder: '/pets', query: 'limit=0' })?.code).toBe('VALIDATION_FAILED');
    });

    it('tries concrete paths before templated ones', () => {
      // /pets/mine is declared after /pets/{petId}, whose integer petId would refuse "mine".
      expect(call({ remainder: '/pets/mine' })).toBeUndefined();
    });

    it('matches a parameter in part of a segment', () => {
      expect(call({ remainder: '/files/report.json' })).toBeUndefined();
      expect(call({ remainder: '/files/Report.json' })?.detail).toBe('path parameter \'name\' must match pattern "^[a-z]+$"');
      expect(call({ remainder: '/files/report.xml' })?.code).toBe('ROUTE_NOT_FOUND');
    });
  });

  describe('parameters', () => {
    it.each([
      ['an integer query parameter below its minimum', { remainder: '/pets', query: 'limit=0' }, "query parameter 'limit' must be >= 1"],
      ['text where an integer is expected', { remainder: '/pets', query: 'limit=ten' }, "query parameter 'limit' must be integer"],
      [
        'a bad item of an exploded array',
        { remainder: '/pets', query: 'tags=a&tags=toolong' },
        "query parameter 'tags' /1 must NOT have more than 5 characters",
      ],
      ['a bad item of a comma-separated array', { remainder: '/pets', query: 'ids=1,2,x' }, "query parameter 'ids' /2 must be integer"],
      [
        'a bad item of a pipe-delimited array',
        { remainder: '/pets', query: 'owners=ann|b' },
        "query parameter 'owners' /1 must NOT have fewer than 2 characters",
      ],
      ['a JSON parameter that is not JSON', { remainder: '/pets', query: 'filter=%7Bkind' }, "query parameter 'filter' is not valid JSON"],
      [
        'a JSON parameter that breaks its schema',
        { remainder: '/pets', query: 'filter=%7B%7D' },
        "query parameter 'filter' /kind is required",
      ],
      [
        'a header parameter from components',
        { remainder: '/pets', headers: { 'x-request-ref': 'nope' } },
        'header \'x-request-ref\' must match format "uuid"',
      ],
      ['a path parameter of the wrong type', { remainder: '/pets/abc' }, "path parameter 'petId' must be integer"],
      ['a path parameter outside int32', { remainder: '/pets/2147483648' }, 'path parameter \'petId\' must match format "int32"'],
      ['a missing required header', { method: 'DELETE', remainder: '/pets/1' }, "header 'x-confirm' is required"],
      [
        'a header outside its enum',
        { method: 'DELETE', remainder: '/pets/1', headers: { 'x-confirm': 'no' } },
        "header 'x-confirm' must be equal to one of the allowed values",
      ],
    ])('refuses %s with 400 VALIDATION_FAILED', (_case, fixture, detail) => {
      expect(call(fixture)).toEqual({ code: 'VALIDATION_FAILED', detail });
    });

    it('accepts valid values of every kind, decoded and coerced', () => {
      const query = 'limit=100&tags=a&tags=bb&ids=1,2,3&owners=ann|bob&filter=%7B%22kind%22%3A%22cat%22%7D';
      const headers = { 'x-request-ref': '6f1c3a52-2b8e-4a59-9d6e-3b0f3c4b5a6d' };
      expect(call({ remainder: '/pets', query, headers })).toBeUndefined();
      expect(call({ method: 'DELETE', remainder: '/pets/1', headers: { 'x-confirm': 'yes' } })).toBeUndefined();
    });

    it('percent-decodes path parameters before validating them', () => {
      expect(call({ remainder: '/pets/%31%32' })).toBeUndefined();
      expect(call({ remainder: '/files/caf%C3%A9.json' })?.detail).toBe('path parameter \'name\' must match pattern "^[a-z]+$"');
    });

    it('ignores cookie parameters, the Accept, Content-Type and Authorization header parameters, and undeclared ones', () => {
      expect(call({ remainder: '/pets', query: 'unknown=1', headers: { accept: 'text/html' } })).toBeUndefined();
    });

    it('does not change what is forwarded (coercion works on a copy)', () => {
      const exchange = makeExchange({ remainder: '/pets', query: 'limit=05' });
      expect(rejectionOf(petstore.onRequest?.(exchange))).toBeUndefined();
      expect(exchange.query).toBe('limit=05');
    });
  });

  describe('request bodies', () => {
    it('lets a valid JSON body through and forwards it from memory', async () => {
      const body = '{"name":"Rex","tag":null,"age":1,"parent":{"name":"Old"}}';
      const exchange = bodyExchange('POST', '/pets', body);
      expect(await check(exchange)).toBeUndefined();
      expect(exchange.body?.toString()).toBe(body);
    });

    it.each([
      ['a missing property', '{}', '/name is required'],
      ['nullable honoured only where declared', '{"name":null}', '/name must be string'],
      ['a draft-04 exclusive minimum', '{"name":"Rex","age":0}', '/age must be > 0'],
      ['an invalid nested pet through a recursive $ref', '{"name":"Rex","parent":{"tag":"x"}}', '/parent/name is required'],
    ])('refuses %s with 400 VALIDATION_FAILED', async (_case, body, error) => {
      expect(await check(bodyExchange('POST', '/pets', body))).toEqual({
        code: 'VALIDATION_FAILED',
        detail: `the request body does not match the schema: ${error}`,
      });
    });

    it('refuses a body that is not JSON', async () => {
      expect((await check(bodyExchange('POST', '/pets', '{"name":')))?.detail).toBe('the request body is not valid JSON');
    });

    it('refuses a missing required body, and lets a missing optional one through', async () => {
      expect(call({ method: 'POST', remainder: '/pets' })).toEqual({ code: 'VALIDATION_FAILED', detail: 'the request needs a body' });
      expect(await check(bodyExchange('POST', '/pets', ''))).toEqual({ code: 'VALIDATION_FAILED', detail: 'the request needs a body' });
      expect(call({ method: 'PATCH', remainder: '/pets/1' })).toBeUndefined();
    });

    it('refuses a media type the operation does not accept with 415, listing those it does', async () => {
      expect(await check(bodyExchange('POST', '/pets', '<pet/>', 'application/xml'))).toEqual({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        detail: "the request body must be one of: application/json, text/plain (not 'application/xml')",
      });
    });

    it('lets a declared non-JSON media type through unvalidated, without reading it', async () => {
      const exchange = bodyExchange('POST', '/pets', 'anything', 'text/plain; charset=utf-8');
      expect(await check(exchange)).toBeUndefined();
      expect(exchange.body).toBeUndefined();
    });

    it('selects media type ranges: type/* and +json wildcards', async () => {
      expect(await check(bodyExchange('PUT', '/uploads', 'GIF89a', 'image/gif'))).toBeUndefined();
      expect((await check(bodyExchange('PUT', '/uploads', '{}', 'application/json')))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect((await check(bodyExchange('PUT', '/uploads', '{}', 'application/*+json')))?.detail).toBe(
        'the request body does not match the schema: /id is required',
      );
    });

    it('validates a body described through a requestBodies $ref, in a +json media type', async () => {
      expect((await check(bodyExchange('PATCH', '/pets/1', '{"age":-1}', 'application/merge-patch+json')))?.detail).toBe(
        'the request body does not match the schema: /name is required',
      );
    });

    it('refuses a compressed JSON body with 415', async () => {
      const exchange = bodyExchange('POST', '/pets', '{}');
      exchange.request.headers['content-encoding'] = 'gzip';
      expect((await check(exchange))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });
  });

  describe('OpenAPI 3.1', () => {
    it('validates JSON Schema 2020-12: type lists, numeric exclusive bounds, prefixItems', async () => {
      expect(await check(bodyExchange('PUT', '/orders/o-1', '{"note":null,"total":1,"lines":[{"sku":"a"}]}'), orders)).toBeUndefined();
      const refused = async (body: string) => (await check(bodyExchange('PUT', '/orders/o-1', body), orders))?.detail;
      expect(await refused('{"total":0,"lines":[]}')).toBe('the request body does not match the schema: /total must be > 0');
      expect(await refused('{"lines":[{"sku":"a"},{"sku":"b"}]}')).toBe(
        'the request body does not match the schema: /lines must NOT have more than 1 items',
      );
      expect(await refused('{"lines":[{}]}')).toBe('the request body does not match the schema: /lines/0/sku is required');
    });

    it('validates path parameters', async () => {
      expect((await check(bodyExchange('PUT', '/orders/42', '{"lines":[]}'), orders))?.detail).toBe(
        'path parameter \'id\' must match pattern "^o-\\d+$"',
      );
    });
  });
});
