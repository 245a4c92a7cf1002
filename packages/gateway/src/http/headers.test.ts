import { describe, expect, it } from 'vitest';
import { downstreamResponseHeaders, upstreamRequestHeaders } from './headers.js';

const HOP_BY_HOP = [
  'connection',
  'keep-alive',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'proxy-authorization',
  'proxy-authenticate',
];

const END_TO_END = {
  accept: 'application/json',
  'content-type': 'application/json',
  'content-length': '12',
  authorization: 'Bearer end-to-end',
  'x-custom': 'kept',
};

describe('gateway: hop-by-hop headers', () => {
  describe('upstreamRequestHeaders', () => {
    it.each(HOP_BY_HOP)('drops %s', (name) => {
      expect(upstreamRequestHeaders({ [name]: 'value', ...END_TO_END })).toEqual(END_TO_END);
    });

    it('drops every header the Connection header names', () => {
      const forwarded = upstreamRequestHeaders({ connection: 'close, x-secret', 'x-secret': 'token', ...END_TO_END });
      expect(forwarded).toEqual(END_TO_END);
    });

    it('matches the headers Connection names whatever their case and spacing', () => {
      const forwarded = upstreamRequestHeaders({
        connection: ' Keep-Alive ,X-Secret,, X-Other ',
        'keep-alive': 'timeout=5',
        'x-secret': 'a',
        'x-other': 'b',
        ...END_TO_END,
      });
      expect(forwarded).toEqual(END_TO_END);
    });

    it('drops a header that Connection names even when it names a single header', () => {
      expect(upstreamRequestHeaders({ connection: 'x-secret', 'x-secret': 'token', ...END_TO_END })).toEqual(END_TO_END);
    });

    it('drops the client Host (the target has its own)', () => {
      expect(upstreamRequestHeaders({ host: 'gateway.example', ...END_TO_END })).toEqual(END_TO_END);
    });

    it('drops client-sent x-tollgate-* headers so a client cannot impersonate another', () => {
      const forwarded = upstreamRequestHeaders({
        'x-tollgate-client': 'someone-else',
        'x-tollgate-subscription': 'theirs',
        'x-tollgate-product': 'gold',
        ...END_TO_END,
      });
      expect(forwarded).toEqual(END_TO_END);
    });

    it('keeps repeated end-to-end headers as they are', () => {
      expect(upstreamRequestHeaders({ 'x-list': ['a', 'b'] })).toEqual({ 'x-list': ['a', 'b'] });
    });
  });

  describe('downstreamResponseHeaders', () => {
    it.each(HOP_BY_HOP)('drops %s', (name) => {
      expect(downstreamResponseHeaders({ [name]: 'value', ...END_TO_END })).toEqual(END_TO_END);
    });

    it('drops every header the Connection header names', () => {
      const returned = downstreamResponseHeaders({ connection: 'close, x-secret', 'x-secret': 'internal', ...END_TO_END });
      expect(returned).toEqual(END_TO_END);
    });

    it('drops the headers a repeated Connection header names', () => {
      const returned = downstreamResponseHeaders({ connection: ['keep-alive', 'x-a, x-b'], 'x-a': '1', 'x-b': '2', ...END_TO_END });
      expect(returned).toEqual(END_TO_END);
    });

    it('keeps repeated end-to-end headers such as Set-Cookie', () => {
      expect(downstreamResponseHeaders({ 'set-cookie': ['a=1', 'b=2'] })).toEqual({ 'set-cookie': ['a=1', 'b=2'] });
    });

    it('leaves out headers without a value', () => {
      expect(downstreamResponseHeaders({ 'x-empty': undefined, ...END_TO_END })).toEqual(END_TO_END);
    });
  });
});
