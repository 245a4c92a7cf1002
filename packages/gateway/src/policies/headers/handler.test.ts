import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { headers } from './index.js';

/** Runs the request hook of a fresh instance and answers what would be forwarded. */
function forwarded(config: object, fixture: Parameters<typeof makeExchange>[0] = {}) {
  const exchange = makeExchange(fixture);
  expect(instantiate(headers, config).onRequest?.(exchange)).toBeUndefined();
  return exchange.requestHeaders;
}

describe('policy: headers', () => {
  describe('config', () => {
    it('defaults every operation to nothing, and needs at least one', () => {
      expect(Value.Default(headers.schema, {})).toEqual({ remove: [], rename: {}, set: {}, add: {} });
      expect(acceptsConfig(headers, {})).toBe(false);
      expect(acceptsConfig(headers, { remove: ['x-debug'] })).toBe(true);
    });

    it('refuses names that are not header tokens, and unknown fields', () => {
      expect(acceptsConfig(headers, { set: { 'x bad': 'v' } })).toBe(false);
      expect(acceptsConfig(headers, { remove: ['x:y'] })).toBe(false);
      expect(acceptsConfig(headers, { rename: { 'x-a': 'x b' } })).toBe(false);
      expect(acceptsConfig(headers, { set: { 'x-a': 'v' }, replace: {} })).toBe(false);
    });

    it('refuses hop-by-hop, framing and gateway-owned headers in every operation, whatever their case', () => {
      const refused = [
        { set: { Connection: 'close' } },
        { add: { 'transfer-encoding': 'chunked' } },
        { set: { 'content-length': '0' } },
        { set: { host: 'evil.example' } },
        { remove: ['x-request-id'] },
        { set: { 'X-Tollgate-Client': 'someone-else' } },
        { add: { 'x-tollgate-subscription': 'x' } },
        { rename: { 'x-user': 'x-tollgate-client' } },
        { rename: { upgrade: 'x-upgrade' } },
      ];
      for (const config of refused) expect(acceptsConfig(headers, config), JSON.stringify(config)).toBe(false);
      expect(headers.check?.(Value.Default(headers.schema, { set: { 'X-Tollgate-Client': 'a' } }))).toEqual({
        'set.X-Tollgate-Client': "'x-tollgate-client': x-tollgate-* headers are set by the gateway only",
      });
    });

    it('refuses a name given twice in different case, and a template that does not compile', () => {
      expect(headers.check?.(Value.Default(headers.schema, { set: { 'X-A': '1', 'x-a': '2' } }))).toEqual({
        'set.x-a': "'x-a' is given twice",
      });
      expect(headers.check?.(Value.Default(headers.schema, { add: { 'x-a': '{client.name}' } }))).toEqual({
        'add.x-a': 'unknown name {client.name}',
      });
    });
  });

  describe('request flows', () => {
    it('removes, renames, sets and adds forwarded headers, names in any case', () => {
      const out = forwarded(
        { remove: ['X-Debug'], rename: { 'X-Old': 'x-new' }, set: { 'X-Version': 'v2' }, add: { 'x-tag': 'gateway' } },
        { headers: { 'x-debug': '1', 'x-old': 'kept value', 'x-version': 'v1', 'x-tag': 'client', accept: 'text/plain' } },
      );
      expect(out).toEqual({ 'x-new': 'kept value', 'x-version': 'v2', 'x-tag': ['client', 'gateway'], accept: 'text/plain' });
    });

    it('applies remove, then rename, then set, then add', () => {
      const out = forwarded(
        { remove: ['x-b'], rename: { 'x-a': 'x-b' }, set: { 'x-a': 'set', 'x-c': 'set' }, add: { 'x-b': 'added', 'x-c': 'added' } },
        { headers: { 'x-a': 'a', 'x-b': 'b' } },
      );
      // Any other order gives another result: rename before remove loses 'a', set before rename moves 'set'.
      expect(out).toEqual({ 'x-a': 'set', 'x-b': ['a', 'added'], 'x-c': ['set', 'added'] });
    });

    it('renames one after another, replacing a header already under the new name, and skips absent ones', () => {
      const out = forwarded({ rename: { 'x-a': 'x-b', 'x-b': 'x-c', 'x-missing': 'x-d' } }, { headers: { 'x-a': 'a', 'x-c': 'old' } });
      expect(out).toEqual({ 'x-c': 'a' });
    });

    it('renders templates per call', () => {
      const config = { set: { 'x-caller': '{client.id}@{product.id}', 'x-route': '{request.method} {request.pathSuffix}' } };
      const handler = instantiate(headers, config);
      const first = makeExchange({ identity: makeKeyEntry({ clientId: 'alice', productId: 'gold' }), method: 'PUT', remainder: '/a' });
      const second = makeExchange({ identity: makeKeyEntry({ clientId: 'bob', productId: 'free' }), remainder: '/b' });
      handler.onRequest?.(first);
      handler.onRequest?.(second);
      expect(first.requestHeaders).toMatchObject({ 'x-caller': 'alice@gold', 'x-route': 'PUT /a' });
      expect(second.requestHeaders).toMatchObject({ 'x-caller': 'bob@free', 'x-route': 'GET /b' });
    });

    it("removes the client's own copy when a set value renders empty (an anonymous caller cannot pose as one)", () => {
      expect(forwarded({ set: { 'x-caller': '{client.id}' } }, { headers: { 'x-caller': 'admin' } })).toEqual({});
      expect(forwarded({ add: { 'x-caller': '{client.id}' } }, { headers: { 'x-caller': 'admin' } })).toEqual({ 'x-caller': 'admin' });
    });

    it('percent-encodes what a header cannot carry, so a query value cannot split headers', () => {
      const out = forwarded({ set: { 'x-q': '{request.query.q}' } }, { query: 'q=a%0D%0AX-Injected%3A%201%E2%82%AC%C3%A9' });
      expect(out).toEqual({ 'x-q': 'a%0D%0AX-Injected: 1%E2%82%ACé' });
    });

    it('leaves the answer alone', () => {
      const exchange = makeExchange();
      exchange.response = { status: 200, headers: { 'x-a': '1' }, body: undefined };
      instantiate(headers, { set: { 'x-a': '2' } }).onRequest?.(exchange);
      expect(exchange.response.headers).toEqual({ 'x-a': '1' });
      expect(exchange.requestHeaders).toEqual({ 'x-a': '2' });
    });
  });

  describe('response flows', () => {
    it("changes the backend's headers, not the forwarded request's", () => {
      const exchange = makeExchange({ headers: { server: 'client-side' } });
      exchange.response = {
        status: 200,
        headers: { server: 'backend/1.0', 'x-internal': 'secret', 'set-cookie': ['a=1'], 'x-old': 'v' },
        body: undefined,
      };
      const handler = instantiate(headers, {
        remove: ['server', 'x-internal'],
        rename: { 'x-old': 'x-new' },
        set: { 'x-status': 'was {response.status}' },
        add: { 'set-cookie': 'b=2' },
      });
      expect(handler.onResponse?.(exchange)).toBeUndefined();
      expect(exchange.response.headers).toEqual({ 'x-new': 'v', 'x-status': 'was 200', 'set-cookie': ['a=1', 'b=2'] });
      expect(exchange.requestHeaders).toEqual({ server: 'client-side' });
    });

    it('does nothing without an answer', () => {
      const exchange = makeExchange();
      expect(instantiate(headers, { set: { 'x-a': '1' } }).onResponse?.(exchange)).toBeUndefined();
      expect(exchange.response).toBeUndefined();
    });
  });
});
