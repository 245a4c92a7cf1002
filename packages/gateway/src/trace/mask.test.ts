import { describe, expect, it } from 'vitest';
import { Masker } from './mask.js';

describe('trace: masking credentials', () => {
  it('masks header values whose names name a credential, in any case, and keeps the others', () => {
    const masked = new Masker().headers({
      'X-Api-Key': 'tg_k_secret_value',
      cookie: 'session=abc123456789',
      'set-cookie': ['a=1', 'b=2'],
      'x-auth-token': 't',
      'x-client-secret': 's',
      'x-password': 'p',
      'x-signature': 'sig',
      'x-credentials': 'c',
      accept: 'application/json',
      'content-length': 12,
      'x-forwarded-for': ['10.0.0.1', '10.0.0.2'],
    });
    expect(masked).toEqual({
      'x-api-key': '***',
      cookie: '***',
      'set-cookie': '***',
      'x-auth-token': '***',
      'x-client-secret': '***',
      'x-password': '***',
      'x-signature': '***',
      'x-credentials': '***',
      accept: 'application/json',
      'content-length': '12',
      'x-forwarded-for': '10.0.0.1, 10.0.0.2',
    });
  });

  it('keeps the scheme of Authorization and Proxy-Authorization', () => {
    const masked = new Masker().headers({
      authorization: 'Bearer eyJhbGciOi.payload.signature',
      'proxy-authorization': 'Basic dXNlcjpwYXNzd29yZA==',
    });
    expect(masked).toEqual({ authorization: 'Bearer ***', 'proxy-authorization': 'Basic ***' });
    expect(new Masker().headers({ authorization: 'justatoken' })).toEqual({ authorization: '***' });
  });

  it('masks names it is given besides the usual ones (a key policy reading a header of any name)', () => {
    const masked = new Masker(new Set(['x-client-id', 'c'])).headers({ 'X-Client-Id': 'abc', other: 'x' });
    expect(masked).toEqual({ 'x-client-id': '***', other: 'x' });
    expect(new Masker(new Set(['c'])).query('c=abc&d=1')).toBe('c=***&d=1');
  });

  it('masks credential query parameters and keeps every other pair exactly as encoded', () => {
    const masker = new Masker();
    expect(masker.query('q=a%20b&apikey=tg_k_123&tag=c+d&flag&access_token=x%2Fy&page=2')).toBe(
      'q=a%20b&apikey=***&tag=c+d&flag&access_token=***&page=2',
    );
    expect(masker.query('api%5Fkey=1&Password=2')).toBe('api%5Fkey=***&Password=***');
    expect(masker.query('')).toBe('');
    expect(masker.query('a=1&b=%zz')).toBe('a=1&b=%zz');
  });

  it('masks JSON properties at any depth and leaves the rest of the text byte for byte', () => {
    const text =
      '{ "user": "ann", "password": "hunter22", "id": 12345678901234567890,\n' +
      '  "nested": [{ "apiKey": 42, "keep": true }, { "tokens": ["a", "b"], "name": "x\\"y" }],\n' +
      '  "auth": { "client_secret": { "deep": 1 }, "mode": "s" }, "escaped\\u0050assword": null }';
    const masked = new Masker().body(text, 'application/json; charset=utf-8');
    expect(masked).toBe(
      '{ "user": "ann", "password": "***", "id": 12345678901234567890,\n' +
        '  "nested": [{ "apiKey": "***", "keep": true }, { "tokens": "***", "name": "x\\"y" }],\n' +
        '  "auth": { "client_secret": "***", "mode": "s" }, "escaped\\u0050assword": "***" }',
    );
    expect(JSON.parse(masked)).toMatchObject({ user: 'ann', auth: { mode: 's' } });
  });

  it('masks JSON of a +json media type, and a JSON body cut short', () => {
    expect(new Masker().body('{"token":"abc"}', 'application/problem+json')).toBe('{"token":"***"}');
    expect(new Masker().body('{"a":1,"secret":"abcdef', 'application/json')).toBe('{"a":1,"secret":"***"');
    expect(new Masker().body('{"a":1,"secret":{"b":[1,2', 'application/json')).toBe('{"a":1,"secret":"***"');
    expect(new Masker().body('[{"password" : 12}, "password"]', 'application/json')).toBe('[{"password" : "***"}, "password"]');
  });

  it('masks form fields, and leaves bodies of other types as they are', () => {
    expect(new Masker().body('user=ann&password=hunter2&note=a+b', 'application/x-www-form-urlencoded')).toBe(
      'user=ann&password=***&note=a+b',
    );
    const text = '{"password":"hunter2"}';
    expect(new Masker().body(text, 'text/plain')).toBe(text);
    expect(new Masker().body(text, undefined)).toBe(text);
    expect(new Masker().body('password=x', 'application/json')).toBe('password=x');
  });

  it('scrubs every credential value it masked from other text and bytes', () => {
    const masker = new Masker();
    masker.headers({ 'x-api-key': 'tg_k_0123456789', authorization: 'Bearer tok_abcdefgh', 'x-short': 'ab' });
    masker.query('apikey=query%2Dkey%2D1234');
    masker.body('{"password":"pass-word-1"}', 'application/json');
    expect(masker.scrub('echo tg_k_0123456789 and tok_abcdefgh, query-key-1234 and query%2Dkey%2D1234, pass-word-1')).toBe(
      'echo *** and ***, *** and ***, ***',
    );
    expect(masker.scrubBytes(Buffer.from([0xff, ...Buffer.from('xtg_k_0123456789y'), 0xfe]))).toEqual(
      Buffer.from([0xff, ...Buffer.from('x***y'), 0xfe]),
    );
    // Short values would blank out ordinary text: they are masked where they are, not searched for.
    const short = new Masker();
    short.headers({ 'x-api-key': 'abc' });
    expect(short.scrub('abcdef')).toBe('abcdef');
  });
});
