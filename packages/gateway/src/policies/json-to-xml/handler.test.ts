import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange } from '../../testing/policy-kit.js';
import type { Rejection } from '../kit.js';
import { xmlToJson } from '../xml-to-json/index.js';
import { jsonToXml } from './index.js';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

function requestWith(contentType: string, body: string): Exchange {
  const exchange = makeExchange({ method: 'POST', headers: { 'content-type': contentType } });
  exchange.body = Buffer.from(body);
  return exchange;
}

async function onRequest(config: object, exchange: Exchange): Promise<Rejection | undefined> {
  return (await instantiate(jsonToXml, config).onRequest?.(exchange)) as Rejection | undefined;
}

/** The XML forwarded for a JSON request body, without the declaration unless asked. */
async function converted(json: unknown, config: object = { declaration: false }): Promise<string> {
  const exchange = requestWith('application/json', typeof json === 'string' ? json : JSON.stringify(json));
  expect(await onRequest(config, exchange)).toBeUndefined();
  expect(exchange.requestHeaders['content-type']).toBe('application/xml');
  return String(exchange.body);
}

describe('policy: json-to-xml', () => {
  it('defaults to a "root" wrapper, "item" array members, "@" attributes, "#text" and a declaration', () => {
    expect(Value.Default(jsonToXml.schema, {})).toEqual({
      rootElement: 'root',
      arrayItemElement: 'item',
      attributePrefix: '@',
      textNodeName: '#text',
      declaration: true,
    });
    for (const config of [{ rootElement: '1root' }, { rootElement: 'a b' }, { arrayItemElement: '' }, { pretty: true }]) {
      expect(acceptsConfig(jsonToXml, config), JSON.stringify(config)).toBe(false);
    }
  });

  describe('conversion', () => {
    it('makes an object with one property its own root, with the declaration by default', async () => {
      expect(await converted({ order: { id: 7, paid: true, items: ['a', 'b'], note: null } }, {})).toBe(
        `${DECLARATION}<order><id>7</id><paid>true</paid><items>a</items><items>b</items><note/></order>`,
      );
    });

    it('wraps anything else in the root element, array members in item elements', async () => {
      expect(await converted({ a: 1, b: 2 })).toBe('<root><a>1</a><b>2</b></root>');
      expect(await converted([1, { x: [[2, 3]] }])).toBe('<root><item>1</item><item><x><item>2</item><item>3</item></x></item></root>');
      expect(await converted('"text"')).toBe('<root>text</root>');
      expect(await converted({ list: [1, 2] }, { declaration: false, rootElement: 'data', arrayItemElement: 'entry' })).toBe(
        '<data><list>1</list><list>2</list></data>',
      );
    });

    it('turns prefixed properties into attributes and the text property into text', async () => {
      expect(await converted({ a: { '@id': 1, '@flag': false, '#text': 'x', b: 'y' } })).toBe('<a id="1" flag="false">x<b>y</b></a>');
      expect(await converted({ a: { '@id': 1 } }, { declaration: false, attributePrefix: '' })).toBe('<a><_id>1</_id></a>');
    });

    it('escapes text and attribute values, and replaces characters XML cannot carry', async () => {
      expect(await converted({ a: { '@q': '"<&>\'', t: '</a><evil/>&amp;', c: 'nul\u0000here' } })).toBe(
        '<a q="&quot;&lt;&amp;&gt;&apos;"><t>&lt;/a&gt;&lt;evil/&gt;&amp;amp;</t><c>nul\uFFFDhere</c></a>',
      );
    });

    it('makes property names valid XML names, names that collide repeating their element', async () => {
      expect(await converted({ '1st': 1, 'a b': 2, a_b: 3, '': 4, 'ns:x': 5, __proto__x: 6 })).toBe(
        '<root><_1st>1</_1st><a_b>2</a_b><a_b>3</a_b><_>4</_><ns:x>5</ns:x><__proto__x>6</__proto__x></root>',
      );
      expect(await converted('{"__proto__": {"polluted": 1}}')).toBe('<__proto__><polluted>1</polluted></__proto__>');
    });

    it('turns what xml-to-json made back into the same XML', async () => {
      const xml = '<order id="7"><item>a</item><item>b</item><note lang="en">hi &amp; bye</note></order>';
      const forward = requestWith('application/xml', xml);
      await instantiate(xmlToJson, {}).onRequest?.(forward);
      expect(await converted(String(forward.body))).toBe(xml);
    });
  });

  describe('request flows', () => {
    it('refuses a body that is not JSON, or nested deeper than 100 levels, with 400', async () => {
      const broken = await onRequest({}, requestWith('application/json', '{"a": '));
      expect(broken?.code).toBe('VALIDATION_FAILED');
      expect(broken?.detail).toMatch(/^the request body is not valid JSON: /);
      const deep = await onRequest({}, requestWith('application/json', `${'['.repeat(101)}${']'.repeat(101)}`));
      expect(deep).toEqual({ code: 'VALIDATION_FAILED', detail: 'the request body is not valid JSON: nested deeper than 100 levels' });
      expect(await onRequest({}, requestWith('application/json', `${'['.repeat(99)}${']'.repeat(99)}`))).toBeUndefined();
    });

    it('leaves other media types alone', async () => {
      const exchange = requestWith('text/plain', '{"a": 1}');
      expect(await onRequest({}, exchange)).toBeUndefined();
      expect([String(exchange.body), exchange.requestHeaders['content-type']]).toEqual(['{"a": 1}', 'text/plain']);
    });
  });

  describe('response flows', () => {
    it("replaces the backend's JSON with XML, and passes invalid JSON through", () => {
      const good = makeExchange();
      good.response = { status: 200, headers: { 'content-type': 'application/problem+json', etag: 'W/"1"' }, body: Buffer.from('{"a":1}') };
      const bad = makeExchange();
      bad.response = { status: 200, headers: { 'content-type': 'application/json' }, body: Buffer.from('{"a":') };
      const handler = instantiate(jsonToXml, {});

      expect(handler.readsResponseBody).toBe(true);
      handler.onResponse?.(good);
      handler.onResponse?.(bad);

      expect(String(good.response.body)).toBe(`${DECLARATION}<a>1</a>`);
      expect(good.response.headers).toEqual({ 'content-type': 'application/xml' });
      expect(String(bad.response.body)).toBe('{"a":');
      expect(bad.response.headers).toEqual({ 'content-type': 'application/json' });
    });
  });
});
