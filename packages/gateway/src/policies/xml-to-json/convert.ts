import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { Converted } from '../body-conversion.js';
import type { XmlToJsonConfig } from './schema.js';

const CDATA = /<!\[CDATA\[([\s\S]*?)\]\]>/g;
const DTD = /<!DOCTYPE/i;
const REFERENCE = /&(lt|gt|amp|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const NUMBER = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$/;

/**
 * Compiles an XML → JSON converter. Entity processing is off: a document with a DTD is refused
 * outright, so no entity can be declared (no external entities, no expansion bombs). The five
 * predefined entities and character references are decoded here instead, as XML requires;
 * CDATA sections are turned into escaped text first so that they are not decoded twice.
 */
export function compileXmlToJson(config: XmlToJsonConfig): (xml: string) => Converted {
  const arrays = new Set(config.arrays);
  const value = (text: string): unknown => {
    const decoded = text.includes('&') ? text.replace(REFERENCE, decodeReference) : text;
    return config.typedValues ? typed(decoded) : decoded;
  };
  const parser = new XMLParser({
    ignoreAttributes: config.ignoreAttributes,
    attributeNamePrefix: config.attributePrefix,
    textNodeName: config.textNodeName,
    removeNSPrefix: config.stripNamespaces,
    parseTagValue: false,
    parseAttributeValue: false,
    processEntities: false,
    htmlEntities: false,
    ignoreDeclaration: true,
    ignorePiTags: true,
    trimValues: true,
    isArray: (name, _path, _isLeaf, isAttribute) => !isAttribute && arrays.has(name),
    tagValueProcessor: (_name, text) => value(text),
    attributeValueProcessor: (_name, text) => value(text),
  });
  return (xml) => {
    if (DTD.test(xml)) return { ok: false, reason: 'a document type declaration (DTD) is not accepted' };
    const text = xml.includes('<![CDATA[') ? xml.replace(CDATA, (_section, content: string) => escapeText(content)) : xml;
    const valid = XMLValidator.validate(text);
    if (valid !== true) return { ok: false, reason: `${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col})` };
    try {
      return { ok: true, text: JSON.stringify(parser.parse(text)) };
    } catch (error) {
      // The parser refuses names such as __proto__ or constructor, and nesting deeper than 100.
      return { ok: false, reason: error instanceof Error ? error.message : String(error) };
    }
  };
}

function escapeText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function decodeReference(reference: string, name: string): string {
  const named = NAMED[name];
  if (named !== undefined) return named;
  const code = name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
  // Not a character XML allows (NUL, a surrogate, beyond Unicode): left as written.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return reference;
  return String.fromCodePoint(code);
}

function typed(text: string): unknown {
  if (text === 'true') return true;
  if (text === 'false') return false;
  if (!NUMBER.test(text)) return text;
  const number = Number(text);
  // Integers past 2^53 would lose digits: they stay strings.
  const integerText = !/[.eE]/.test(text);
  return !Number.isFinite(number) || (integerText && !Number.isSafeInteger(number)) ? text : number;
}
