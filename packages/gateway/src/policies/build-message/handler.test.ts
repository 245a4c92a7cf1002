import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { setVariable } from '../variables.js';
import { buildMessage } from './index.js';

const problems = (config: object) => buildMessage.check?.(Value.Default(buildMessage.schema, Value.Clone(config)));

/** An exchange with the backend's answer already there, as response flows see it. */
function answered(headers: Record<string, string>, body = 'backend body', status = 200) {
  const exchange = makeExchange({ method: 'POST', identity: makeKeyEntry({ clientId: 'alice' }) });
  exchange.response = { status, headers, body: Buffer.from(body) };
  return exchange;
}

describe('policy: build-message', () => {
  describe('config', () => {
    it('needs something to build', () => {
      expect(Value.Default(buildMessage.schema, {})).toEqual({ headers: {} });
      expect(acceptsConfig(buildMessage, {})).toBe(false);
      expect(acceptsConfig(buildMessage, { status: 202 })).toBe(true);
      expect(acceptsConfig(buildMessage, { body: '' })).toBe(true);
    });

    it('refuses bad statuses, content types and header names, gateway-owned headers and broken templates', () => {
      for (const config of [
        { status: 99 },
        { status: 600 },
        { contentType: 'a\nb' },
        { headers: { 'a b': 'x' } },
        { body: 1 },
        { method: 'PUT' },
      ]) {
        expect(acceptsConfig(buildMessage, config), JSON.stringify(config)).toBe(false);
      }
      expect(problems({ headers: { Host: 'x' }, body: { a: ['{request.quer}'] } })).toEqual({
        'headers.Host': "'host' is managed by the gateway and cannot be changed by a policy",
        'body.a.0': 'unknown name {request.quer}',
      });
    });
  });

  describe('request flows', () => {
    it('replaces the forwarded body and sets headers from templates, a JSON body as application/json', () => {
      const exchange = makeExchange({ method: 'POST', headers: { 'content-type': 'text/xml', 'x-old': 'o' }, query: 'id=7' });
      setVariable(exchange, 'region', 'eu');
      const handler = instantiate(buildMessage, {
        headers: { 'x-region': '{variable.region}', 'x-old': '' },
        body: { id: '{request.query.id}', region: '{variable.region}' },
      });

      expect(handler.onRequest?.(exchange)).toBeUndefined();

      expect(exchange.body?.toString()).toBe('{"id":"7","region":"eu"}');
      expect(exchange.requestHeaders).toEqual({ 'content-type': 'application/json', 'x-region': 'eu' });
    });

    it('keeps the content type for a string body unless one is configured, which wins over a header', () => {
      const kept = makeExchange({ headers: { 'content-type': 'text/csv' } });
      instantiate(buildMessage, { body: 'a,b\n{request.method},2' }).onRequest?.(kept);
      expect([kept.body?.toString(), kept.requestHeaders['content-type']]).toEqual(['a,b\nGET,2', 'text/csv']);

      const typed = makeExchange({ headers: { 'content-type': 'text/csv' } });
      instantiate(buildMessage, { body: 'x', contentType: 'text/plain', headers: { 'content-type': 'text/html' } }).onRequest?.(typed);
      expect(typed.requestHeaders['content-type']).toBe('text/plain');
    });

    it('ignores the status, and leaves the body alone without one', () => {
      const exchange = makeExchange({ headers: { a: '1' } });
      instantiate(buildMessage, { status: 500, headers: { b: '2' } }).onRequest?.(exchange);
      expect(exchange.body).toBeUndefined();
      expect(exchange.requestHeaders).toEqual({ a: '1', b: '2' });
    });
  });

  describe('response flows', () => {
    it('sets status, headers and body; templates see the new status', () => {
      const exchange = answered({ 'content-type': 'text/html', 'content-encoding': 'gzip', etag: '"abc"', 'x-keep': 'k' });
      const handler = instantiate(buildMessage, {
        status: 502,
        headers: { 'x-was': '{response.status}' },
        body: { error: 'bad gateway', status: '{response.status}', caller: '{client.id}' },
      });

      expect(handler.onResponse?.(exchange)).toBeUndefined();

      expect(exchange.response?.status).toBe(502);
      expect(exchange.response?.body?.toString()).toBe('{"error":"bad gateway","status":"502","caller":"alice"}');
      // The old body's encoding and validator no longer describe it.
      expect(exchange.response?.headers).toEqual({ 'content-type': 'application/json', 'x-keep': 'k', 'x-was': '502' });
    });

    it('reads the backend body only when it replaces it', () => {
      expect(instantiate(buildMessage, { body: 'x' }).readsResponseBody).toBe(true);
      expect(instantiate(buildMessage, { status: 201, headers: { a: 'b' } }).readsResponseBody).toBe(false);
    });

    it('changes status and headers only, body and its headers kept, without a body configured', () => {
      const exchange = answered({ 'content-type': 'text/html', etag: '"abc"' });
      instantiate(buildMessage, { status: 203, headers: { 'x-a': 'b' } }).onResponse?.(exchange);
      expect(exchange.response?.status).toBe(203);
      expect(exchange.response?.body?.toString()).toBe('backend body');
      expect(exchange.response?.headers).toEqual({ 'content-type': 'text/html', etag: '"abc"', 'x-a': 'b' });
    });

    it('leaves the body of a 204 or 304 answer empty', () => {
      const exchange = answered({}, '', 304);
      instantiate(buildMessage, { body: 'not allowed here' }).onResponse?.(exchange);
      expect(exchange.response?.body?.toString()).toBe('');
    });
  });
});
