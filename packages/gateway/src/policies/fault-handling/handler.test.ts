import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { reject } from '../kit.js';
import { faultHandling } from './index.js';

const problems = (config: object) => faultHandling.check?.(Value.Default(faultHandling.schema, Value.Clone(config)));
const LIMITED = reject('RATE_LIMITED', 'the rate limit of 5 calls per 60 s is reached', { 'retry-after': '7' });

describe('policy: fault-handling', () => {
  describe('config', () => {
    it('needs at least one rule; a rule defaults to every code, an empty body and no headers', () => {
      expect(acceptsConfig(faultHandling, {})).toBe(false);
      expect(acceptsConfig(faultHandling, { rules: [] })).toBe(false);
      expect(Value.Default(faultHandling.schema, { rules: [{}] })).toEqual({ rules: [{ codes: [], headers: {}, body: '' }] });
    });

    it('refuses unknown codes, statuses outside 200–599, a content type that cannot be a header, unknown fields', () => {
      const refused = [
        { rules: [{ codes: ['TOO_MANY'] }] },
        { rules: [{ codes: ['RATE_LIMITED', 'RATE_LIMITED'] }] },
        { rules: [{ status: 199 }] },
        { rules: [{ status: 600 }] },
        { rules: [{ contentType: 'text/plain\r\nx-evil: 1' }] },
        { rules: [{ contentType: '' }] },
        { rules: [{ codes: [], template: 'x' }] },
      ];
      for (const config of refused) expect(acceptsConfig(faultHandling, config), JSON.stringify(config)).toBe(false);
      expect(
        acceptsConfig(faultHandling, { rules: [{ codes: ['RATE_LIMITED'], status: 503, contentType: 'text/html; charset=utf-8' }] }),
      ).toBe(true);
    });

    it('allows error names in templates, and refuses gateway-owned headers, unknown names and a body on 204', () => {
      expect(problems({ rules: [{ body: '{error.code}: {error.detail}', headers: { 'x-error': '{error.status}' } }] })).toEqual({});
      expect(
        problems({
          rules: [{ headers: { 'content-length': '0' } }, { body: { message: '{error.details}' } }, { status: 204, body: 'gone' }],
        }),
      ).toEqual({
        'rules.0.headers.content-length': "'content-length' is managed by the gateway and cannot be changed by a policy",
        'rules.1.body.message': 'unknown name {error.details}',
        'rules.2.body': 'a 204 answer has no body',
      });
    });
  });

  it('registers only an error hook: calls that go well are untouched', () => {
    const handler = instantiate(faultHandling, { rules: [{ body: 'x' }] });
    expect(handler.onRequest).toBeUndefined();
    expect(handler.onResponse).toBeUndefined();
    expect(handler.readsResponseBody).toBeUndefined();
  });

  it("answers a listed code with the rule's body rendered for the error and the call, keeping the error's status", () => {
    const handler = instantiate(faultHandling, {
      rules: [
        {
          codes: ['RATE_LIMITED', 'QUOTA_EXCEEDED'],
          headers: { 'x-error-code': '{error.code}' },
          body: {
            error: { code: '{error.code}', message: '{error.detail}', status: '{error.status}', caller: '{client.id}' },
            ref: '{request.id}',
          },
        },
      ],
    });
    const exchange = makeExchange({ requestId: 'req-42', identity: makeKeyEntry({ clientId: 'alice' }) });

    const reply = handler.onError?.(exchange, LIMITED);

    expect(reply?.status).toBe(429);
    expect(reply?.headers).toEqual({ 'content-type': 'application/json', 'x-error-code': 'RATE_LIMITED' });
    expect(JSON.parse(String(reply?.body))).toEqual({
      error: { code: 'RATE_LIMITED', message: 'the rate limit of 5 calls per 60 s is reached', status: '429', caller: 'alice' },
      ref: 'req-42',
    });
  });

  it('leaves codes no rule names to the standard problem answer', () => {
    const handler = instantiate(faultHandling, { rules: [{ codes: ['RATE_LIMITED'], body: 'slow down' }] });
    expect(handler.onError?.(makeExchange(), reject('API_KEY_MISSING', 'send a key'))).toBeUndefined();
  });

  it('uses the first rule that names the code, a rule without codes catching the rest', () => {
    const handler = instantiate(faultHandling, {
      rules: [
        { codes: ['UPSTREAM_TIMEOUT'], status: 503, body: 'timeout' },
        { body: 'other: {error.title}' },
        { codes: ['API_KEY_MISSING'], body: 'never used: the rule above catches everything first' },
      ],
    });
    const timeout = handler.onError?.(makeExchange(), reject('UPSTREAM_TIMEOUT', 'slow backend'));
    const missing = handler.onError?.(makeExchange(), reject('API_KEY_MISSING', 'send a key'));
    expect([timeout?.status, timeout?.body]).toEqual([503, 'timeout']);
    expect([missing?.status, missing?.body]).toEqual([401, 'other: An API key is required']);
    expect(missing?.headers).toEqual({ 'content-type': 'text/plain; charset=utf-8' });
  });

  it('sends the configured content type, a content-type header winning over it', () => {
    const typed = instantiate(faultHandling, { rules: [{ contentType: 'text/html', body: '<h1>{error.title|xml}</h1>' }] });
    const header = instantiate(faultHandling, { rules: [{ contentType: 'text/html', headers: { 'Content-Type': 'application/xml' } }] });
    expect(typed.onError?.(makeExchange(), LIMITED)?.headers).toEqual({ 'content-type': 'text/html' });
    expect(typed.onError?.(makeExchange(), LIMITED)?.body).toBe('<h1>Too many requests</h1>');
    expect(header.onError?.(makeExchange(), LIMITED)?.headers).toEqual({ 'content-type': 'application/xml' });
  });
});
