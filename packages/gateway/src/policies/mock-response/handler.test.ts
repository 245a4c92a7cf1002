import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { compileJsonBody } from '../json-body-template.js';
import { isReply, type Reply } from '../kit.js';
import { mockResponse } from './index.js';

/** The reply of a fresh instance for one call; anything else fails the test. */
function replyOf(config: object, exchange = makeExchange()): Reply {
  const verdict = instantiate(mockResponse, config).onRequest?.(exchange);
  if (verdict === undefined || verdict instanceof Promise || !isReply(verdict)) throw new Error('expected a reply');
  return verdict;
}

const problems = (config: object) => mockResponse.check?.(Value.Default(mockResponse.schema, Value.Clone(config)));

describe('policy: mock-response', () => {
  describe('config', () => {
    it('defaults to an empty 200', () => {
      expect(Value.Default(mockResponse.schema, {})).toEqual({ status: 200, headers: {}, body: '' });
    });

    it('refuses statuses outside 200–599, bodies that are neither text nor JSON objects or arrays, unknown fields', () => {
      for (const config of [{ status: 199 }, { status: 600 }, { status: 200.5 }, { body: 42 }, { body: null }, { reply: {} }]) {
        expect(acceptsConfig(mockResponse, config), JSON.stringify(config)).toBe(false);
      }
      expect(acceptsConfig(mockResponse, { status: 201, body: [1, 2] })).toBe(true);
    });

    it('refuses gateway-owned headers, bad names and templates that do not compile, with their field', () => {
      expect(acceptsConfig(mockResponse, { headers: { 'bad name': 'x' } })).toBe(false);
      expect(problems({ headers: { 'Content-Length': '3', 'x-request-id': 'fixed' } })).toEqual({
        'headers.Content-Length': "'content-length' is managed by the gateway and cannot be changed by a policy",
        'headers.x-request-id': "'x-request-id' is managed by the gateway and cannot be changed by a policy",
      });
      expect(problems({ body: 'hello {client.nam}' })).toEqual({ body: 'unknown name {client.nam}' });
      expect(problems({ body: { items: [{ name: '{request.hedaer.x}' }] } })).toEqual({
        'body.items.0.name': 'unknown name {request.hedaer.x}',
      });
    });

    it('refuses a body on 204 and 304', () => {
      expect(problems({ status: 204, body: 'x' })).toEqual({ body: 'a 204 answer has no body' });
      expect(problems({ status: 304, body: {} })).toEqual({ body: 'a 304 answer has no body' });
      expect(problems({ status: 204 })).toEqual({});
    });
  });

  it('answers the configured status and text body as text/plain', () => {
    expect(replyOf({ status: 418, body: "I'm a teapot" })).toEqual({
      status: 418,
      headers: { 'content-type': 'text/plain; charset=utf-8' },
      body: "I'm a teapot",
    });
  });

  it('lets a configured content-type win in any case, and renders header and body templates per call', () => {
    const config = { headers: { 'Content-Type': 'text/html', 'x-caller': '{client.id}' }, body: '<p>{request.query.name|xml}</p>' };
    const reply = replyOf(config, makeExchange({ identity: makeKeyEntry({ clientId: 'alice' }), query: 'name=%3Cb%3Ebob' }));
    expect(reply.headers).toEqual({ 'content-type': 'text/html', 'x-caller': 'alice' });
    expect(reply.body).toBe('<p>&lt;b&gt;bob</p>');
    expect(replyOf(config).headers).toEqual({ 'content-type': 'text/html' });
  });

  it('serializes a JSON body as application/json, its string values rendered as JSON strings', () => {
    const config = { status: 201, body: { id: '{request.query.id}', tags: ['a', '{request.method}'], n: 1, ok: true, none: null } };
    const reply = replyOf(config, makeExchange({ method: 'POST', query: 'id=x%22%2C%22admin%22%3Atrue' }));
    expect(reply.status).toBe(201);
    expect(reply.headers).toEqual({ 'content-type': 'application/json' });
    // The quote from the query stays inside the string: no "admin" field appears.
    expect(JSON.parse(String(reply.body))).toEqual({ id: 'x","admin":true', tags: ['a', 'POST'], n: 1, ok: true, none: null });
  });

  it('sends a constant JSON body as written, escapes resolved', () => {
    const reply = replyOf({ body: { a: '\\{client.id}', list: [{}, 'x'] } });
    expect(reply.body).toBe('{"a":"{client.id}","list":[{},"x"]}');
  });

  it('keeps a "__proto__" key of a templated JSON body as an ordinary key', () => {
    const render = compileJsonBody(JSON.parse('{"__proto__": {"m": "{request.method}"}}'), { now: Date.now });
    expect(render(makeExchange())).toBe('{"__proto__":{"m":"GET"}}');
  });
});
