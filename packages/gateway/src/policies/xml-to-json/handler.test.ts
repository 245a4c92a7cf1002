import { gzipSync } from 'node:zlib';
import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange } from '../../testing/policy-kit.js';
import type { Rejection } from '../kit.js';
import { xmlToJson } from './index.js';

/** A request whose body was sent with this content type (the fixture cannot stream one: it is set as already read). */
function requestWith(contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Exchange {
  const exchange = makeExchange({ method: 'POST', headers: { 'content-type': contentType, ...headers } });
  exchange.body = typeof body === 'string' ? Buffer.from(body) : body;
  return exchange;
}

/** Runs the request hook and answers the rejection, if any. */
async function onRequest(config: object, exchange: Exchange): Promise<Rejection | undefined> {
  return (await instantiate(xmlToJson, config).onRequest?.(exchange)) as Rejection | undefined;
}

/** The JSON forwarded for an XML request body. */
async function converted(xml: string, config: object = {}): Promise<unknown> {
  const exchange = requestWith('application/xml', xml);
  expect(await onRequest(config, exchange)).toBeUndefined();
  expect(exchange.requestHeaders['content-type']).toBe('application/json');
  return JSON.parse(String(exchange.body));
}

function answered(contentType: string, body: string | Buffer, headers: Record<string, string> = {}): Exchange {
  const exchange = makeExchange();
  exchange.response = { status: 200, headers: { 'content-type': contentType, ...headers }, body: Buffer.from(body) };
  return exchange;
}

const XXE = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';

describe('policy: xml-to-json', () => {
  it('defaults: "@" attributes, "#text", strings only, namespaces kept, no forced arrays', () => {
    expect(Value.Default(xmlToJson.schema, {})).toEqual({
      attributePrefix: '@',
      textNodeName: '#text',
      ignoreAttributes: false,
      typedValues: false,
      stripNamespaces: false,
      arrays: [],
    });
    expect(acceptsConfig(xmlToJson, { textNodeName: '' })).toBe(false);
    expect(acceptsConfig(xmlToJson, { arrays: [''] })).toBe(false);
    expect(acceptsConfig(xmlToJson, { entities: true })).toBe(false);
  });

  describe('conversion', () => {
    it('maps elements, attributes and text; repeated elements become arrays', async () => {
      expect(await converted('<?xml version="1.0"?><order id="7"><item>a</item><item>b</item><note lang="en">hi</note></order>')).toEqual({
        order: { '@id': '7', item: ['a', 'b'], note: { '@lang': 'en', '#text': 'hi' } },
      });
    });

    it('applies the prefix, text name, ignoreAttributes, stripNamespaces and arrays options', async () => {
      const xml = '<s:env xmlns:s="urn:x"><s:item k="v">one</s:item></s:env>';
      expect(await converted(xml, { attributePrefix: '_', textNodeName: 'value', stripNamespaces: true, arrays: ['item'] })).toEqual({
        env: { item: [{ _k: 'v', value: 'one' }] },
      });
      expect(await converted(xml, { ignoreAttributes: true })).toEqual({ 's:env': { 's:item': 'one' } });
    });

    it('decodes predefined entities and character references once, in text and attributes, and keeps CDATA literal', async () => {
      expect(await converted('<r a="&lt;&#65;&amp;amp;">x &amp; y &#x42;&#9731; &amp;lt;<c><![CDATA[a &amp; <b>]]></c></r>')).toEqual({
        r: { '@a': '<A&amp;', '#text': 'x & y B☃ &lt;', c: 'a &amp; <b>' },
      });
    });

    it('keeps every value a string unless typedValues is on, then only exact numbers and booleans', async () => {
      const xml = '<r><n>42</n><f>-1.5e3</f><z>007</z><b>true</b><big>123456789012345678901</big><s>4 2</s></r>';
      expect(await converted(xml)).toEqual({ r: { n: '42', f: '-1.5e3', z: '007', b: 'true', big: '123456789012345678901', s: '4 2' } });
      expect(await converted(xml, { typedValues: true })).toEqual({
        r: { n: 42, f: -1500, z: '007', b: true, big: '123456789012345678901', s: '4 2' },
      });
    });
  });

  describe('request flows', () => {
    it('refuses a document with a DTD (XXE) with 400, without resolving anything', async () => {
      const exchange = requestWith('text/xml', XXE);
      expect(await onRequest({}, exchange)).toEqual({
        code: 'VALIDATION_FAILED',
        detail: 'the request body is not valid XML: a document type declaration (DTD) is not accepted',
      });
      expect(String(exchange.body)).toBe(XXE);
    });

    it('refuses malformed XML and names the place, and element names that could pollute prototypes', async () => {
      const malformed = await onRequest({}, requestWith('application/xml', '<a><b>x</a>'));
      expect(malformed?.code).toBe('VALIDATION_FAILED');
      expect(malformed?.detail).toMatch(/^the request body is not valid XML: .*closing tag.*\(line 1, column \d+\)$/);
      expect((await onRequest({}, requestWith('application/xml', '<__proto__><x>1</x></__proto__>')))?.code).toBe('VALIDATION_FAILED');
      expect((await onRequest({}, requestWith('application/xml', 'not xml')))?.code).toBe('VALIDATION_FAILED');
    });

    it('converts every +xml type, gzip-encoded and ISO-8859-1 bodies included', async () => {
      const gzipped = requestWith('application/atom+xml', gzipSync('<a>é</a>'), { 'content-encoding': 'gzip' });
      expect(await onRequest({}, gzipped)).toBeUndefined();
      expect([String(gzipped.body), gzipped.requestHeaders['content-encoding']]).toEqual(['{"a":"é"}', undefined]);

      const latin1 = requestWith('text/xml; charset=ISO-8859-1', Buffer.from('<a>\u00e9</a>', 'latin1'));
      expect(await onRequest({}, latin1)).toBeUndefined();
      expect(String(latin1.body)).toBe('{"a":"é"}');
    });

    it('answers 415 for a content encoding or charset it cannot read', async () => {
      expect((await onRequest({}, requestWith('text/xml', '<a/>', { 'content-encoding': 'compress' })))?.code).toBe(
        'UNSUPPORTED_MEDIA_TYPE',
      );
      expect((await onRequest({}, requestWith('text/xml; charset=klingon', '<a/>')))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    });

    it('answers 413 when a compressed body inflates past the body limit', async () => {
      const exchange = requestWith('text/xml', gzipSync(`<a>${'x'.repeat(100_000)}</a>`), { 'content-encoding': 'gzip' });
      exchange.maxBodyBytes = 10_000;
      expect((await onRequest({}, exchange))?.code).toBe('PAYLOAD_TOO_LARGE');
    });

    it('leaves bodies of other types, and empty bodies, alone without reading them', async () => {
      const json = makeExchange({ method: 'POST', headers: { 'content-type': 'application/json' } });
      expect(await onRequest({}, json)).toBeUndefined();
      expect(json.body).toBeUndefined();
      const empty = requestWith('application/xml', '');
      expect(await onRequest({}, empty)).toBeUndefined();
      expect([String(empty.body), empty.requestHeaders['content-type']]).toEqual(['', 'application/xml']);
    });
  });

  describe('response flows', () => {
    it("reads the backend's body and replaces it with JSON, dropping headers of the old bytes", async () => {
      const exchange = answered('application/xml; charset=utf-8', gzipSync('<r><a>1</a></r>'), {
        'content-encoding': 'gzip',
        etag: '"x"',
        'x-keep': '1',
      });
      const handler = instantiate(xmlToJson, {});
      expect(handler.readsResponseBody).toBe(true);
      expect(handler.onResponse?.(exchange)).toBeUndefined();
      expect(String(exchange.response?.body)).toBe('{"r":{"a":"1"}}');
      expect(exchange.response?.headers).toEqual({ 'content-type': 'application/json', 'x-keep': '1' });
    });

    it("passes the backend's own bytes through when they are not valid XML, or not XML at all", () => {
      for (const [type, body] of [
        ['application/xml', XXE],
        ['application/xml', '<a><b></a>'],
        ['text/html', '<p>oops</p>'],
      ] as const) {
        const exchange = answered(type, body);
        instantiate(xmlToJson, {}).onResponse?.(exchange);
        expect([String(exchange.response?.body), exchange.response?.headers['content-type']]).toEqual([body, type]);
      }
    });
  });
});
