import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../../exchange.js';
import { acceptsConfig, instantiate, makeExchange, rejectionOf } from '../../testing/policy-kit.js';
import type { PolicyHandler, Rejection } from '../kit.js';
import { xmlThreatProtection } from './index.js';

/** An exchange whose request yields `body` when read (through `exchange.readBody()`, for real). */
function bodyExchange(body: string | Buffer, headers: Record<string, string> = {}, chunked = false): Exchange {
  const bytes = Buffer.from(body);
  const framing: Record<string, string> = chunked ? { 'transfer-encoding': 'chunked' } : { 'content-length': String(bytes.length) };
  const exchange = makeExchange({ method: 'POST', headers: { 'content-type': 'application/xml', ...framing, ...headers } });
  Object.assign(exchange.request, {
    async *[Symbol.asyncIterator]() {
      yield bytes;
    },
  });
  return exchange;
}

const LIMITS = { maxDepth: 3, maxElements: 5, maxAttributes: 2, maxNameLength: 5, maxAttributeValueLength: 5, maxTextLength: 5 };

async function verdictOf(handler: PolicyHandler, exchange: Exchange): Promise<Rejection | undefined> {
  return rejectionOf(await handler.onRequest?.(exchange));
}

async function check(body: string | Buffer, config: object = LIMITS, headers: Record<string, string> = {}): Promise<Rejection | undefined> {
  return verdictOf(instantiate(xmlThreatProtection, config), bodyExchange(body, headers));
}

describe('policy: xml-threat-protection', () => {
  describe('schema', () => {
    it('fills the defaults', () => {
      expect(Value.Default(xmlThreatProtection.schema, {})).toEqual({
        maxDepth: 32,
        maxElements: 10_000,
        maxAttributes: 32,
        maxNameLength: 128,
        maxAttributeValueLength: 4_096,
        maxTextLength: 65_536,
        maxBodyBytes: null,
      });
    });

    it.each([
      ['a depth of 0', { maxDepth: 0 }],
      ['a depth above 10,000', { maxDepth: 10_001 }],
      ['a fractional element count', { maxElements: 2.5 }],
      ['an attribute limit above 10,000', { maxAttributes: 10_001 }],
      ['a body limit of 0', { maxBodyBytes: 0 }],
      ['an option to allow DOCTYPEs', { allowDoctype: true }],
    ])('refuses %s', (_case, config) => {
      expect(acceptsConfig(xmlThreatProtection, config)).toBe(false);
    });
  });

  describe('entities and DOCTYPE', () => {
    const xxe = '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>';
    const laughs =
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><lolz>&lol2;</lolz>';

    it('refuses an external entity (XXE) and entity expansion (billion laughs) at the DOCTYPE', async () => {
      for (const body of [xxe, laughs]) {
        expect(await check(body, {})).toEqual({
          code: 'THREAT_DETECTED',
          detail: 'a DOCTYPE is not allowed (external entities, entity expansion) (at byte 21)',
        });
      }
    });

    it('refuses any DOCTYPE, even one without declarations, and declarations elsewhere', async () => {
      expect((await check('<!DOCTYPE r><r/>', {}))?.detail).toContain('a DOCTYPE is not allowed');
      expect((await check('<r><!ENTITY x "y"></r>', {}))?.detail).toBe(
        'markup declarations (<!ENTITY, <!ELEMENT…) are not allowed (at byte 3)',
      );
      expect((await check('<!doctype r><r/>', {}))?.detail).toContain('markup declarations');
      expect((await check('<r><!', {}))?.detail).toContain('markup declarations');
    });

    it('refuses references to undeclared entities, in text and in attribute values', async () => {
      const detail = 'a reference to an entity other than &lt; &gt; &amp; &apos; &quot; (no entity is declared)';
      expect(await check('<r>&xxe;</r>', {})).toEqual({ code: 'THREAT_DETECTED', detail: `${detail} (at byte 3)` });
      expect((await check('<r a="&xxe;"/>', {}))?.detail).toBe(`${detail} (at byte 6)`);
    });

    it('accepts the five predefined entities and character references', async () => {
      expect(await check('<r a="&quot;&apos;">&lt;&gt;&amp;&#65;&#x1F600;</r>', {})).toBeUndefined();
    });

    it('refuses the XInclude namespace, prefixed or default', async () => {
      const detail = 'the XInclude namespace is not allowed (document inclusion)';
      expect((await check('<r xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="/etc/passwd"/></r>', {}))?.detail).toBe(
        `${detail} (at byte 3)`,
      );
      expect((await check('<include xmlns="http://www.w3.org/2001/XInclude" href="x"/>', {}))?.detail).toContain(detail);
      expect(await check('<r xmlns:x="urn:example"/>', {})).toBeUndefined();
    });

    it('refuses a declared encoding that is not UTF-8, and bodies that are not UTF-8', async () => {
      expect((await check('<?xml version="1.0" encoding="UTF-16"?><r/>', {}))?.detail).toBe(
        "the encoding 'UTF-16' is not accepted: send UTF-8 (at byte 0)",
      );
      expect(await check('<?xml version="1.0" encoding="utf-8"?><r/>', {})).toBeUndefined();
      expect(await check(Buffer.from('<r>\u00e9</r>', 'latin1'), {})).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the XML body is malformed: it is not valid UTF-8',
      });
    });
  });

  describe('limits', () => {
    it('admits a body exactly at every limit and forwards it from memory, unchanged', async () => {
      const body = '<?xml version="1.0"?><abcde a="12345" b=""><b><c>12345</c></b><d/><e><![CDATA[<&>]]><!--12345--></e></abcde>';
      const exchange = bodyExchange(body);
      expect(await verdictOf(instantiate(xmlThreatProtection, LIMITS), exchange)).toBeUndefined();
      expect(exchange.body?.toString()).toBe(body);
    });

    it.each([
      ['maxDepth', '<a><b><c><d/></c></b></a>', 'the XML body nests elements deeper than maxDepth (3) (at byte 9)'],
      ['maxElements', '<a><b/><b/><b/><b/><b/></a>', 'the XML body has more elements than maxElements (5) (at byte 19)'],
      ['maxAttributes', '<a x="1" y="2" z="3"/>', 'an XML element has more attributes than maxAttributes (2) (at byte 15)'],
      ['maxNameLength on an element', '<abcdef/>', 'an XML name is longer than maxNameLength (5 characters) (at byte 1)'],
      ['maxNameLength on an attribute', '<a abcdef="1"/>', 'an XML name is longer than maxNameLength (5 characters) (at byte 3)'],
      ['maxNameLength with a prefix', '<ns:abc/>', 'an XML name is longer than maxNameLength (5 characters) (at byte 1)'],
      [
        'maxAttributeValueLength',
        '<a x="123456"/>',
        'an XML attribute value is longer than maxAttributeValueLength (5 characters) (at byte 5)',
      ],
      [
        'maxTextLength on text',
        '<a>123456</a>',
        'an XML text, CDATA section, comment or processing instruction is longer than maxTextLength (5 characters) (at byte 3)',
      ],
      [
        'maxTextLength on CDATA',
        '<a><![CDATA[123456]]></a>',
        'an XML text, CDATA section, comment or processing instruction is longer than maxTextLength (5 characters) (at byte 3)',
      ],
      [
        'maxTextLength on a comment',
        '<a><!--123456--></a>',
        'an XML text, CDATA section, comment or processing instruction is longer than maxTextLength (5 characters) (at byte 3)',
      ],
      [
        'maxTextLength on a processing instruction',
        '<a><?pi 12345?></a>',
        'an XML text, CDATA section, comment or processing instruction is longer than maxTextLength (5 characters) (at byte 3)',
      ],
    ])('refuses a body one past %s with 400 THREAT_DETECTED naming the limit', async (_limit, body, detail) => {
      expect(await check(body)).toEqual({ code: 'THREAT_DETECTED', detail });
    });

    it('counts characters, not bytes, and a reference as one character', async () => {
      expect(await check('<a x="ééééé">😀😀😀😀😀</a>')).toBeUndefined();
      expect(await check('<a>&amp;&lt;&#233;&#x1F600;b</a>')).toBeUndefined();
      expect((await check('<a>éééééé</a>'))?.detail).toContain('maxTextLength');
    });

    it('survives a body of a million nested start tags and refuses it at the limit', async () => {
      const deep = Buffer.from('<a>'.repeat(1_000_000));
      expect(await check(deep, { maxDepth: 10_000, maxElements: 100_000_000 })).toEqual({
        code: 'THREAT_DETECTED',
        detail: 'the XML body nests elements deeper than maxDepth (10000) (at byte 30000)',
      });
    });

    it('refuses a flood of sibling elements at maxElements', async () => {
      const flood = `<r>${'<i/>'.repeat(100_000)}</r>`;
      expect((await check(flood, { maxElements: 10_000 }))?.detail).toBe(
        'the XML body has more elements than maxElements (10000) (at byte 39999)',
      );
    });

    it('starts every call afresh', async () => {
      const handler = instantiate(xmlThreatProtection, LIMITS);
      expect((await verdictOf(handler, bodyExchange('<a><b><c><d/></c></b></a>')))?.code).toBe('THREAT_DETECTED');
      expect(await verdictOf(handler, bodyExchange('<a><b><c/></b></a>'))).toBeUndefined();
      expect(await verdictOf(handler, bodyExchange('<a x="1" y="2"/>'))).toBeUndefined();
    });
  });

  describe('well-formedness', () => {
    it.each([
      ['a minimal document', '<r/>'],
      [
        'a BOM, declaration, comments and PIs around the root',
        '\uFEFF<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><?pi x?>\n<r/>\n<!-- after -->\n',
      ],
      ['namespaces and mixed content', '<a:r xmlns:a="urn:a" a:x=\'1\'>text <b>bold</b> tail<c\n/></a:r>'],
      ['whitespace in tags', '<r  a = "1"\tb=\'2\' ></r >'],
      ['a > in text and attributes', '<r a=">">a > b</r>'],
      ['a stylesheet PI', '<?xml-stylesheet href="s.xsl"?><r/>'],
    ])('admits %s', async (_case, body) => {
      expect(await check(body, {})).toBeUndefined();
    });

    it.each([
      ['an empty-looking body of whitespace', '  ', 'no root element'],
      ['text before the root', 'x<r/>', 'text before the root element'],
      ['text after the root', '<r/>x', 'text after the root element'],
      ['two roots', '<r/><r/>', 'a second root element'],
      ['an unclosed element', '<r><a></r>', 'an end tag that does not match the open element'],
      ['an end tag that is a prefix of the open name', '<abc></ab>', 'an end tag that does not match the open element'],
      ['an unclosed root', '<r>text', 'unexpected end of the body: an element is not closed'],
      ['a body that stops inside a tag', '<r a="1"', 'unexpected end of the body in a tag'],
      ['a stray end tag', '</r>', 'an end tag without a start tag'],
      ['a repeated attribute', '<r a="1" a="2"/>', 'a repeated attribute'],
      ['an unquoted attribute value', '<r a=1/>', 'expected a quoted attribute value'],
      ['attributes without whitespace', '<r a="1"b="2"/>', 'expected whitespace before an attribute'],
      ['a < in an attribute value', '<r a="<"/>', "a '<' in an attribute value"],
      ['a bare ampersand', '<r>a & b</r>', "a '&' that does not start a reference"],
      ['an invalid character reference', '<r>&#xZZ;</r>', 'an invalid character reference'],
      ['a reference to NUL', '<r>&#0;</r>', 'a character reference to a character XML does not allow'],
      ['a raw control character', '<r>\u0001</r>', 'a control character XML does not allow'],
      ['-- in a comment', '<r><!-- a -- b --></r>', "'--' inside a comment"],
      ['an unterminated comment', '<r><!-- a</r>', 'unterminated comment'],
      ['an unterminated CDATA section', '<r><![CDATA[x</r>', 'unterminated CDATA section'],
      ['CDATA outside the root', '<![CDATA[x]]><r/>', 'CDATA outside the root element'],
      [']]> in text', '<r>a]]>b</r>', "']]>' in text"],
      ['a late XML declaration', '<r><?xml version="1.0"?></r>', 'an XML declaration that is not at the start of the body'],
      ['an invalid tag name', '<1r/>', "a '<' that does not start a tag"],
    ])('refuses %s as malformed', async (_case, body, reason) => {
      const verdict = await check(body, {});
      expect(verdict?.code).toBe('THREAT_DETECTED');
      expect(verdict?.detail).toContain(`the XML body is malformed: ${reason}`);
    });
  });

  describe('robustness', () => {
    const document =
      '\uFEFF<?xml version="1.0" encoding="UTF-8"?><!-- c --><?pi d?><a:r xmlns:a="urn:a" x=\'&amp;&#233;\'><b>t&lt;é</b><![CDATA[<>]]><c/></a:r>';

    it('answers every truncation of a document with a verdict, never an exception', async () => {
      const bytes = Buffer.from(document);
      const handler = instantiate(xmlThreatProtection, {});
      for (let end = 1; end < bytes.length; end++) {
        const verdict = await verdictOf(handler, bodyExchange(bytes.subarray(0, end)));
        expect(verdict?.code, `first ${end} bytes`).toBe('THREAT_DETECTED');
      }
      expect(await verdictOf(handler, bodyExchange(bytes))).toBeUndefined();
    });

    it('answers every single-byte corruption of a document with a verdict, never an exception', async () => {
      const handler = instantiate(xmlThreatProtection, {});
      const bytes = Buffer.from(document);
      for (let at = 0; at < bytes.length; at++) {
        for (const replacement of [0x3c, 0x3e, 0x26, 0x22, 0x2f, 0x21, 0x3f, 0x5d, 0x20]) {
          const corrupt = Buffer.from(bytes);
          corrupt[at] = replacement;
          // A throw would reject here and fail the test (in the gateway: 500 POLICY_FAILED).
          const verdict = await verdictOf(handler, bodyExchange(corrupt));
          expect([undefined, 'THREAT_DETECTED']).toContain(verdict?.code);
        }
      }
    });
  });

  describe('which requests', () => {
    it('applies to application/xml, text/xml and +xml types', async () => {
      for (const type of ['application/xml; charset=utf-8', 'text/xml', 'application/soap+xml', 'Application/Atom+XML']) {
        expect((await check('<!DOCTYPE r><r/>', {}, { 'content-type': type }))?.code, type).toBe('THREAT_DETECTED');
      }
    });

    it('leaves other content types and requests without a body alone, without reading', () => {
      const handler = instantiate(xmlThreatProtection, {});
      for (const type of ['application/json', 'text/plain', 'text/html']) {
        const exchange = bodyExchange('<!DOCTYPE r><r/>', { 'content-type': type });
        expect(handler.onRequest?.(exchange), type).toBeUndefined();
        expect(exchange.body).toBeUndefined();
      }
      expect(handler.onRequest?.(makeExchange({ headers: { 'content-type': 'application/xml' } }))).toBeUndefined();
    });

    it('inspects a chunked body and one an earlier policy read', async () => {
      const handler = instantiate(xmlThreatProtection, {});
      expect((await verdictOf(handler, bodyExchange('<!DOCTYPE r><r/>', {}, true)))?.code).toBe('THREAT_DETECTED');
      const read = makeExchange({ method: 'POST', headers: { 'content-type': 'text/xml', 'content-length': '16' } });
      read.body = Buffer.from('<!DOCTYPE r><r/>');
      expect(rejectionOf(handler.onRequest?.(read))?.code).toBe('THREAT_DETECTED');
    });

    it('refuses a compressed body (415) and one above maxBodyBytes (413)', async () => {
      expect((await check('<r/>', {}, { 'content-encoding': 'gzip' }))?.code).toBe('UNSUPPORTED_MEDIA_TYPE');
      expect(await check('<r>12345</r>', { maxBodyBytes: 11 })).toEqual({
        code: 'PAYLOAD_TOO_LARGE',
        detail: 'the request body is larger than maxBodyBytes (11 bytes)',
        headers: { connection: 'close' },
      });
      const chunked = bodyExchange('<r>12345</r>', {}, true);
      expect((await verdictOf(instantiate(xmlThreatProtection, { maxBodyBytes: 11 }), chunked))?.code).toBe('PAYLOAD_TOO_LARGE');
    });
  });
});
