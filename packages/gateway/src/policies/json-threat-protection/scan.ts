/** The structural limits a JSON document is held to. */
export interface JsonLimits {
  /** Deepest nesting of objects and arrays (a scalar document has depth 0, `[]` depth 1). */
  maxDepth: number;
  /** Most elements in one array. */
  maxArrayLength: number;
  /** Longest string value, object key or number literal, in characters. */
  maxStringLength: number;
  /** Most entries (key–value pairs) in one object. */
  maxKeys: number;
}

/** Why a document was refused: a limit it passes, or the JSON grammar it breaks, at a byte offset. */
export type JsonViolation =
  | { kind: 'limit'; limit: keyof JsonLimits; offset: number }
  | { kind: 'malformed'; reason: string; offset: number };

/** Held between scans instead of the last body, so no request body outlives its call. */
const EMPTY = new Uint8Array(0);

const OBJECT = 1;
const ARRAY = 2;

// Byte values the grammar needs (RFC 8259).
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const ZERO = 0x30;
const NINE = 0x39;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;

const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');

/** Escapes allowed after a backslash besides `u`: `" \ / b f n r t`. */
const SIMPLE_ESCAPES = new Set([0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= ZERO && byte <= NINE;
}

function isHex(byte: number | undefined): boolean {
  return byte !== undefined && ((byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
}

/**
 * Checks a UTF-8 JSON text against {@link JsonLimits} in one pass over its bytes, without
 * building any value. Nesting is tracked in fixed arrays sized by `maxDepth` instead of by
 * recursion, so no document (however deep) can exhaust the call stack, and a violation stops
 * the scan at once: a 10 MiB array of 10 million elements costs nothing past the limit.
 *
 * One instance per policy instance: {@link scan} is synchronous, so calls never interleave.
 */
export class JsonScanner {
  /** Per open container (index = depth): OBJECT or ARRAY. */
  private readonly kinds: Uint8Array;
  /** Per open container: entries or elements seen so far. */
  private readonly counts: Uint32Array;
  private bytes: Uint8Array = EMPTY;
  private violation: JsonViolation | undefined;

  constructor(private readonly limits: JsonLimits) {
    this.kinds = new Uint8Array(limits.maxDepth + 1);
    this.counts = new Uint32Array(limits.maxDepth + 1);
  }

  /** The first violation in `bytes` (one JSON text, surrounding whitespace allowed), or undefined. */
  scan(bytes: Uint8Array): JsonViolation | undefined {
    this.bytes = bytes;
    this.violation = undefined;
    try {
      return this.run();
    } finally {
      this.bytes = EMPTY;
    }
  }

  private run(): JsonViolation | undefined {
    const b = this.bytes;
    const n = b.length;
    const { maxDepth, maxArrayLength, maxKeys } = this.limits;
    const kinds = this.kinds;
    const counts = this.counts;
    let depth = 0;
    let i = 0;
    let expectValue = true;
    for (;;) {
      i = this.whitespace(i);
      if (expectValue) {
        if (i >= n) return this.malformed('unexpected end of the body', i);
        const c = b[i] as number;
        if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
          depth++;
          if (depth > maxDepth) return this.limit('maxDepth', i);
          kinds[depth] = c === OPEN_OBJECT ? OBJECT : ARRAY;
          i = this.whitespace(i + 1);
          if (b[i] === (c === OPEN_OBJECT ? CLOSE_OBJECT : CLOSE_ARRAY)) {
            i++;
            depth--;
            expectValue = false;
            continue;
          }
          counts[depth] = 1;
          if (c === OPEN_OBJECT) {
            i = this.key(i);
            if (i < 0) return this.violation;
          }
          // expectValue stays true: the first member's value (or the array's first element).
          continue;
        }
        if (c === QUOTE) i = this.string(i);
        else if (c === MINUS || isDigit(c)) i = this.number(i);
        else if (c === 0x74) i = this.literal(i, TRUE);
        else if (c === 0x66) i = this.literal(i, FALSE);
        else if (c === 0x6e) i = this.literal(i, NULL);
        else return this.malformed(`unexpected ${describe(c)}`, i);
        if (i < 0) return this.violation;
        expectValue = false;
        continue;
      }
      // After a value: the end of the document, a separator or the end of the enclosing container.
      if (depth === 0) return i === n ? undefined : this.malformed(`unexpected ${describe(b[i] as number)} after the JSON value`, i);
      if (i >= n) return this.malformed('unexpected end of the body', i);
      const c = b[i] as number;
      const kind = kinds[depth];
      if (c === COMMA) {
        const count = (counts[depth] as number) + 1;
        counts[depth] = count;
        if (kind === OBJECT) {
          if (count > maxKeys) return this.limit('maxKeys', i);
          i = this.key(this.whitespace(i + 1));
          if (i < 0) return this.violation;
        } else {
          if (count > maxArrayLength) return this.limit('maxArrayLength', i);
          i++;
        }
        expectValue = true;
      } else if ((c === CLOSE_OBJECT && kind === OBJECT) || (c === CLOSE_ARRAY && kind === ARRAY)) {
        i++;
        depth--;
      } else {
        return this.malformed(`unexpected ${describe(c)} in ${kind === OBJECT ? 'an object' : 'an array'}`, i);
      }
    }
  }

  private whitespace(i: number): number {
    const b = this.bytes;
    while (isWhitespace(b[i])) i++;
    return i;
  }

  /** An object key and its colon, from `i` (at the opening quote); the index after the colon, or -1. */
  private key(i: number): number {
    if (this.bytes[i] !== QUOTE) return this.fail(this.malformed('expected a string key', i));
    const end = this.string(i);
    if (end < 0) return end;
    const colon = this.whitespace(end);
    if (this.bytes[colon] !== COLON) return this.fail(this.malformed("expected ':' after a key", colon));
    return colon + 1;
  }

  /** A string from its opening quote; the index after the closing quote, or -1. Characters are counted, not bytes. */
  private string(start: number): number {
    const b = this.bytes;
    const n = b.length;
    const max = this.limits.maxStringLength;
    let length = 0;
    let i = start + 1;
    for (;;) {
      if (i >= n) return this.fail(this.malformed('unterminated string', start));
      const c = b[i] as number;
      if (c === QUOTE) return i + 1;
      if (c === BACKSLASH) {
        const next = b[i + 1];
        if (next === 0x75) {
          if (!(isHex(b[i + 2]) && isHex(b[i + 3]) && isHex(b[i + 4]) && isHex(b[i + 5]))) {
            return this.fail(this.malformed('invalid \\u escape', i));
          }
          i += 6;
        } else if (next !== undefined && SIMPLE_ESCAPES.has(next)) {
          i += 2;
        } else {
          return this.fail(this.malformed('invalid escape', i));
        }
        length++;
      } else if (c < 0x20) {
        return this.fail(this.malformed('control character in a string', i));
      } else {
        // UTF-8 continuation bytes (10xxxxxx) do not start a character.
        if ((c & 0xc0) !== 0x80) length++;
        i++;
      }
      if (length > max) return this.fail({ kind: 'limit', limit: 'maxStringLength', offset: start });
    }
  }

  /** A number literal (RFC 8259 grammar); the index after it, or -1. Long literals count as long strings. */
  private number(start: number): number {
    const b = this.bytes;
    let i = start;
    if (b[i] === MINUS) i++;
    if (b[i] === ZERO) i++;
    else if (isDigit(b[i])) while (isDigit(b[i])) i++;
    else return this.fail(this.malformed('invalid number', start));
    if (b[i] === DOT) {
      i++;
      if (!isDigit(b[i])) return this.fail(this.malformed('invalid number', start));
      while (isDigit(b[i])) i++;
    }
    if (b[i] === 0x65 || b[i] === 0x45) {
      i++;
      if (b[i] === PLUS || b[i] === MINUS) i++;
      if (!isDigit(b[i])) return this.fail(this.malformed('invalid number', start));
      while (isDigit(b[i])) i++;
    }
    // Some parsers turn huge literals into big numbers in quadratic time: held to the string limit.
    if (i - start > this.limits.maxStringLength) return this.fail({ kind: 'limit', limit: 'maxStringLength', offset: start });
    return i;
  }

  private literal(start: number, word: Buffer): number {
    const b = this.bytes;
    for (let k = 0; k < word.length; k++) {
      if (b[start + k] !== word[k]) return this.fail(this.malformed(`invalid literal (expected '${word.toString()}')`, start));
    }
    return start + word.length;
  }

  private fail(violation: JsonViolation): number {
    this.violation = violation;
    return -1;
  }

  private limit(limit: keyof JsonLimits, offset: number): JsonViolation {
    return { kind: 'limit', limit, offset };
  }

  private malformed(reason: string, offset: number): JsonViolation {
    return { kind: 'malformed', reason, offset };
  }
}

/** A byte as an error message shows it: printable ASCII quoted, anything else in hex. */
function describe(byte: number): string {
  return byte >= 0x21 && byte <= 0x7e ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
}
