import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http';
import { decodeFormComponent } from '../http/form.js';
import { mediaTypeOf } from '../policies/media-type.js';

/** Names of headers, query parameters and body fields whose values a trace never shows. */
export const CREDENTIAL_NAME = /authorization|cookie|key|token|secret|password|signature|credential/i;

/** What a masked value is replaced by. */
export const MASK = '***';

/** Secrets shorter than this are not searched for elsewhere in a trace (they would blank out ordinary text). */
const MIN_SCRUBBED_LENGTH = 8;

/**
 * Masks the credentials of one traced call. Names match {@link CREDENTIAL_NAME}, or are among
 * `extraNames` (lower case: e.g. the header and query parameter a verify-api-key policy is
 * configured to read). Every value it masks in headers and the query is also remembered, so
 * {@link Masker.scrub} can blank it out wherever else it shows up (a backend echoing the key).
 */
export class Masker {
  private readonly secrets = new Set<string>();

  constructor(private readonly extraNames: ReadonlySet<string> = new Set()) {}

  /** Whether values under `name` are masked. */
  isCredential(name: string): boolean {
    return CREDENTIAL_NAME.test(name) || this.extraNames.has(name.toLowerCase());
  }

  /**
   * Headers as a trace records them: lower-case names, one string each (repeated values joined),
   * credentials masked. Authorization keeps its scheme (`Bearer ***`).
   */
  headers(headers: IncomingHttpHeaders | OutgoingHttpHeaders): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [rawName, rawValue] of Object.entries(headers)) {
      if (rawValue === undefined) continue;
      const name = rawName.toLowerCase();
      const value = Array.isArray(rawValue) ? rawValue.join(name === 'cookie' ? '; ' : ', ') : String(rawValue);
      out[name] = this.isCredential(name) ? this.maskHeaderValue(name, value) : value;
    }
    return out;
  }

  private maskHeaderValue(name: string, value: string): string {
    if (name === 'authorization' || name === 'proxy-authorization') {
      const match = /^\s*([A-Za-z0-9!#$%&'*+.^_`|~-]+)\s+(\S.*)$/.exec(value);
      if (match !== null) {
        this.remember((match[2] as string).trim());
        return `${match[1]} ${MASK}`;
      }
    } else if (name === 'cookie' || name === 'set-cookie') {
      for (const part of value.split(/[;,]/)) {
        const equals = part.indexOf('=');
        if (equals !== -1) this.remember(part.slice(equals + 1).trim());
      }
    }
    this.remember(value.trim());
    return MASK;
  }

  /**
   * A query string (without `?`) or a form-urlencoded body with the values of credential
   * parameters masked; every other pair keeps its exact encoding.
   */
  query(query: string): string {
    if (query === '') return query;
    let changed = false;
    const pairs = query.split('&');
    for (let i = 0; i < pairs.length; i++) {
      const pair = pairs[i] as string;
      const equals = pair.indexOf('=');
      if (equals === -1) continue;
      const rawName = pair.slice(0, equals);
      if (!this.isCredential(decodeFormComponent(rawName))) continue;
      const rawValue = pair.slice(equals + 1);
      this.remember(rawValue);
      this.remember(decodeFormComponent(rawValue));
      pairs[i] = `${rawName}=${MASK}`;
      changed = true;
    }
    return changed ? pairs.join('&') : query;
  }

  /**
   * A body's text with credentials masked when its content type says JSON (object properties
   * at any depth) or a form (fields); any other body is returned as it is. Works on a truncated
   * body too: a credential value cut by the end is masked to the end.
   */
  body(text: string, contentType: string | undefined): string {
    const type = mediaTypeOf(contentType);
    if (type === 'application/x-www-form-urlencoded') return this.query(text);
    if (type === 'application/json' || type.endsWith('+json')) return this.json(text);
    return text;
  }

  /**
   * JSON text with the value of every property whose name is a credential replaced by `"***"`.
   * Scans the text instead of parsing it, so the rest stays byte for byte (number precision,
   * spacing) and a truncated or invalid document is still masked as far as it goes.
   */
  json(text: string): string {
    const out: string[] = [];
    let copiedUpTo = 0;
    /** For each open container, whether it is an object. */
    const stack: boolean[] = [];
    /** In an object, the next string is a property name. */
    let expectName = false;
    /** The last property name read was a credential: its value is masked. */
    let maskNext = false;
    let i = 0;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === QUOTE) {
        const end = stringEnd(text, i);
        if (expectName) {
          maskNext = this.isCredential(decodeJsonString(text.slice(i, end)));
          expectName = false;
          i = end;
          continue;
        }
        if (maskNext) {
          this.remember(decodeJsonString(text.slice(i, end)));
          out.push(text.slice(copiedUpTo, i), `"${MASK}"`);
          copiedUpTo = end;
          maskNext = false;
        }
        i = end;
        continue;
      }
      if (maskNext && c !== COLON && !isJsonSpace(c)) {
        // A non-string value (number, literal, object, array) of a credential: masked whole.
        const end = valueEnd(text, i);
        out.push(text.slice(copiedUpTo, i), `"${MASK}"`);
        copiedUpTo = end;
        maskNext = false;
        i = end;
        continue;
      }
      if (c === OPEN_BRACE) {
        stack.push(true);
        expectName = true;
      } else if (c === OPEN_BRACKET) {
        stack.push(false);
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        stack.pop();
        expectName = false;
      } else if (c === COMMA) {
        expectName = stack[stack.length - 1] === true;
      }
      i++;
    }
    if (copiedUpTo === 0) return text;
    out.push(text.slice(copiedUpTo));
    return out.join('');
  }

  /** `text` with every secret seen so far by this masker replaced by `***`. */
  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.replaceAll(secret, MASK);
    return out;
  }

  /** `bytes` with every secret seen so far replaced by `***` (a copy when anything changed). */
  scrubBytes(bytes: Buffer): Buffer {
    let out = bytes;
    for (const secret of this.secrets) {
      let at = out.indexOf(secret);
      if (at === -1) continue;
      const length = Buffer.byteLength(secret);
      const parts: Buffer[] = [];
      let from = 0;
      while (at !== -1) {
        parts.push(out.subarray(from, at), MASK_BYTES);
        from = at + length;
        at = out.indexOf(secret, from);
      }
      parts.push(out.subarray(from));
      out = Buffer.concat(parts);
    }
    return out;
  }

  private remember(value: string): void {
    if (value.length >= MIN_SCRUBBED_LENGTH && value !== MASK) this.secrets.add(value);
  }
}

const MASK_BYTES = Buffer.from(MASK);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

/** Index just past the JSON string starting at `start` (its opening quote); the text's end when it is cut. */
function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === QUOTE) return i + 1;
  }
  return text.length;
}

/** Index just past the JSON value (not a string) starting at `start`: a nested container whole, or a scalar. */
function valueEnd(text: string, start: number): number {
  const first = text.charCodeAt(start);
  if (first !== OPEN_BRACE && first !== OPEN_BRACKET) {
    let i = start;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === COMMA || c === CLOSE_BRACE || c === CLOSE_BRACKET || isJsonSpace(c)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      i = stringEnd(text, i);
      continue;
    }
    if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth--;
      if (depth === 0) return i + 1;
    }
    i++;
  }
  return text.length;
}

/** The value of a JSON string token (quotes included); a cut or invalid one as its raw inside. */
function decodeJsonString(token: string): string {
  try {
    return JSON.parse(token) as string;
  } catch {
    return token.slice(1, token.endsWith('"') && token.length > 1 ? -1 : undefined);
  }
}
