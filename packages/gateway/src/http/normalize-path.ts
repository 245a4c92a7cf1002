/** Characters RFC 3986 calls unreserved: percent-encoding them changes nothing, so they are decoded. */
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/**
 * Normalises a request path (without its query) so that routing, authorisation and the
 * backend all see the same path: unreserved percent-escapes decoded (`%2e` → `.`), other
 * escapes upper-cased, empty segments collapsed, `.` and `..` segments resolved (RFC 3986
 * §5.2.4, never above the root). Returns undefined for paths that cannot be made unambiguous:
 * not starting with `/`, an encoded `/` or `\`, a raw `\`, a NUL or control character, a
 * malformed escape.
 */
export function normalizePath(raw: string): string | undefined {
  if (raw.charCodeAt(0) !== 47 /* / */) return undefined;
  if (hasControlOrBackslash(raw)) return undefined;
  // Fast path: nothing to decode, no dot or empty segment.
  if (!raw.includes('%') && !raw.includes('/.') && !raw.includes('//')) return raw;
  let decoded = '';
  for (let i = 0; i < raw.length; i++) {
    const char = raw[i];
    if (char !== '%') {
      decoded += char;
      continue;
    }
    const hex = raw.slice(i + 1, i + 3);
    if (!/^[0-9A-Fa-f]{2}$/.test(hex)) return undefined;
    const code = Number.parseInt(hex, 16);
    // An encoded separator or NUL would mean one thing here and another at the backend.
    if (code === 0x2f || code === 0x5c || code < 0x20 || code === 0x7f) return undefined;
    const decodedChar = String.fromCharCode(code);
    decoded += UNRESERVED.test(decodedChar) ? decodedChar : `%${hex.toUpperCase()}`;
    i += 2;
  }
  const output: string[] = [];
  const segments = decoded.split('/');
  for (let i = 1; i < segments.length; i++) {
    const segment = segments[i] ?? '';
    if (segment === '..') output.pop();
    else if (segment !== '.' && segment !== '') output.push(segment);
  }
  const last = segments.at(-1);
  const trailingSlash = decoded.length > 1 && (last === '' || last === '.' || last === '..');
  return `/${output.join('/')}${trailingSlash && output.length > 0 ? '/' : ''}`;
}

/** A raw backslash or a control character (C0 or DEL) makes a path ambiguous. */
function hasControlOrBackslash(raw: string): boolean {
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (code < 0x20 || code === 0x7f || code === 0x5c) return true;
  }
  return false;
}
