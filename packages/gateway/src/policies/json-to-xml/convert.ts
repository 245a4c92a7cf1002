import { XMLBuilder } from 'fast-xml-parser';
import type { Converted } from '../body-conversion.js';
import type { JsonToXmlConfig } from './schema.js';

const MAX_DEPTH = 100;
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

/** Thrown while shaping a value the conversion refuses (too deep). */
class Refused extends Error {}

/**
 * Compiles a JSON → XML converter. JSON property names become valid XML names (other
 * characters replaced by `_`), text and attribute values are escaped by the builder, arrays
 * repeat their element, and nesting is limited to 100 levels.
 */
export function compileJsonToXml(config: JsonToXmlConfig): (json: string) => Converted {
  const prefix = config.attributePrefix;
  const textName = config.textNodeName;
  const item = config.arrayItemElement;
  const builder = new XMLBuilder({
    ignoreAttributes: prefix === '',
    attributeNamePrefix: prefix,
    textNodeName: textName,
    suppressBooleanAttributes: false,
    suppressEmptyNode: false,
    processEntities: true,
    format: false,
  });

  const isAttribute = (key: string) => prefix !== '' && key !== textName && key.startsWith(prefix);

  /** The value of one element, shaped for the builder. */
  const element = (value: unknown, depth: number): unknown => {
    if (depth > MAX_DEPTH) throw new Refused(`nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(value)) return { [item]: value.map((member) => element(member, depth + 1)) };
    if (typeof value === 'string') return xmlText(value);
    if (value === null || typeof value !== 'object') return value;
    // No prototype: a "__proto__" property is an ordinary element name here.
    const out: Record<string, unknown> = Object.create(null);
    for (const [key, child] of Object.entries(value)) {
      if (key === textName) out[textName] = scalar(child);
      else if (isAttribute(key)) out[prefix + xmlName(key.slice(prefix.length))] = scalar(child);
      else merge(out, xmlName(key), Array.isArray(child) ? child.map((member) => element(member, depth + 1)) : element(child, depth + 1));
    }
    return out;
  };

  return (json) => {
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch (error) {
      return { ok: false, reason: (error as Error).message };
    }
    try {
      const xml = builder.build(rooted(value, element, config.rootElement, isAttribute, textName));
      return { ok: true, text: config.declaration ? DECLARATION + xml : xml };
    } catch (error) {
      if (error instanceof Refused || error instanceof RangeError) return { ok: false, reason: error.message };
      throw error;
    }
  };
}

/** An object with one element property (not an array) is its own root; anything else is wrapped. */
function rooted(
  value: unknown,
  element: (value: unknown, depth: number) => unknown,
  rootElement: string,
  isAttribute: (key: string) => boolean,
  textName: string,
): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const keys = Object.keys(value);
    const [only] = keys;
    if (keys.length === 1 && only !== undefined && only !== textName && !isAttribute(only)) {
      const child = (value as Record<string, unknown>)[only];
      if (!Array.isArray(child)) return { [xmlName(only)]: element(child, 1) };
    }
  }
  return { [rootElement]: element(value, 1) };
}

/** Two JSON names may map to one XML name ("a b", "a_b"): their elements are then repeated. */
function merge(out: Record<string, unknown>, name: string, value: unknown): void {
  const existing = out[name];
  if (existing === undefined) out[name] = value;
  else out[name] = [...(Array.isArray(existing) ? existing : [existing]), ...(Array.isArray(value) ? value : [value])];
}

/** An attribute or text value: objects and arrays as their JSON text, null as empty. */
function scalar(value: unknown): unknown {
  if (value === null) return '';
  if (typeof value === 'string') return xmlText(value);
  return typeof value === 'object' ? xmlText(JSON.stringify(value)) : value;
}

// Characters XML 1.0 cannot carry at all, even escaped (NUL, most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML = /[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** A JSON string as XML text: characters XML cannot carry become U+FFFD. */
function xmlText(text: string): string {
  return text.replace(NOT_XML, '\uFFFD');
}

/** A JSON property name as a valid XML name: other characters become `_`, a bad first one gets `_` before it. */
export function xmlName(name: string): string {
  const cleaned = name.replace(/[^\p{L}\p{N}._:-]/gu, '_');
  return cleaned === '' || !/^[\p{L}_]/u.test(cleaned) ? `_${cleaned}` : cleaned;
}
