/** The structural limits an XML document is held to. */
export interface XmlLimits {
  /** Deepest element nesting: the root element is depth 1. */
  maxDepth: number;
  /** Most elements in the whole document. */
  maxElements: number;
  /** Most attributes on one element (namespace declarations included). */
  maxAttributes: number;
  /** Longest element, attribute or processing-instruction target name, prefix included, in characters. */
  maxNameLength: number;
  /** Longest attribute value, in characters (references count as one). */
  maxAttributeValueLength: number;
  /** Longest text node, CDATA section, comment or processing-instruction content, in characters. */
  maxTextLength: number;
}

/** Why a document was refused, at a byte offset: a limit, forbidden markup (DOCTYPE, entities), or broken XML. */
export type XmlViolation =
  | { kind: 'limit'; limit: keyof XmlLimits; offset: number }
  | { kind: 'forbidden'; reason: string; offset: number }
  | { kind: 'malformed'; reason: string; offset: number };

/** Held between scans instead of the last body, so no request body outlives its call. */
const EMPTY = Buffer.alloc(0);

const LT = 0x3c;
const GT = 0x3e;
const AMP = 0x26;
const SLASH = 0x2f;
const BANG = 0x21;
const QUESTION = 0x3f;
const EQUALS = 0x3d;
const SEMICOLON = 0x3b;
const HASH = 0x23;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const CLOSE_BRACKET = 0x5d;

const COMMENT_OPEN = Buffer.from('<!--');
const COMMENT_DASHES = Buffer.from('--');
const CDATA_OPEN = Buffer.from('<![CDATA[');
const CDATA_CLOSE = Buffer.from(']]>');
const DOCTYPE = Buffer.from('<!DOCTYPE');
const PI_CLOSE = Buffer.from('?>');
const XML_DECLARATION = Buffer.from('<?xml');

/** The only entities a document without a DTD may reference. */
const PREDEFINED_ENTITIES = new Set(['lt', 'gt', 'amp', 'apos', 'quot']);

/** Encodings whose bytes are the UTF-8 the scan reads. */
const ACCEPTED_ENCODINGS = new Set(['utf-8', 'utf8', 'us-ascii', 'ascii']);

/** Declaring this namespace asks some parsers to include other documents (XInclude): files, URLs. */
const XINCLUDE_NAMESPACE = 'http://www.w3.org/2001/XInclude';

function isWhitespace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

/** Name start: ASCII letter, `_`, `:`, or any non-ASCII byte (XML allows most of Unicode in names). */
function isDigit(byte: number | undefined): boolean {
  return byte !== undefined && byte >= 0x30 && byte <= 0x39;
}

function isHexDigit(byte: number | undefined): boolean {
  return isDigit(byte) || (byte !== undefined && ((byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66)));
}

function isNameStart(byte: number | undefined): boolean {
  return (
    byte !== undefined &&
    ((byte >= 0x61 && byte <= 0x7a) || (byte >= 0x41 && byte <= 0x5a) || byte === 0x5f || byte === 0x3a || byte >= 0x80)
  );
}

function isNameChar(byte: number | undefined): boolean {
  return isNameStart(byte) || isDigit(byte) || byte === 0x2d || byte === 0x2e;
}

/** Whether a character reference names a character XML 1.0 allows (§2.2). */
function isXmlChar(code: number): boolean {
  return (
    code === 0x9 ||
    code === 0xa ||
    code === 0xd ||
    (code >= 0x20 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0xfffd) ||
    (code >= 0x10000 && code <= 0x10ffff)
  );
}

/**
 * Checks a UTF-8 XML document against {@link XmlLimits} in one pass over its bytes, without
 * building a tree and without expanding anything: a DOCTYPE (where entities and external
 * references are declared) is refused outright, and the only references accepted are the five
 * predefined entities and character references. So neither XXE nor entity expansion ("billion
 * laughs") can happen here or, for a document that passes, at the backend.
 *
 * The open elements' names live in fixed arrays sized by `maxDepth`: no recursion, no
 * allocation per element. One instance per policy instance: {@link scan} is synchronous.
 */
export class XmlScanner {
  /** Per open element (index = depth): where its name starts and how many bytes it has. */
  private readonly nameStarts: Int32Array;
  private readonly nameLengths: Int32Array;
  /** Attribute names of the current start tag, for the duplicate check. */
  private readonly attributeStarts: Int32Array;
  private readonly attributeLengths: Int32Array;
  private bytes: Buffer = EMPTY;
  private violation: XmlViolation | undefined;
  /** Set by {@link startTag}: whether the tag it read was `<…/>`. */
  private selfClosing = false;

  constructor(private readonly limits: XmlLimits) {
    this.nameStarts = new Int32Array(limits.maxDepth + 1);
    this.nameLengths = new Int32Array(limits.maxDepth + 1);
    this.attributeStarts = new Int32Array(limits.maxAttributes);
    this.attributeLengths = new Int32Array(limits.maxAttributes);
  }

  /** The first violation in `bytes` (one XML document), or undefined. */
  scan(bytes: Buffer): XmlViolation | undefined {
    this.bytes = bytes;
    this.violation = undefined;
    try {
      return this.run();
    } finally {
      this.bytes = EMPTY;
    }
  }

  private run(): XmlViolation | undefined {
    const b = this.bytes;
    const n = b.length;
    const control = forbiddenControl(b);
    if (control !== -1) return this.malformed('a control character XML does not allow', control);
    let i = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
    if (this.startsWith(i, XML_DECLARATION) && isWhitespace(b[i + 5])) {
      i = this.declaration(i);
      if (i < 0) return this.violation;
    }
    let depth = 0;
    let elements = 0;
    let rootClosed = false;
    for (;;) {
      if (depth === 0) {
        i = this.whitespace(i);
        if (i >= n) return rootClosed ? undefined : this.malformed('no root element', i);
        if (b[i] !== LT) return this.malformed(rootClosed ? 'text after the root element' : 'text before the root element', i);
      } else {
        i = this.text(i);
        if (i < 0) return this.violation;
        if (i >= n) return this.malformed('unexpected end of the body: an element is not closed', i);
      }
      // b[i] is '<'.
      const next = b[i + 1];
      if (next === SLASH) {
        if (depth === 0) return this.malformed('an end tag without a start tag', i);
        i = this.endTag(i, depth);
        if (i < 0) return this.violation;
        depth--;
        if (depth === 0) rootClosed = true;
      } else if (next === BANG) {
        if (this.startsWith(i, COMMENT_OPEN)) i = this.comment(i);
        else if (this.startsWith(i, CDATA_OPEN))
          i = depth > 0 ? this.cdata(i) : this.fail(this.malformed('CDATA outside the root element', i));
        else if (this.startsWith(i, DOCTYPE)) return this.forbidden('a DOCTYPE is not allowed (external entities, entity expansion)', i);
        else return this.forbidden('markup declarations (<!ENTITY, <!ELEMENT…) are not allowed', i);
        if (i < 0) return this.violation;
      } else if (next === QUESTION) {
        i = this.processingInstruction(i);
        if (i < 0) return this.violation;
      } else {
        if (rootClosed) return this.malformed('a second root element', i);
        elements++;
        if (elements > this.limits.maxElements) return this.limit('maxElements', i);
        if (depth + 1 > this.limits.maxDepth) return this.limit('maxDepth', i);
        i = this.startTag(i, depth + 1);
        if (i < 0) return this.violation;
        if (!this.selfClosing) depth++;
        else if (depth === 0) rootClosed = true;
      }
    }
  }

  /** `<?xml …?>`: only encodings read as UTF-8 are accepted (another would make the backend read other characters). */
  private declaration(start: number): number {
    const end = this.bytes.indexOf(PI_CLOSE, start);
    if (end === -1) return this.fail(this.malformed('unterminated XML declaration', start));
    const text = this.bytes.toString('latin1', start, end);
    const encoding = /\sencoding\s*=\s*["']([^"']*)["']/.exec(text)?.[1];
    if (encoding !== undefined && !ACCEPTED_ENCODINGS.has(encoding.toLowerCase())) {
      return this.fail(this.forbidden(`the encoding '${encoding.slice(0, 40)}' is not accepted: send UTF-8`, start));
    }
    return end + 2;
  }

  /** Character data from `start` up to the next '<' (or the end); the index of that '<', or -1. */
  private text(start: number): number {
    const b = this.bytes;
    const n = b.length;
    const max = this.limits.maxTextLength;
    let length = 0;
    let i = start;
    while (i < n) {
      const c = b[i] as number;
      if (c === LT) break;
      if (c === AMP) {
        i = this.reference(i);
        if (i < 0) return i;
        length++;
      } else {
        if (c === CLOSE_BRACKET && b[i + 1] === CLOSE_BRACKET && b[i + 2] === GT) return this.fail(this.malformed("']]>' in text", i));
        if ((c & 0xc0) !== 0x80) length++;
        i++;
      }
      if (length > max) return this.fail(this.limit('maxTextLength', start));
    }
    return i;
  }

  /** `&…;` at `start`: a predefined entity or a character reference of an allowed character; the index after ';', or -1. */
  private reference(start: number): number {
    const b = this.bytes;
    let i = start + 1;
    if (b[i] === HASH) {
      i++;
      const hex = b[i] === 0x78;
      if (hex) i++;
      const digitsStart = i;
      // At most 8 digits: enough for U+10FFFF with leading zeros, and no overflow.
      while (i - digitsStart < 8 && (hex ? isHexDigit(b[i]) : isDigit(b[i]))) i++;
      if (b[i] !== SEMICOLON || i === digitsStart) return this.fail(this.malformed('an invalid character reference', start));
      const code = Number.parseInt(b.toString('latin1', digitsStart, i), hex ? 16 : 10);
      if (!isXmlChar(code)) return this.fail(this.malformed('a character reference to a character XML does not allow', start));
      return i + 1;
    }
    const end = this.name(i);
    if (end < 0 && this.violation !== undefined) return end;
    if (end < 0 || b[end] !== SEMICOLON) return this.fail(this.malformed("a '&' that does not start a reference (write &amp;)", start));
    if (!PREDEFINED_ENTITIES.has(b.toString('latin1', i, end))) {
      return this.fail(this.forbidden('a reference to an entity other than &lt; &gt; &amp; &apos; &quot; (no entity is declared)', start));
    }
    return end + 1;
  }

  /** A name from `start`; the index after it, or -1 when no name starts there. Its length is checked. */
  private name(start: number): number {
    const b = this.bytes;
    if (!isNameStart(b[start])) return -1;
    let i = start + 1;
    while (isNameChar(b[i])) i++;
    if (this.chars(start, i) > this.limits.maxNameLength) return this.fail(this.limit('maxNameLength', start));
    return i;
  }

  /** A start tag `<name attr="v" …>` or `<name …/>` at `start`, opening depth `level`; the index after it, or -1. */
  private startTag(start: number, level: number): number {
    const b = this.bytes;
    const nameEnd = this.name(start + 1);
    if (nameEnd < 0) return this.violation === undefined ? this.fail(this.malformed("a '<' that does not start a tag", start)) : -1;
    this.nameStarts[level] = start + 1;
    this.nameLengths[level] = nameEnd - start - 1;
    let count = 0;
    let i = nameEnd;
    for (;;) {
      const next = this.whitespace(i);
      if (b[next] === GT) {
        this.selfClosing = false;
        return next + 1;
      }
      if (b[next] === SLASH && b[next + 1] === GT) {
        this.selfClosing = true;
        return next + 2;
      }
      if (next >= b.length) return this.fail(this.malformed('unexpected end of the body in a tag', start));
      if (next === i) return this.fail(this.malformed('expected whitespace before an attribute', i));
      const attributeEnd = this.name(next);
      if (attributeEnd < 0) return this.violation === undefined ? this.fail(this.malformed('an invalid attribute name', next)) : -1;
      count++;
      if (count > this.limits.maxAttributes) return this.fail(this.limit('maxAttributes', next));
      if (this.isDuplicateAttribute(next, attributeEnd, count - 1)) return this.fail(this.malformed('a repeated attribute', next));
      this.attributeStarts[count - 1] = next;
      this.attributeLengths[count - 1] = attributeEnd - next;
      const equals = this.whitespace(attributeEnd);
      if (b[equals] !== EQUALS) return this.fail(this.malformed("expected '=' after an attribute name", equals));
      const quote = this.whitespace(equals + 1);
      const valueEnd = this.attributeValue(quote);
      if (valueEnd < 0) return valueEnd;
      if (this.declaresXInclude(next, attributeEnd, quote + 1, valueEnd - 1)) {
        return this.fail(this.forbidden('the XInclude namespace is not allowed (document inclusion)', next));
      }
      i = valueEnd;
    }
  }

  private isDuplicateAttribute(start: number, end: number, previous: number): boolean {
    const b = this.bytes;
    const length = end - start;
    for (let k = 0; k < previous; k++) {
      if (
        this.attributeLengths[k] === length &&
        b.compare(b, start, end, this.attributeStarts[k], (this.attributeStarts[k] as number) + length) === 0
      ) {
        return true;
      }
    }
    return false;
  }

  private declaresXInclude(nameStart: number, nameEnd: number, valueStart: number, valueEnd: number): boolean {
    const b = this.bytes;
    const isNamespace =
      b.toString('latin1', nameStart, Math.min(nameEnd, nameStart + 6)).startsWith('xmlns') &&
      (nameEnd - nameStart === 5 || b[nameStart + 5] === 0x3a);
    return isNamespace && b.toString('utf8', valueStart, valueEnd).trim() === XINCLUDE_NAMESPACE;
  }

  /** A quoted attribute value at `start` (the quote); the index after the closing quote, or -1. */
  private attributeValue(start: number): number {
    const b = this.bytes;
    const quote = b[start];
    if (quote !== QUOTE && quote !== APOSTROPHE) return this.fail(this.malformed('expected a quoted attribute value', start));
    const max = this.limits.maxAttributeValueLength;
    let length = 0;
    let i = start + 1;
    for (;;) {
      if (i >= b.length) return this.fail(this.malformed('unterminated attribute value', start));
      const c = b[i] as number;
      if (c === quote) return i + 1;
      if (c === LT) return this.fail(this.malformed("a '<' in an attribute value", i));
      if (c === AMP) {
        i = this.reference(i);
        if (i < 0) return i;
        length++;
      } else {
        if ((c & 0xc0) !== 0x80) length++;
        i++;
      }
      if (length > max) return this.fail(this.limit('maxAttributeValueLength', start));
    }
  }

  /** `</name>` at `start`, closing the element open at `depth`; the index after '>', or -1. */
  private endTag(start: number, depth: number): number {
    const b = this.bytes;
    const nameStart = start + 2;
    const length = this.nameLengths[depth] as number;
    const open = this.nameStarts[depth] as number;
    const nameEnd = nameStart + length;
    const matches = nameEnd <= b.length && b.compare(b, nameStart, nameEnd, open, open + length) === 0 && !isNameChar(b[nameEnd]);
    if (!matches) return this.fail(this.malformed('an end tag that does not match the open element', start));
    const close = this.whitespace(nameEnd);
    if (b[close] !== GT) return this.fail(this.malformed("expected '>' to end an end tag", close));
    return close + 1;
  }

  /** `<!-- … -->` at `start` ('--' inside is not XML); the index after it, or -1. */
  private comment(start: number): number {
    const contentStart = start + 4;
    const dashes = this.bytes.indexOf(COMMENT_DASHES, contentStart);
    if (dashes === -1) return this.fail(this.malformed('unterminated comment', start));
    if (this.bytes[dashes + 2] !== GT) return this.fail(this.malformed("'--' inside a comment", dashes));
    if (this.chars(contentStart, dashes) > this.limits.maxTextLength) return this.fail(this.limit('maxTextLength', start));
    return dashes + 3;
  }

  /** `<![CDATA[ … ]]>` at `start`; the index after it, or -1. */
  private cdata(start: number): number {
    const contentStart = start + CDATA_OPEN.length;
    const end = this.bytes.indexOf(CDATA_CLOSE, contentStart);
    if (end === -1) return this.fail(this.malformed('unterminated CDATA section', start));
    if (this.chars(contentStart, end) > this.limits.maxTextLength) return this.fail(this.limit('maxTextLength', start));
    return end + 3;
  }

  /** `<?target …?>` at `start` (not `<?xml`: the declaration comes first or not at all); the index after it, or -1. */
  private processingInstruction(start: number): number {
    const b = this.bytes;
    const targetEnd = this.name(start + 2);
    if (targetEnd < 0)
      return this.violation === undefined ? this.fail(this.malformed('a processing instruction without a target', start)) : -1;
    if (b.toString('latin1', start + 2, targetEnd).toLowerCase() === 'xml') {
      return this.fail(this.malformed('an XML declaration that is not at the start of the body', start));
    }
    const end = b.indexOf(PI_CLOSE, targetEnd);
    if (end === -1) return this.fail(this.malformed('unterminated processing instruction', start));
    if (end !== targetEnd && !isWhitespace(b[targetEnd]))
      return this.fail(this.malformed('an invalid processing instruction target', start));
    if (this.chars(targetEnd, end) > this.limits.maxTextLength) return this.fail(this.limit('maxTextLength', start));
    return end + 2;
  }

  private whitespace(i: number): number {
    const b = this.bytes;
    while (isWhitespace(b[i])) i++;
    return i;
  }

  private startsWith(i: number, prefix: Buffer): boolean {
    // compare() throws for a range past the end: a body may stop in the middle of a prefix.
    return i + prefix.length <= this.bytes.length && this.bytes.compare(prefix, 0, prefix.length, i, i + prefix.length) === 0;
  }

  /** Characters (not UTF-8 continuation bytes) between two offsets. */
  private chars(start: number, end: number): number {
    const b = this.bytes;
    let count = 0;
    for (let i = start; i < end; i++) if (((b[i] as number) & 0xc0) !== 0x80) count++;
    return count;
  }

  private fail(violation: XmlViolation): number {
    this.violation = violation;
    return -1;
  }

  private limit(limit: keyof XmlLimits, offset: number): XmlViolation {
    return { kind: 'limit', limit, offset };
  }

  private forbidden(reason: string, offset: number): XmlViolation {
    return { kind: 'forbidden', reason, offset };
  }

  private malformed(reason: string, offset: number): XmlViolation {
    return { kind: 'malformed', reason, offset };
  }
}

/** The offset of the first C0 control character XML 1.0 forbids (all but tab, LF, CR), or -1. */
function forbiddenControl(bytes: Buffer): number {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i] as number;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) return i;
  }
  return -1;
}
